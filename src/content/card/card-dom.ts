/**
 * What the content script and the lazily loaded card module (card.js) both need to know about
 * the page: kept apart from the card's code so that content.js does not bundle it.
 */
import { parentAcrossShadow } from '../composed-tree';

/** Attribute of the card's host element (its state, "open" or "closed", is read by tests). */
export const HOST_ATTR = 'data-backstory-card';

/** The highlights the card belongs to (content.css and the highlighter use the same class). */
export const MARK_SELECTOR = 'mark.backstory-mark[data-entity-id]';

export const markFrom = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>(MARK_SELECTOR) : null;

/** Ancestors whose action a tap on a name inside them would trigger: the first tap opens the card instead. */
const ACTIVATABLE = 'a[href], area[href], button, summary, label';

/** Whether the mark sits inside a link or another control, in its own tree or around its shadow root's host. */
export function insideActivatable(mark: Element): boolean {
  for (let el: Element | null = mark; el; el = parentAcrossShadow(el)) if (el.matches(ACTIVATABLE)) return true;
  return false;
}
