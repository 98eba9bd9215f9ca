/** Where highlighting never goes: form fields, editable areas, code, non-HTML content, our own UI. */

export const MARK_CLASS = 'backstory-mark';
/** Set on the host element of any UI the extension adds to a page. */
export const UI_HOST_ATTRIBUTE = 'data-backstory-ui';

/** Elements whose whole subtree is never highlighted. */
const EXCLUDED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  // Code is quoted, not prose: leave it exactly as written.
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'TITLE', 'HEAD',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Whether this element (and so its subtree) is off limits. Cheap: no style or layout reads. */
export function isExcludedElement(el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return true; // SVG, MathML
  if (EXCLUDED_TAGS.has(el.tagName)) return true;
  if (el.classList.contains(MARK_CLASS) || el.hasAttribute(UI_HOST_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether a node lies in an excluded subtree (checks all its ancestors; use for single added nodes). */
export function isInExcludedSubtree(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}

/** A TreeWalker over the text nodes under `root` that skips excluded subtrees whole. */
export function textWalker(root: Node): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isExcludedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
}
