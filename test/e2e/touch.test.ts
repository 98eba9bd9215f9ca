// Touch screens and small screens. Chromium runs as a phone (playwright's mobile emulation:
// 360×740, `hasTouch`, `isMobile`, taps through `touchscreen.tap`); Firefox ESR, a desktop build,
// gets a 360 px wide window and taps sent over WebDriver BiDi (`input.performActions` with
// pointerType "touch", Puppeteer's `touchscreen.tap`).
//
// A tap on a name opens its card at once; a tap on a link in the card follows it; a tap elsewhere
// closes it; a name inside a link opens its card on the first tap and follows the link on the
// second. The popup, its entity page and the options page fit a 360 px wide screen: no sideways
// scrolling, every control and every line of text inside the screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, MOBILE_VIEWPORT, type ChromiumSession } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startServer, type StaticServer } from './support/server';
import { BROWSERS, type BrowserName } from './support/any-browser';
import { cardSnapshotInPage } from './support/hardening';
import { poll, POLL_MS, sleep, WAIT } from './support/poll';
import type { CardSnapshot, Rect } from '../../src/content/card/test-hook';
import { defaultSettings } from '../../src/common/settings';

/** The part of the extension API used inside the service worker (Chromium). */
declare const chrome: { tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> } };

const TEST_TIMEOUT = 60_000;

const ARTICLE = '/touch/article.html';
const NEXT = '/touch/next.html';
const FILLER = Array.from({ length: 12 }, (_, i) => `<p>Filler paragraph ${i + 1}: lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>`).join('\n');
const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Touch test</title><style>body { font: 16px/1.6 sans-serif; margin: 1rem; } a { color: #0645ad; }</style></head>
<body><article>
<h1>Talks in Bali</h1>
<p id="lead">Antony Blinken met Wang Yi on the island, a day after a gathering of G20 foreign ministers.</p>
<p id="linked"><a id="link" href="${NEXT}">More on China and the talks</a></p>
<p id="plain">A paragraph with no names, to tap on.</p>
${FILLER}
</article></body></html>`;
const NEXT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Next</title></head><body><p id="next">The next page.</p></body></html>`;

/** A host name with no place to break it. */
const LONG_HOST = 'a-very-long-subdomain-for-the-regional-edition.news-publisher-example.co.uk';

/** Firefox's extension pages have `chrome` too (as an alias of `browser`). */
type StorageGlobal = { chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } } };

// ---- page-side functions (flat: see support/checks.ts) -------------------------------------------

function markRectIn(id: string): Rect | null {
  const m = document.querySelector(`mark.backstory-mark[data-entity-id="${id}"]`);
  if (!m) return null;
  const r = m.getClientRects()[0] ?? m.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

function elementRect(selector: string): Rect | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** The button inside `within` whose text is `label`, scrolled into view; its rectangle. */
function buttonRect({ within, label }: { within: string; label: string }): Rect | null {
  const b = Array.from(document.querySelectorAll(`${within} button`)).find((x) => (x.textContent ?? '').trim() === label);
  if (!b) return null;
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/**
 * What does not fit the screen's width: the page scrolling sideways, any visible element reaching
 * past either edge, or an element that clips text it cannot show. Screen-reader-only text is 1 px
 * and clipped on purpose.
 */
function overflowsIn(): string[] {
  const width = document.documentElement.clientWidth;
  const bad: string[] = [];
  if (document.documentElement.scrollWidth > width + 1) bad.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const s = getComputedStyle(el);
    if (s.clipPath !== 'none' || s.clip !== 'auto' || el.closest('[hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
    const what = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    if (r.left < -0.5 || r.right > width + 0.5) bad.push(`${what}: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
    if (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT') bad.push(`${what} clips its content`);
  }
  return bad;
}

// ---- one small driver per browser -----------------------------------------------------------------

interface TouchPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  tap(x: number, y: number): Promise<void>;
  /** Scrolls what is under (x, y) by `dy` pixels (a wheel turn: the tests' stand-in for a swipe). */
  scroll(x: number, y: number, dy: number): Promise<void>;
  url(): string;
  close(): Promise<void>;
}

interface TouchBrowser {
  open(pathname: string): Promise<TouchPage>;
  /** An extension page in a new tab, 360 px wide, once `ready` is there. */
  openExtensionPage(file: string, ready: string): Promise<TouchPage>;
  /** The extension's tab id of a page opened with open(). */
  tabId(page: TouchPage, pathname: string): Promise<number>;
  offLoopback(): string[];
  close(): Promise<void>;
}

async function chromiumDriver(server: StaticServer): Promise<TouchBrowser> {
  const s: ChromiumSession = await launchChromium({ mobile: true });
  const wrap = (p: PlaywrightPage): TouchPage => ({
    evaluate: (fn, arg) => p.evaluate(fn as never, arg) as never,
    tap: (x, y) => p.touchscreen.tap(x, y),
    async scroll(x, y, dy) {
      await p.mouse.move(x, y);
      await p.mouse.wheel(0, dy);
    },
    url: () => p.url(),
    close: () => p.close(),
  });
  const pages = new Map<TouchPage, PlaywrightPage>();
  return {
    async open(pathname) {
      const p = await s.newPage();
      await p.goto(server.url(pathname));
      const page = wrap(p);
      pages.set(page, p);
      return page;
    },
    async openExtensionPage(file, ready) {
      const p = await s.newPage();
      await p.goto(s.extensionUrl(file));
      await p.locator(ready).first().waitFor({ timeout: WAIT });
      return wrap(p);
    },
    async tabId(page) {
      await pages.get(page)!.bringToFront();
      const id = await s.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
      assert.ok(typeof id === 'number', 'active tab id');
      return id;
    },
    offLoopback: () => s.offLoopback(),
    close: () => s.close(),
  };
}

async function firefoxDriver(server: StaticServer): Promise<TouchBrowser> {
  const s: FirefoxSession = await launchFirefox();
  const ext = await s.openExtensionPage('popup.html', '#app h1', WAIT);
  const wrap = (p: PuppeteerPage): TouchPage => ({
    evaluate: (fn, arg) => p.evaluate(fn as never, arg) as never,
    tap: (x, y) => p.touchscreen.tap(x, y),
    async scroll(x, y, dy) {
      await p.mouse.move(x, y);
      await p.mouse.wheel({ deltaY: dy });
    },
    url: () => p.url(),
    close: () => p.close(),
  });
  return {
    async open(pathname) {
      const p = await s.newPage();
      await p.setViewport(MOBILE_VIEWPORT);
      await p.goto(server.url(pathname));
      return wrap(p);
    },
    async openExtensionPage(file, ready) {
      const p = await s.openExtensionPage(file, 'body', WAIT);
      await p.setViewport(MOBILE_VIEWPORT);
      await p.waitForSelector(ready, { timeout: WAIT });
      return wrap(p);
    },
    async tabId(_page, pathname) {
      // The newest tab with that URL: a closed test page may still be listed for a moment.
      const url = server.url(pathname);
      const id = await ext.evaluate(
        `browser.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id).sort((a, b) => a - b).pop())`,
      );
      assert.ok(typeof id === 'number', `tab id for ${url}`);
      return id;
    },
    offLoopback: () => s.offLoopback(),
    close: () => s.close(),
  };
}

// ---- helpers ----------------------------------------------------------------------------------------

const card = (page: TouchPage) => poll(() => page.evaluate(cardSnapshotInPage, undefined), (s) => s !== null, 'the card test hook') as Promise<CardSnapshot>;
const waitForCard = (page: TouchPage, pred: (s: CardSnapshot) => boolean, what: string) => poll(() => card(page), pred, `card: ${what}`);
const centre = (r: Rect) => ({ x: r.x + Math.min(r.width / 2, 20), y: r.y + r.height / 2 });

/** Scrolls the open card until its button `label` is wholly inside the card and the screen; returns its rectangle. */
async function scrollCardTo(page: TouchPage, label: string): Promise<Rect> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const s = await card(page);
    const b = s.buttons.find((x) => x.label === label);
    assert.ok(s.open && s.rect && b, `the card with "${label}" is open`);
    const r = s.rect;
    if (b.y >= r.y && b.y + b.height <= r.y + r.height && b.y + b.height <= MOBILE_VIEWPORT.height) return b;
    assert.ok(Date.now() < deadline, `"${label}" never scrolled into the card: ${JSON.stringify({ card: r, button: b })}`);
    await page.scroll(r.x + r.width / 2, r.y + r.height / 2, 120);
    await sleep(POLL_MS);
  }
}

async function tapMark(page: TouchPage, id: string): Promise<void> {
  const r = await poll(() => page.evaluate(markRectIn, id), (v) => v !== null, `a mark for ${id}`);
  const c = centre(r!);
  await page.tap(c.x, c.y);
}

function touchSuite(name: BrowserName): void {
  describe(`touch and small screens: ${name}`, { timeout: 300_000 }, () => {
    let server: StaticServer;
    let b: TouchBrowser;
    before(async () => {
      server = await startServer();
      server.addPage(ARTICLE, ARTICLE_HTML);
      server.addPage(NEXT, NEXT_HTML);
      b = name === 'chromium' ? await chromiumDriver(server) : await firefoxDriver(server);
    });
    after(async () => {
      await b?.close();
      await server?.close();
    });

    test('a tap on a name opens its card; a tap on a link in it follows it; a tap elsewhere closes it', { timeout: TEST_TIMEOUT }, async () => {
      const page = await b.open(ARTICLE);
      try {
        await tapMark(page, 'antony-blinken');
        // Open with its content, then placed inside the 360 px screen (the card is placed again a
        // frame after its content makes it grow).
        const fits = (r: Rect | null) => !!r && r.x >= 0 && r.x + r.width <= MOBILE_VIEWPORT.width + 0.5 && r.y >= 0 && r.y + r.height <= MOBILE_VIEWPORT.height + 0.5;
        await waitForCard(page, (s) => s.open && s.entityId === 'antony-blinken' && s.text.includes('More') && fits(s.rect), 'open for Blinken, inside the screen');
        // Short first: a tap on More shows the related names.
        const more = await scrollCardTo(page, 'More');
        await page.tap(more.x + more.width / 2, more.y + more.height / 2);
        await waitForCard(page, (s) => s.open && s.buttons.some((x) => x.label === 'Wang Yi'), 'expanded: a "Wang Yi" link in the card');
        // The expanded card is taller than a phone's screen: scroll inside it until the link shows.
        const wang = await scrollCardTo(page, 'Wang Yi');
        await page.tap(wang.x + wang.width / 2, wang.y + wang.height / 2);
        await waitForCard(page, (s) => s.open && s.entityId === 'wang-yi' && s.text.includes('Wang Yi'), 'the related name in the card');
        // Elsewhere: the headline, which the card (below the name, or above it) does not cover.
        const open = await card(page);
        const heading = (await page.evaluate(elementRect, 'h1'))!;
        const spot = { x: heading.x + 10, y: heading.y + heading.height / 2 };
        assert.ok(open.rect && (spot.y < open.rect.y || spot.y > open.rect.y + open.rect.height), 'the spot is not under the card');
        await page.tap(spot.x, spot.y);
        await waitForCard(page, (s) => !s.open, 'closed by a tap elsewhere');
      } finally {
        await page.close();
      }
    });

    test('a name inside a link: the first tap opens its card, the second follows the link', { timeout: TEST_TIMEOUT }, async () => {
      const page = await b.open(ARTICLE);
      try {
        await tapMark(page, 'china');
        await waitForCard(page, (s) => s.open && s.entityId === 'china', 'open for China');
        assert.equal(await page.evaluate(() => location.pathname, undefined), ARTICLE, 'the first tap did not follow the link');
        await tapMark(page, 'china');
        await poll(() => page.evaluate(() => location.pathname, undefined).catch(() => ''), (p) => p === NEXT, 'the second tap follows the link');
      } finally {
        await page.close();
      }
    });

    test('the popup, its entity page and the options page fit a 360 px screen', { timeout: TEST_TIMEOUT }, async () => {
      const article = await b.open(ARTICLE);
      await poll(() => article.evaluate(markRectIn, 'wang-yi'), (r) => r !== null, 'the article highlighted');
      const tabId = await b.tabId(article, ARTICLE);
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, 'ol.names > li');
      try {
        assert.deepEqual(await popup.evaluate(overflowsIn, undefined), [], 'popup');
        // Expanded: a name's background, with its facts and citations.
        const row = (await popup.evaluate(elementRect, 'li.entity-row[data-entity-id="antony-blinken"] button.disclosure'))!;
        await popup.tap(row.x + row.width / 2, row.y + row.height / 2);
        await poll(() => popup.evaluate(() => document.querySelector('.entity-panel')?.textContent ?? '', undefined), (t) => t.includes('More'), 'expanded');
        assert.deepEqual(await popup.evaluate(overflowsIn, undefined), [], 'popup with a name expanded');
        // And its background in full (facts with citations, related names).
        const more = (await popup.evaluate(buttonRect, { within: '.entity-panel', label: 'More' }))!;
        await popup.tap(more.x + more.width / 2, more.y + more.height / 2);
        await poll(() => popup.evaluate(() => document.querySelector('.entity-panel')?.textContent ?? '', undefined), (t) => /key facts/i.test(t), 'More');
        assert.deepEqual(await popup.evaluate(overflowsIn, undefined), [], 'popup with a background in full');
      } finally {
        await popup.close();
        await article.close();
      }
      const entity = await b.openExtensionPage('popup.html#entity=antony-blinken', '.entity-page .bs-name');
      try {
        assert.deepEqual(await entity.evaluate(overflowsIn, undefined), [], 'entity page');
      } finally {
        await entity.close();
      }
      // With a long unbroken host name in the list of sites where Backstory is off.
      const setup = await b.openExtensionPage('options.html', '.pack');
      await setup.evaluate(
        (settings) => (globalThis as unknown as StorageGlobal).chrome.storage.sync.set({ settings }),
        { ...defaultSettings(), disabledSites: [LONG_HOST] },
      );
      await setup.close();
      const options = await b.openExtensionPage('options.html', '.sites li');
      try {
        assert.match(await options.evaluate(() => document.querySelector('.sites')?.textContent ?? '', undefined), /regional-edition/);
        assert.deepEqual(await options.evaluate(overflowsIn, undefined), [], 'options page');
      } finally {
        await options.evaluate((settings) => (globalThis as unknown as StorageGlobal).chrome.storage.sync.set({ settings }), defaultSettings());
        await options.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });
  });
}

for (const name of BROWSERS) touchSuite(name);
