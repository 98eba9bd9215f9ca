/**
 * The card's container: a plain `div` (not a custom element: a page may define elements with any
 * name) appended to <html>, holding a closed shadow root so that page scripts cannot read or
 * restyle the card and page CSS cannot leak in. Styles are adopted as a constructable stylesheet,
 * which a page's strict CSP does not block (a <style> element would need 'unsafe-inline').
 *
 * The only things a page can see are on the host: `data-backstory-card="open"|"closed"`, the
 * `data-entity-id` of the entity the card shows (both used by tests; neither holds card text) and
 * `data-backstory-ui`, which keeps highlighting out of it (the card's root is open in the
 * accessibility test's build, and highlighting enters open roots).
 */
import { CARD_CSS } from './card-styles';
import { UI_HOST_ATTRIBUTE } from '../exclusions';
import type { Theme } from '../../ui/theme';
import { HOST_ATTR } from './card-dom';

export { HOST_ATTR };

/**
 * Closed in every build that ships. The accessibility test (test/e2e/a11y.test.ts) bundles a
 * copy of the content script with BACKSTORY_OPEN_CARD_ROOT defined as "1" so that axe-core, run
 * in the page, can reach the card; scripts/bundle-options.mjs defines it as "0" everywhere else,
 * and the minifier folds this to the literal "closed" (scripts/build.test.ts checks).
 */
const CARD_ROOT_MODE: ShadowRootMode = process.env.BACKSTORY_OPEN_CARD_ROOT === '1' ? 'open' : 'closed';

/** Adopts `css` into `root`; falls back to a <style> element where constructable sheets fail. */
function adoptStyles(root: ShadowRoot, css: string): 'adopted' | 'style-element' {
  try {
    // Firefox content scripts see the page's constructor through an Xray: `window.CSSStyleSheet`
    // makes a sheet that belongs to the page's document, which the shadow root (also the page's)
    // accepts; the bare global is the same constructor in Chrome.
    const Sheet = window.CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return 'adopted';
  } catch {
    // fall through to the <style> element
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return 'style-element';
}

export class CardHost {
  readonly host: HTMLDivElement;
  /** The dialog element; Preact renders the card's content into it. */
  readonly card: HTMLDivElement;
  readonly styleMode: 'adopted' | 'style-element';
  private readonly root: ShadowRoot;
  private readonly wrapper: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(headingId: string) {
    this.host = document.createElement('div');
    this.host.setAttribute(HOST_ATTR, 'closed');
    this.host.setAttribute(UI_HOST_ATTRIBUTE, '');
    this.root = this.host.attachShadow({ mode: CARD_ROOT_MODE });
    this.styleMode = adoptStyles(this.root, CARD_CSS);
    this.wrapper = document.createElement('div');
    this.wrapper.className = 'bs-root';
    this.live = document.createElement('div');
    this.live.className = 'bs-sr';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    this.card = document.createElement('div');
    this.card.className = 'bs-card';
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-labelledby', headingId);
    this.card.hidden = true;
    this.wrapper.append(this.live, this.card);
    this.root.append(this.wrapper);
    this.attach();
  }

  /** (Re)appends the host: a page may have removed it or replaced <body>. */
  attach(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  setTheme(theme: Theme): void {
    this.wrapper.dataset.theme = theme;
  }

  show(entityId: string): void {
    this.attach();
    this.card.hidden = false;
    this.setShown(entityId);
    this.host.setAttribute(HOST_ATTR, 'open');
  }

  /** Records which entity the open card shows (it changes when a related entity is opened). */
  setShown(entityId: string): void {
    this.host.dataset.entityId = entityId;
  }

  hide(): void {
    this.card.hidden = true;
    this.host.setAttribute(HOST_ATTR, 'closed');
    delete this.host.dataset.entityId;
  }

  /** The focused element inside the shadow root, if any. */
  activeElement(): Element | null {
    return this.root.activeElement;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.root.contains(node));
  }

  /** Says `message` to screen readers; clearing first makes a repeated message heard again. */
  announce(message: string): void {
    this.attach();
    this.live.textContent = '';
    clearTimeout(this.announceTimer);
    // A live region announces changes; a change in the same task as the clear may be coalesced.
    this.announceTimer = setTimeout(() => {
      this.live.textContent = message;
    }, ANNOUNCE_DELAY_MS);
  }

  destroy(): void {
    clearTimeout(this.announceTimer);
    this.host.remove();
  }
}

/** Gap between clearing and setting the live region, so screen readers see two changes. */
const ANNOUNCE_DELAY_MS = 50;
