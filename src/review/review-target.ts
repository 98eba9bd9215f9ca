/**
 * The review page's address: review.html?tab=<id>, the tab whose article is being added. Pure.
 */
export const REVIEW_PAGE = 'review.html';

export function reviewUrl(tabId: number): string {
  return `${REVIEW_PAGE}?tab=${tabId}`;
}

/** The tab id in the review page's query string, or null when it is missing or malformed. */
export function reviewTab(search: string): number | null {
  const tab = new URLSearchParams(search).get('tab');
  return tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
}
