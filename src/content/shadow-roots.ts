/**
 * The page's open shadow roots (web components keep their text there): found, given the marks'
 * stylesheet, and given back exactly as they were. Closed roots are out of reach by design.
 *
 * Finding them costs a property read per element in the highlighter's own walk of what it scans
 * (a shadow root has no selector and no event; see TextNodes): at start the whole page, later
 * only what was added. Roots that appear
 * without any change in the page's tree, because a custom element already on the page is
 * defined (upgraded) late, are found by watching the custom elements not yet defined
 * (`upgraded()`, polled by the page watcher at a cost of one read per such element).
 */
import { UI_HOST_ATTRIBUTE } from './exclusions';

/** A shadow root's stylesheet is ours if its first rule names the marks' class (an earlier instance may have left one). */
const OWN_SHEET_MARKER = 'backstory-mark';

export class OpenShadowRoots {
  private readonly known = new Set<ShadowRoot>();
  /** Custom elements not yet defined: a definition may give them a root later. */
  private readonly undefinedHosts = new Set<Element>();
  /** The marks' stylesheet, shared by every root; null when constructable sheets failed. */
  private sheet: CSSStyleSheet | null | undefined;
  /** Roots styled with a <style> element instead (constructable sheets refused). */
  private readonly styleElements = new Map<ShadowRoot, HTMLStyleElement>();

  /** `css`: the marks' stylesheet (content.css, which the manifest puts in the document only). */
  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  has(root: ShadowRoot): boolean {
    return this.known.has(root);
  }

  /** Known roots whose host is on the page. */
  all(): ShadowRoot[] {
    return [...this.known].filter((r) => r.isConnected);
  }

  get size(): number {
    return this.known.size;
  }

  /** How many custom elements are waiting for their definition. */
  get waitingHosts(): number {
    return this.undefinedHosts.size;
  }

  /** Registers a root and brings the marks' styles into it; false if it was known. */
  add(root: ShadowRoot): boolean {
    if (this.known.has(root)) return false;
    this.known.add(root);
    this.adoptStyles(root);
    return true;
  }

  /**
   * Registers an open root the highlighter's walk passed (see TextNodes); false if it was known
   * or belongs to the extension's own UI.
   */
  found(root: ShadowRoot, host: Element): boolean {
    return !host.hasAttribute(UI_HOST_ATTRIBUTE) && this.add(root);
  }

  /**
   * Notes the custom elements under `under` (itself included) still waiting for their definition,
   * which may attach a root when defined: one selector query (native), not a test per element.
   */
  collectWaiting(under: Node): void {
    // Most additions are a lone element or text: no query for those.
    const hasChildren = 'firstElementChild' in under && (under as ParentNode).firstElementChild !== null;
    const waiting = hasChildren ? Array.from((under as ParentNode).querySelectorAll(':not(:defined)')) : [];
    if (under.nodeType === Node.ELEMENT_NODE) waiting.push(under as Element);
    // Only custom elements can wait for a definition (happy-dom's `:not(:defined)` also matches others).
    for (const el of waiting) if (el.localName.includes('-') && !el.matches(':defined')) this.undefinedHosts.add(el);
  }

  /**
   * Roots, not yet known, that custom elements waiting for their definition have got since the
   * last call (to be scanned, which registers them); elements defined without an open root, or
   * gone from the page, are no longer watched.
   */
  upgraded(): ShadowRoot[] {
    const found: ShadowRoot[] = [];
    for (const el of this.undefinedHosts) {
      const root = el.shadowRoot;
      if (root) {
        this.undefinedHosts.delete(el);
        if (!this.known.has(root)) found.push(root);
      } else if (!el.isConnected || el.matches(':defined')) this.undefinedHosts.delete(el);
    }
    return found;
  }

  /**
   * Gives every root back (highlighting off, new settings): `restore` takes out its marks, then
   * its styles go and it is forgotten. Roots whose host has left the page too: it may come back.
   */
  release(restore: (root: ShadowRoot) => void): void {
    for (const root of this.known) {
      restore(root);
      this.removeStyles(root);
    }
    this.known.clear();
    this.undefinedHosts.clear();
  }

  /** Known roots whose host has left the page (a feed replacing its components): see forget(). */
  detached(): ShadowRoot[] {
    return [...this.known].filter((r) => !r.isConnected);
  }

  /** Takes the styles out of a root (its marks already given back) and forgets it; if it comes back, it is found again. */
  forget(root: ShadowRoot): void {
    this.removeStyles(root);
    this.known.delete(root);
  }

  /**
   * Appends the marks' stylesheet to the root's own list (never replacing the page's sheets), as
   * a constructable sheet, which a page's CSP does not govern; falls back to a <style> element.
   * Page CSS does not cross into a shadow root, and a component's own sheet may reset `mark`:
   * the rules are !important and more specific than any `mark { … }` (see content.css).
   */
  private adoptStyles(root: ShadowRoot): void {
    if (this.sheet === undefined) this.sheet = makeSheet(this.doc, this.css);
    try {
      const sheets = Array.from(root.adoptedStyleSheets).filter((s) => !isOwnSheet(s));
      if (this.sheet) {
        root.adoptedStyleSheets = [...sheets, this.sheet];
        if (root.adoptedStyleSheets.includes(this.sheet)) return;
      }
    } catch {
      // fall through to a <style> element
    }
    const style = this.doc.createElement('style');
    style.setAttribute(UI_HOST_ATTRIBUTE, '');
    style.textContent = this.css;
    root.append(style);
    this.styleElements.set(root, style);
  }

  private removeStyles(root: ShadowRoot): void {
    const style = this.styleElements.get(root);
    if (style) {
      style.remove();
      this.styleElements.delete(root);
      return;
    }
    try {
      const sheets = Array.from(root.adoptedStyleSheets);
      if (sheets.some(isOwnSheet)) root.adoptedStyleSheets = sheets.filter((s) => !isOwnSheet(s));
    } catch {
      // A root whose list cannot be read cannot hold our sheet either.
    }
  }
}

/** Our sheet, or one an earlier instance of the extension left behind. */
function isOwnSheet(sheet: CSSStyleSheet): boolean {
  try {
    return sheet.cssRules[0]?.cssText.includes(OWN_SHEET_MARKER) ?? false;
  } catch {
    return false;
  }
}

function makeSheet(doc: Document, css: string): CSSStyleSheet | null {
  try {
    // Firefox content scripts see the page's constructor through an Xray: the page window's
    // CSSStyleSheet makes a sheet of the page's document, which its shadow roots accept (as in
    // card-host.ts); in Chrome it is the same constructor as the bare global.
    const Sheet = (doc.defaultView ?? window).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

