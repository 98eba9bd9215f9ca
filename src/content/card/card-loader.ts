/**
 * Loads the hover card (card.js: Preact, floating-ui, the card's components and styles) only
 * when a reader first needs it, so that a page that is only read never pays for it: on the first
 * pointer over a name, focus on a name, touch on a name or command. Loading starts at the
 * pointer's arrival, during the card's 200 ms dwell, and what happened meanwhile (the pointer on
 * a name since some time, a focused name, a tap) is handed to the card once it is loaded.
 *
 * card.js is an ES module listed in web_accessible_resources and imported with `import()` from
 * its `runtime.getURL` address: a content script's dynamic import is governed by the extension's
 * own policy, not the page's Content-Security-Policy, and needs no permission (the other way,
 * `scripting.executeScript`, would need the "scripting" permission). See docs/browser-notes.md.
 */
import type { CardApi, HoverCard } from './hover-card';
import { HOST_ATTR, insideActivatable, markFrom } from './card-dom';
import { installTestHook, UNLOADED_SNAPSHOT } from './test-hook';
import { deepActiveElement, eventTarget } from '../composed-tree';

/** The module's file in the extension (build.mjs writes it beside content.js). */
export const CARD_MODULE = 'card.js';

type CardModule = { initHoverCard(signal: AbortSignal, api: CardApi, pointerType: string): HoverCard };

export interface LazyCard {
  openFor(mark: HTMLElement, reason: 'focus' | 'command'): void;
  close(): void;
  announce(message: string): void;
}

/**
 * The card, loaded on demand. `load` imports card.js (a parameter for tests); `api` is what the
 * card needs of the extension's API.
 */
export function lazyHoverCard(signal: AbortSignal, api: CardApi, load: () => Promise<CardModule>): LazyCard {
  let card: HoverCard | null = null;
  let loading: Promise<HoverCard | null> | null = null;
  /** What to replay once loaded: the name under the pointer (and since when), the focused one, a tap. */
  let hovered: { mark: HTMLElement; at: number } | null = null;
  let focused: HTMLElement | null = null;
  let tapped: HTMLElement | null = null;
  let lastPointerType = '';
  /** Calls made before the card was loaded (a command), in order; a close drops them. */
  let queued: ((c: HoverCard) => void)[] = [];
  const early = new AbortController();
  signal.addEventListener('abort', () => early.abort(), { once: true });

  // A card host left by an instance that was unloaded without cleaning up (Firefox stops an
  // uninstalled add-on's content script dead, leaving its DOM changes, then injects the new
  // instance into the same tab): without this, every reinstall added another host.
  for (const stale of Array.from(document.querySelectorAll(`[${HOST_ATTR}]`))) stale.remove();

  const start = (): Promise<HoverCard | null> => {
    loading ??= load().then(
      (mod) => {
        if (signal.aborted) return null;
        early.abort();
        // The pointer type goes along: a touch may have come down while the module loaded, and its
        // click, a tap, then reaches only the card's listeners (a first tap on a name in a link
        // must open the card, not follow the link).
        const c = mod.initHoverCard(signal, api, lastPointerType);
        card = c;
        if (tapped) c.tap(tapped);
        else if (focused && deepActiveElement(document) === focused) c.openFor(focused, 'focus');
        else if (hovered && hovered.mark.isConnected) c.hover(hovered.mark, performance.now() - hovered.at);
        for (const call of queued) call(c);
        queued = [];
        return c;
      },
      (err: unknown) => {
        // Tried again on the next hover or command (an update may have replaced the file).
        console.warn('Backstory: the card could not be loaded:', err);
        loading = null;
        return null;
      },
    );
    return loading;
  };
  const whenLoaded = (call: (c: HoverCard) => void) => {
    if (card) return call(card);
    queued.push(call);
    void start();
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, fn, { capture: true, signal: early.signal, passive: type !== 'click' });
  listen('pointerover', (e) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(eventTarget(e));
    if (mark === hovered?.mark) return;
    hovered = mark ? { mark, at: performance.now() } : null;
    if (mark) void start();
  });
  listen('pointerout', (e) => {
    if (e.relatedTarget === null) hovered = null;
  });
  listen('pointerdown', (e) => {
    lastPointerType = e.pointerType;
    if (markFrom(eventTarget(e))) void start();
  });
  listen('click', (e) => {
    if (lastPointerType !== 'touch') return;
    const mark = markFrom(eventTarget(e));
    if (!mark) return;
    // As the card does: the first tap on a name in a link opens the card, not the link.
    if (insideActivatable(mark)) e.preventDefault();
    tapped = mark;
    void start();
  });
  listen('focusin', (e) => {
    focused = markFrom(eventTarget(e));
    if (focused) void start();
  });

  installTestHook(() => card?.snapshot() ?? UNLOADED_SNAPSHOT, signal);

  return {
    openFor(mark, reason) {
      whenLoaded((c) => c.openFor(mark, reason));
    },
    close() {
      queued = [];
      hovered = focused = tapped = null;
      card?.close();
    },
    announce(message) {
      whenLoaded((c) => c.announce(message));
    },
  };
}
