/** Moving between highlighted names: the next/previous-name commands and the popup's "show". */

/** How long a mention shown from the popup flashes: long enough to catch the eye after a scroll. */
export const FLASH_MS = 1_200;
export const FLASH_CLASS = 'backstory-mark--flash';

/** The mark after (or before) the one the reader is on, wrapping around; null when there are none. */
export function adjacentMark(marks: HTMLElement[], current: Element | null, direction: 1 | -1): HTMLElement | null {
  if (marks.length === 0) return null;
  const at = current ? marks.indexOf(current as HTMLElement) : -1;
  if (at === -1) return direction === 1 ? marks[0]! : marks[marks.length - 1]!;
  return marks[(at + direction + marks.length) % marks.length]!;
}

/** Cycles through the mentions of one entity, one "show" at a time. */
export class MentionCycler {
  private lastShown = new Map<string, HTMLElement>();

  next(marks: HTMLElement[], id: string): HTMLElement | null {
    const own = marks.filter((m) => m.dataset.entityId === id);
    const last = this.lastShown.get(id);
    const at = last ? own.indexOf(last) : -1;
    const mark = own[(at + 1) % Math.max(1, own.length)] ?? null;
    if (mark) this.lastShown.set(id, mark);
    return mark;
  }
}

/** Scrolls a mark into view and flashes it. */
export function flash(mark: HTMLElement): void {
  const reduce = mark.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  mark.classList.add(FLASH_CLASS);
  setTimeout(() => mark.classList.remove(FLASH_CLASS), FLASH_MS);
}
