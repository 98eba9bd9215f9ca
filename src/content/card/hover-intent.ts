/**
 * When the card opens and closes: a pure state machine (no DOM, no timers) so that every rule of
 * WCAG 1.4.13 (dismissable, hoverable, persistent) is testable. The driver (hover-card.ts) feeds it
 * events, starts or cancels the one timer that `timer` names, and opens or closes the card when
 * `open` changes. `T` is whatever identifies a highlight (an element in the page).
 */

/**
 * Dwell before a hovered name opens its card. Long enough that a pointer crossing a paragraph on
 * its way elsewhere opens nothing; short enough to feel immediate (hover intent is usually 150–300 ms).
 */
export const HOVER_DWELL_MS = 200;
/**
 * How long the card stays after the pointer leaves the name or the card: time to cross the gap
 * between them (WCAG 1.4.13 "hoverable") without the card vanishing under the pointer.
 */
export const LEAVE_GRACE_MS = 300;

export interface IntentState<T> {
  /** The highlight whose card is showing, or null. */
  open: T | null;
  /** A hovered highlight waiting out the dwell. */
  candidate: T | null;
  overMark: boolean;
  overCard: boolean;
  /** Keyboard focus is on the open highlight or inside the card. */
  focused: boolean;
  /** The timer that should be running: dwell (then open the candidate) or grace (then close). */
  timer: 'dwell' | 'grace' | null;
}

export type IntentEvent<T> =
  | { type: 'enter-mark'; mark: T }
  | { type: 'leave-mark' }
  | { type: 'enter-card' }
  | { type: 'leave-card' }
  | { type: 'focus'; mark: T }
  | { type: 'focus-card' }
  /** Focus went somewhere that is neither the open highlight nor the card. */
  | { type: 'blur' }
  /** Opened on request (the next/previous-name command): like focus. */
  | { type: 'command'; mark: T }
  /** A tap on a touch screen (no hover, so no dwell): opens at once, like focus; a tap elsewhere dismisses. */
  | { type: 'tap'; mark: T }
  | { type: 'dwell-elapsed' }
  | { type: 'grace-elapsed' }
  /** Esc, the highlight scrolled out of view, or the caller closed the card. */
  | { type: 'dismiss' };

export function initialIntent<T>(): IntentState<T> {
  return { open: null, candidate: null, overMark: false, overCard: false, focused: false, timer: null };
}

const closed = <T>(s: IntentState<T>): IntentState<T> => ({ ...s, open: null, candidate: null, focused: false, timer: null });

/** Whether nothing holds the open card any more (then it may start its grace period). */
const unheld = <T>(s: IntentState<T>) => s.open !== null && !s.overMark && !s.overCard && !s.focused;

export function nextIntent<T>(s: IntentState<T>, e: IntentEvent<T>): IntentState<T> {
  switch (e.type) {
    case 'enter-mark':
      if (s.open === e.mark) return { ...s, overMark: true, candidate: null, timer: null };
      return { ...s, overMark: true, candidate: e.mark, timer: 'dwell' };
    case 'leave-mark': {
      const next = { ...s, overMark: false, candidate: null, timer: s.timer === 'dwell' ? null : s.timer };
      return unheld(next) ? { ...next, timer: 'grace' } : next;
    }
    case 'enter-card':
      return { ...s, overCard: true, candidate: null, timer: s.timer === 'grace' || s.timer === 'dwell' ? null : s.timer };
    case 'leave-card': {
      const next = { ...s, overCard: false };
      return unheld(next) ? { ...next, timer: 'grace' } : next;
    }
    case 'focus':
    case 'command':
    case 'tap':
      return { ...s, open: e.mark, candidate: null, focused: true, timer: null };
    case 'focus-card':
      return s.open === null ? s : { ...s, focused: true, timer: s.timer === 'grace' ? null : s.timer };
    case 'blur': {
      // Focus leaving closes a card that focus opened, unless the pointer holds it.
      if (!s.focused) return s;
      const next = { ...s, focused: false };
      if (next.open !== null && !next.overMark && !next.overCard) return closed(next);
      return next;
    }
    case 'dwell-elapsed':
      if (s.timer !== 'dwell' || s.candidate === null) return s;
      // A new card replaces one that focus held: focus is not on the new highlight.
      return { ...s, open: s.candidate, candidate: null, timer: null, focused: s.open === s.candidate ? s.focused : false };
    case 'grace-elapsed':
      if (s.timer !== 'grace') return s;
      return unheld(s) ? closed(s) : { ...s, timer: null };
    case 'dismiss':
      return closed(s);
  }
}
