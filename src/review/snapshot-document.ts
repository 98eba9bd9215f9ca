/**
 * A page snapshot as a document to extract the article from: the markup parsed into an inert
 * document (DOMParser runs no script and loads nothing), with Backstory's own marks and card
 * taken out so the article reads as the page wrote it. Pure DOM: no browser extension API.
 */
import type { PageSnapshot } from '../common/messages';
import { MARK_CLASS, UI_HOST_ATTRIBUTE } from '../content/exclusions';

/** The card's host element (src/content/card/card-host.ts); not imported, to keep the card out of this page. */
const CARD_HOST_SELECTOR = '[data-backstory-card]';

export function snapshotDocument(snapshot: PageSnapshot): Document {
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  for (const host of Array.from(doc.querySelectorAll(`${CARD_HOST_SELECTOR}, [${UI_HOST_ATTRIBUTE}]`))) host.remove();
  for (const mark of Array.from(doc.querySelectorAll(`mark.${MARK_CLASS}`))) mark.replaceWith(...Array.from(mark.childNodes));
  // Marking split text nodes; joined again, the text is one node per run as the page had it.
  doc.body?.normalize();
  return doc;
}
