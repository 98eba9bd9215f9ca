/**
 * What both reference content scripts share with Backstory, so that "complete" and "a mark" are
 * measured the same way for every variant. Kept here rather than imported from
 * src/content/highlighter.ts, which would pull Backstory's highlighter (and mark.js) into
 * reference B's bundle.
 */

/** Backstory's HIGHLIGHT_DONE_MARK: set on the page's Performance timeline when a run finishes. */
export const DONE_MARK = 'backstory:highlighted';
/** Backstory's MARK_CLASS. */
export const MARK_CLASS = 'backstory-mark';

/** Tags whose subtree is never highlighted: the same list as src/content/exclusions.ts. */
export const EXCLUDED_TAGS = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'code', 'pre', 'kbd', 'samp', 'var', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'title', 'head', 'svg',
];
