/**
 * A read-only window into the closed shadow root for browser tests. Only while the page's <html>
 * has `data-backstory-test="1"`, a `backstory-test-hook` event on `document` is answered at once
 * with a `backstory-test-hook-reply` event whose `detail` is a JSON string (a string crosses
 * Firefox's Xray boundary as it is) describing the card: open, entity id, text, its rectangle and
 * its buttons' rectangles. It accepts no commands: tests act through real pointer and keys.
 * Everything it reports is the extension's own bundled text and the card's geometry; no user data.
 */
export const TEST_HOOK_REQUEST = 'backstory-test-hook';
export const TEST_HOOK_REPLY = 'backstory-test-hook-reply';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardSnapshot {
  open: boolean;
  entityId: string | null;
  /** The text the card renders (hidden parts left out; screen-reader-only text included). */
  text: string;
  theme: string | null;
  rect: Rect | null;
  buttons: (Rect & { label: string; expanded: string | null })[];
  /** Links (paragraph citations): their text, address and rectangle. */
  links: (Rect & { label: string; href: string; target: string; rel: string })[];
  /** Cited sentences on show (the "¶ N" under the pointer or focus). */
  tips: string[];
  /** Keyboard focus is inside the card. */
  focusInCard: boolean;
  /** No animation is running on the card (its fade-in is over): ready for a screenshot. */
  settled: boolean;
  /** How the stylesheet got in: "adopted" (constructable) or "style-element" (fallback). */
  styleMode: string;
}

const rectOf = (el: Element): Rect => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};

const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export function snapshotCard(card: HTMLElement, extra: Omit<CardSnapshot, 'text' | 'rect' | 'buttons' | 'links' | 'tips' | 'settled'>): CardSnapshot {
  const shown = <E extends Element>(selector: string) => (extra.open ? [...card.querySelectorAll<E>(selector)].filter((el) => el.getClientRects().length > 0) : []);
  return {
    ...extra,
    settled: card.getAnimations().every((a) => a.playState !== 'running'),
    text: extra.open ? squeeze(card.innerText) : '',
    rect: extra.open ? rectOf(card) : null,
    buttons: shown<HTMLButtonElement>('button').map((b) => ({
      label: squeeze(b.getAttribute('aria-label') ?? b.textContent),
      expanded: b.getAttribute('aria-expanded'),
      ...rectOf(b),
    })),
    links: shown<HTMLAnchorElement>('a[href]').map((a) => ({
      label: squeeze(a.textContent),
      href: a.href,
      target: a.target,
      rel: a.rel,
      ...rectOf(a),
    })),
    tips: shown<HTMLElement>('.bs-tip').map((t) => squeeze(t.textContent)),
  };
}

/** The snapshot before the card's module is loaded: nothing has opened yet. */
export const UNLOADED_SNAPSHOT: CardSnapshot = {
  open: false, entityId: null, text: '', theme: null, rect: null, buttons: [], links: [], tips: [], focusInCard: false, settled: true, styleMode: 'not loaded',
};

export function installTestHook(read: () => CardSnapshot, signal: AbortSignal): void {
  document.addEventListener(
    TEST_HOOK_REQUEST,
    () => {
      if (document.documentElement.dataset.backstoryTest !== '1') return;
      document.dispatchEvent(new CustomEvent(TEST_HOOK_REPLY, { detail: JSON.stringify(read()) }));
    },
    { signal },
  );
}
