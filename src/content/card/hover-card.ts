/**
 * The in-page hover card (issue 5). Opens after a dwell on a highlight or when one gets keyboard
 * focus; stays while the pointer travels into it and while it is hovered or focused; closes on
 * Esc, on leaving (after a grace period), when the name scrolls out of view, and on blur
 * (WCAG 1.4.13: dismissable, hoverable, persistent). The rules live in hover-intent.ts; this
 * file wires them to the page.
 *
 * Touch screens have no hover: a touch pointer never starts the dwell; a tap on a name opens its
 * card at once, a tap elsewhere closes it. A name inside a link (or another control) takes two
 * taps: the first opens the card (the link's default action is prevented), the second, with the
 * card open for that name, is the page's own (the link is followed).
 *
 * Highlights may sit in open shadow roots: events are read at their real target (composedPath),
 * which the document sees only as the host.
 *
 * This file is the entry of card.js, the module content.js loads on the first hover, focus, tap
 * or command (card-loader.ts): it takes the extension's API from its caller, so it bundles no
 * copy of webextension-polyfill.
 */
import { h, render } from 'preact';
import type { Message, Replies } from '../../common/messages';
import { CardHost } from './card-host';
import { CARD_HEADING_ID, CardView } from './CardView';
import { createEntityClient, type StorageEvents } from './entity-client';
import { HOVER_DWELL_MS, LEAVE_GRACE_MS, initialIntent, nextIntent, type IntentEvent } from './hover-intent';
import { pageThemeAt } from './page-theme';
import { positionCard } from './position';
import { snapshotCard, type CardSnapshot } from './test-hook';
import { deepActiveElement, eventTarget } from '../composed-tree';
import { insideActivatable, markFrom } from './card-dom';

export interface HoverCard {
  openFor(mark: HTMLElement, reason: 'focus' | 'command'): void;
  /**
   * The pointer came onto `mark` `sinceMs` ago, before this module was loaded: the dwell counts
   * from then, so the card opens when it would have had it been loaded all along.
   */
  hover(mark: HTMLElement, sinceMs: number): void;
  /** A tap on a touch screen that came before this module was loaded. */
  tap(mark: HTMLElement): void;
  close(): void;
  announce(message: string): void;
  /** What the test hook reports (test-hook.ts). */
  snapshot(): CardSnapshot;
}

/** What the card needs of the extension's API, handed over by content.js. */
export interface CardApi {
  send(message: Message): Promise<unknown>;
  storageEvents: StorageEvents;
}

/**
 * `pointerType`: that of the last pointerdown before this module was loaded (card-loader.ts): a
 * touch that came down while it loaded ends in a click that is a tap, handled here.
 */
export function initHoverCard(signal: AbortSignal, api: CardApi, pointerType = ''): HoverCard {
  const ui = new CardHost(CARD_HEADING_ID);
  const fetchEntity = createEntityClient(api.send, signal, api.storageEvents);
  let state = initialIntent<HTMLElement>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopPositioning: (() => void) | undefined;
  let visibility: IntersectionObserver | undefined;
  let hoveredMark: HTMLElement | null = null;
  /** The next focus on this mark must not reopen the card (focus returned after Tab past the card). */
  let quietFocus: HTMLElement | null = null;
  let openedAt = 0;
  /** The pointer type of the last pointerdown: "touch" makes the next click a tap. */
  let lastPointerType = pointerType;
  /** The card was already open for the name a touch came down on: this tap is the second one. */
  let secondTap = false;

  const dispatch = (event: IntentEvent<HTMLElement>) => {
    if (signal.aborted) return;
    const prev = state;
    state = nextIntent(prev, event);
    if (state.candidate && state.candidate !== prev.candidate) {
      // Fetch during the dwell, so the card opens with its content rather than "Loading".
      fetchEntity(state.candidate.dataset.entityId ?? '').catch(() => undefined);
    }
    if (state.timer !== prev.timer || state.candidate !== prev.candidate) {
      clearTimeout(timer);
      timer = undefined;
      if (state.timer === 'dwell') timer = setTimeout(() => dispatch({ type: 'dwell-elapsed' }), HOVER_DWELL_MS);
      if (state.timer === 'grace') timer = setTimeout(() => dispatch({ type: 'grace-elapsed' }), LEAVE_GRACE_MS);
    }
    if (state.open !== prev.open) {
      if (prev.open) hide(prev.open);
      if (state.open) show(state.open);
    }
  };

  const sendBackground = (message: Message) => {
    api.send(message).catch(() => undefined);
  };

  // "Don't highlight <name>": the background saves it to the settings, which every open tab
  // watches (this one included: its marks of the name go, and with them this card).
  const mute = (id: string, name: string) => {
    dispatch({ type: 'dismiss' });
    const message: Message = { type: 'set-muted', id, muted: true };
    (api.send(message) as Promise<Replies['set-muted'] | undefined>)
      .then((reply) => (reply?.saved ? undefined : Promise.reject(new Error('not saved'))))
      .then(
        () => ui.announce(`${name} is no longer highlighted. Backstory's options list the names you muted.`),
        () => ui.announce(`${name} could not be muted: the browser refused to save the setting.`),
      );
  };

  function show(mark: HTMLElement) {
    const id = mark.dataset.entityId ?? '';
    openedAt += 1;
    ui.setTheme(pageThemeAt(mark));
    ui.show(id);
    render(
      h(CardView, {
        key: openedAt,
        rootId: id,
        fetchEntity,
        onFullBackground: (entityId: string) => sendBackground({ type: 'open-background', id: entityId }),
        onMute: mute,
        onClose: () => dispatch({ type: 'dismiss' }),
        onShow: (shown: string) => ui.setShown(shown),
      }),
      ui.card,
    );
    stopPositioning = positionCard(mark, ui.card);
    // Close when the name leaves the viewport, but only after it has been seen in it: a command
    // may open the card while the page is still scrolling the name into view.
    let seen = false;
    visibility = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      if (entry.isIntersecting) seen = true;
      else if (seen) dispatch({ type: 'dismiss' });
    });
    visibility.observe(mark);
  }

  function hide(mark: HTMLElement) {
    stopPositioning?.();
    stopPositioning = undefined;
    visibility?.disconnect();
    visibility = undefined;
    // Focus inside the card would be lost with it: give it back to the name.
    if (ui.activeElement() && mark.isConnected) {
      quietFocus = mark;
      mark.focus({ preventScroll: true });
    }
    render(null, ui.card);
    ui.hide();
  }

  const focusables = () => [...ui.card.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, fn, { capture: true, signal, passive: type.startsWith('pointer') });

  listen('pointerover', (e) => {
    // A finger does not hover: touching a name is a tap (see the click listener), not a dwell.
    if (e.pointerType === 'touch') return;
    const target = eventTarget(e);
    if (ui.contains(target as Node)) return; // the card's own enter/leave handle it
    const mark = markFrom(target);
    if (mark === hoveredMark) return;
    if (hoveredMark) dispatch({ type: 'leave-mark' });
    hoveredMark = mark;
    if (mark) dispatch({ type: 'enter-mark', mark });
  });
  listen('pointerout', (e) => {
    if (e.pointerType === 'touch') return;
    // relatedTarget null: the pointer left the window.
    if (e.relatedTarget === null && hoveredMark) {
      hoveredMark = null;
      dispatch({ type: 'leave-mark' });
    }
  });
  ui.card.addEventListener('pointerenter', () => {
    if (hoveredMark) {
      hoveredMark = null;
      dispatch({ type: 'leave-mark' });
    }
    dispatch({ type: 'enter-card' });
  }, { signal });
  ui.card.addEventListener('pointerleave', () => dispatch({ type: 'leave-card' }), { signal });

  listen('pointerdown', (e) => {
    const target = eventTarget(e);
    const mark = markFrom(target);
    lastPointerType = e.pointerType;
    // Read now: the tap's focus may open the card before its click arrives.
    secondTap = e.pointerType === 'touch' && mark !== null && state.open === mark;
    // A click or tap elsewhere on the page dismisses the card.
    if (state.open && !ui.contains(target as Node) && mark !== state.open) dispatch({ type: 'dismiss' });
  });

  listen('click', (e) => {
    if (lastPointerType !== 'touch' || secondTap) return;
    const mark = markFrom(eventTarget(e));
    if (!mark) return;
    // Only where the tap would do something else: a name in plain text keeps the page's click.
    if (insideActivatable(mark)) e.preventDefault();
    dispatch({ type: 'tap', mark });
  });

  listen('focusin', (e) => {
    const target = eventTarget(e);
    if (ui.contains(target as Node)) {
      dispatch({ type: 'focus-card' });
      return;
    }
    const mark = markFrom(target);
    if (mark && mark === quietFocus) {
      quietFocus = null;
      return;
    }
    quietFocus = null;
    if (mark) dispatch({ type: 'focus', mark });
    else dispatch({ type: 'blur' });
  });
  listen('focusout', (e) => {
    // Focus leaving for nowhere (relatedTarget null, e.g. a click on empty page) counts as blur,
    // but not when the whole window loses focus: the element stays active then.
    if (e.relatedTarget !== null) return;
    const fromCard = ui.contains(e.target as Node);
    setTimeout(() => {
      const active = deepActiveElement(document);
      if (fromCard && state.open && (active === null || active === document.body)) {
        // The focused control was re-rendered away (the card moved to another entity): keep
        // focus in the card rather than closing it under the reader.
        ui.card.querySelector<HTMLElement>(`#${CARD_HEADING_ID}`)?.setAttribute('tabindex', '-1');
        ui.card.querySelector<HTMLElement>(`#${CARD_HEADING_ID}`)?.focus();
        return;
      }
      if (active === state.open || active === ui.host) return;
      if (active === null || active === document.body || active === document.documentElement) dispatch({ type: 'blur' });
    }, 0);
  });

  listen('keydown', (e) => {
    const open = state.open;
    if (!open) return;
    if (e.key === 'Escape') {
      // A cited sentence on show takes this Esc for itself (Citation.tsx); the card stays.
      if (ui.card.querySelector('.bs-tip:not([hidden])')) return;
      // Not stopped: the page may have its own use for Esc (leaving full screen, a menu).
      dispatch({ type: 'dismiss' });
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusables();
    const inCard = ui.activeElement();
    if (!inCard && deepActiveElement(document) === open && !e.shiftKey && items[0]) {
      // The card sits at the end of the document: Tab from the name steps into it.
      e.preventDefault();
      items[0].focus();
    } else if (inCard && e.shiftKey && inCard === items[0]) {
      e.preventDefault();
      open.focus();
    } else if (inCard && !e.shiftKey && inCard === items[items.length - 1]) {
      // Past the card's last control: back to the name with the card closed, so the next Tab
      // carries on through the page.
      e.preventDefault();
      quietFocus = open;
      open.focus();
      dispatch({ type: 'dismiss' });
    }
  });

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      stopPositioning?.();
      visibility?.disconnect();
      render(null, ui.card);
      ui.destroy();
    },
    { once: true },
  );

  return {
    openFor(mark, reason) {
      dispatch({ type: reason === 'command' ? 'command' : 'focus', mark });
    },
    hover(mark, sinceMs) {
      hoveredMark = mark;
      dispatch({ type: 'enter-mark', mark });
      if (state.timer !== 'dwell') return;
      clearTimeout(timer);
      timer = setTimeout(() => dispatch({ type: 'dwell-elapsed' }), Math.max(0, HOVER_DWELL_MS - sinceMs));
    },
    tap(mark) {
      dispatch({ type: 'tap', mark });
    },
    snapshot: () =>
      snapshotCard(ui.card, {
        open: state.open !== null,
        entityId: state.open ? (ui.host.dataset.entityId ?? null) : null,
        theme: ui.card.parentElement?.dataset.theme ?? null,
        focusInCard: ui.activeElement() !== null,
        styleMode: ui.styleMode,
      }),
    close() {
      dispatch({ type: 'dismiss' });
    },
    announce(message) {
      ui.announce(message);
    },
  };
}
