/**
 * Which of some elements are in the viewport, without forcing a layout: highlighting marks those
 * first. An IntersectionObserver is told at the browser's next rendering update, from the layout
 * the browser makes anyway; reading getBoundingClientRect instead forces a synchronous layout
 * whenever the page has changed since the last one (each time slice, with the page's own work
 * between slices), which is what the bench's forced-layout figure counted before.
 */

/**
 * How long to wait for the observer's first report: a frame or a few on a busy page. Past it
 * (a page that is not rendering), the marks go in document order.
 */
export const VISIBILITY_WAIT_MS = 100;

export function visibleElements(elements: Element[], doc: Document, waitMs = VISIBILITY_WAIT_MS): Promise<Set<Element>> {
  const view = doc.defaultView;
  // A hidden tab renders nothing (no report would come) and shows nothing: no order to keep.
  if (elements.length === 0 || doc.visibilityState === 'hidden' || !view || typeof view.IntersectionObserver !== 'function') {
    return Promise.resolve(new Set());
  }
  return new Promise((resolve) => {
    const visible = new Set<Element>();
    const observer = new view.IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) visible.add(e.target);
      // The first report holds every element observed before it.
      finish();
    });
    const finish = () => {
      clearTimeout(timer);
      observer.disconnect();
      resolve(visible);
    };
    const timer = setTimeout(finish, waitMs);
    for (const el of elements) observer.observe(el);
  });
}
