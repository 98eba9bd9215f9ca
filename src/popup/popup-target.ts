/**
 * What the popup page is for, read from its URL:
 *   popup.html                 the active tab's names (as the toolbar popup)
 *   popup.html?tab=<id>        the names of tab <id> (tests open the popup as a tab this way)
 *   popup.html#entity=<id>     one entity's full background (opened by "Full background")
 * Pure.
 */
export type PopupTarget = { kind: 'entity'; id: string } | { kind: 'page'; tabId: number | null };

export function readTarget(search: string, hash: string): PopupTarget {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const id = fragment.get('entity');
  if (id) return { kind: 'entity', id };
  const tab = new URLSearchParams(search).get('tab');
  const tabId = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  return { kind: 'page', tabId };
}

export function entityHash(id: string): string {
  return `#entity=${encodeURIComponent(id)}`;
}
