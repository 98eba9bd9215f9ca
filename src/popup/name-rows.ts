/**
 * The popup's list of names on the page: in the order the content script found them (first
 * appearance), with counts, joined to the knowledge base. Pure.
 */
import type { FoundName } from '../common/messages';
import type { EntityRef } from '../common/messages';

export interface NameRow {
  entity: EntityRef;
  count: number;
}

export function nameRows(found: readonly FoundName[], entity: (id: string) => EntityRef | undefined): NameRow[] {
  const seen = new Set<string>();
  const rows: NameRow[] = [];
  for (const f of found) {
    // A repeated id (should not happen) keeps its first place; an unknown id (a pack that is no
    // longer built in) is left out rather than shown without a background.
    if (seen.has(f.id)) continue;
    const e = entity(f.id);
    if (!e || !(f.count > 0)) continue;
    seen.add(f.id);
    rows.push({ entity: e, count: f.count });
  }
  return rows;
}

/** "3 mentions", "1 mention". */
export function mentionLabel(count: number): string {
  return `${count} ${count === 1 ? 'mention' : 'mentions'}`;
}
