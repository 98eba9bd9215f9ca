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
  text: string;
  theme: string | null;
  rect: Rect | null;
  buttons: (Rect & { label: string })[];
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

export function snapshotCard(card: HTMLElement, extra: Omit<CardSnapshot, 'text' | 'rect' | 'buttons' | 'settled'>): CardSnapshot {
  return {
    ...extra,
    settled: card.getAnimations().every((a) => a.playState !== 'running'),
    text: extra.open ? (card.textContent ?? '').replace(/\s+/g, ' ').trim() : '',
    rect: extra.open ? rectOf(card) : null,
    buttons: extra.open
      ? [...card.querySelectorAll('button')].map((b) => ({ label: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(), ...rectOf(b) }))
      : [],
  };
}

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
