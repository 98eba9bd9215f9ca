/**
 * "Add this article": opens the review of the page's article in a tab of its own (extraction
 * needs room, and the popup would close as soon as the reader clicks elsewhere). Nothing is read
 * from the page until the review page asks for it.
 */
import browser from 'webextension-polyfill';
import { reviewUrl } from '../review/review-target';

interface AddArticleProps {
  tabId: number;
  /** The real toolbar popup closes itself once the review tab is open; a popup opened as a tab does not. */
  closeAfter: boolean;
}

export function AddArticle({ tabId, closeAfter }: AddArticleProps) {
  const open = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(reviewUrl(tabId)) });
    if (closeAfter) window.close();
  };
  return (
    <section class="add-article" aria-labelledby="add-article-title">
      <h2 id="add-article-title" class="sr">Your reading</h2>
      <button type="button" class="primary" onClick={() => void open()}>
        Add this article
      </button>
      <p class="hint">Keep its names and background on this device: they light up on every page you read later.</p>
    </section>
  );
}
