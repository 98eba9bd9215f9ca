/** Where highlighting never goes: form fields, editable areas, code, non-HTML content, our own UI. */
import { parentAcrossShadow } from './composed-tree';

export const MARK_CLASS = 'backstory-mark';
/** Set on the host element of any UI the extension adds to a page. */
export const UI_HOST_ATTRIBUTE = 'data-backstory-ui';

/** Elements whose whole subtree is never highlighted. */
const EXCLUDED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  // Code is quoted, not prose: leave it exactly as written.
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'TITLE', 'HEAD',
  // Foreign content: in an HTML document its root keeps a lower-case tag name.
  'svg', 'math',
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

/**
 * Whether a node lies in an excluded subtree (checks all its ancestors, through the hosts of
 * shadow roots; use for single added nodes and roots).
 */
export function isInExcludedSubtree(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  const start = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : parentAcrossShadow(node);
  for (let el = start; el; el = parentAcrossShadow(el)) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}

/**
 * The text nodes under `root` that may be highlighted, in document order. A plain TreeWalker runs
 * natively with no callback per node (a JS filter called for every element of a big page cost
 * more than the scan itself); each text node's parent is then judged once, with a cache shared by
 * all of its siblings and descendants.
 *
 * With `onShadowRoot`, the same walk also hands over every open shadow root it passes (one
 * property read per element): a shadow root has no selector, and a second walk over the elements
 * cost more than twice as much on big pages (docs/browser-notes.md). Nested roots are found when
 * their own root is walked.
 */
export class TextNodes {
  private readonly walker: TreeWalker;
  private readonly excluded = new Map<Element, boolean>();
  /** Editable areas, found with one selector query rather than an attribute read per element. */
  private readonly editable: Set<Element>;

  constructor(
    private readonly root: Node,
    private readonly onShadowRoot?: (root: ShadowRoot, host: Element) => void,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, onShadowRoot ? NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT : NodeFilter.SHOW_TEXT);
    const all = 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll('[contenteditable]') : [];
    this.editable = new Set(Array.from(all).filter((el) => (el.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false'));
    // The walk starts after its root: a host added later is its own root.
    const own = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (own) onShadowRoot?.(own, root as Element);
  }

  next(): Text | null {
    for (let n = this.walker.nextNode(); n; n = this.walker.nextNode()) {
      // Only elements have `shadowRoot` (null without an open root); on a text node the look-up
      // ends in its prototypes, in JavaScript: one call into the DOM per element, none per text.
      const shadow = (n as Partial<Element>).shadowRoot;
      if (shadow !== undefined) {
        if (shadow) this.onShadowRoot!(shadow, n as Element);
        continue;
      }
      const parent = n.parentElement;
      // A text right under a shadow root (the walk's root, already judged) has no parent element.
      if (parent ? !this.isExcluded(parent) : n.parentNode === this.root) return n as Text;
    }
    return null;
  }

  private isExcluded(el: Element): boolean {
    const known = this.excluded.get(el);
    if (known !== undefined) return known;
    // Above the root the caller has already checked (isInExcludedSubtree), so stop there.
    const parent = el === this.root ? null : el.parentElement;
    // One property read per element: the tag (foreign content is caught by its svg/math root).
    const tag = el.tagName;
    const result =
      EXCLUDED_TAGS.has(tag) ||
      this.editable.has(el) ||
      (tag === 'MARK' && el.classList.contains(MARK_CLASS)) ||
      (parent !== null && this.isExcluded(parent));
    this.excluded.set(el, result);
    return result;
  }
}
