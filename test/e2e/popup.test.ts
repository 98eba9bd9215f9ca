// The popup in real browsers with the built extension (npm run build first), opened as a tab at
// popup.html?tab=<id> so that it reads a given tab: it lists the tab's names in order of first
// appearance with the right counts, expands a name to its background, "Show" flashes a mention,
// searches the whole knowledge base, shows the story and says why when it cannot read the page,
// shows an entity's full background at #entity=<id>, and its "Highlight on this site" switch
// removes the page's highlights — in Chromium also across a restart of the browser on the same
// profile. No fixed sleeps: every wait polls. Saves docs/screenshots/popup.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage, type Worker } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { chromiumPath } from './support/browsers';
import { CHROMIUM_FLAGS } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { ROOT, isLocalUrl, startServer, startTrapProxy, type StaticServer } from './support/server';
import { markIds, waitUntilStable } from './support/checks';
import { readSettings } from '../../src/common/settings-items';
import type { Settings } from '../../src/common/settings';
import { poll } from './support/poll';

/** The part of the extension API used inside the service worker (Chromium). */
declare const chrome: {
  storage: Record<'sync' | 'local', { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> }>;
  tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const WAIT = 15_000;
const TEST_TIMEOUT = 90_000;

const ARTICLE = '/popup/article.html';
const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Popup test</title>
<style>body { font: 16px/1.5 sans-serif; max-width: 40rem; margin: 2rem auto; }</style></head>
<body><article>
<h1>Wang Yi meets Antony Blinken</h1>
<p>Wang Yi, China’s foreign minister, met Antony Blinken, the US secretary of state, in Bali.</p>
<p>Blinken said China’s alignment with Russia over the war in Ukraine complicated relations.</p>
<p>Wang Yi called for normal exchanges between China and the United States.</p>
</article></body></html>`;

interface Row {
  id: string;
  count: number;
}

// ---- page-side code, as strings (see checks.ts on why nothing nested is serialised) ----------------

const ROWS_JS = `Array.from(document.querySelectorAll('ol.names > li.entity-row'), (li) => ({
  id: li.getAttribute('data-entity-id'),
  count: parseInt((li.querySelector('.row-count') || { textContent: '' }).textContent, 10),
}))`;
const MARK_COUNT_JS = `document.querySelectorAll('mark.backstory-mark').length`;
const textOf = (selector: string) => `(document.querySelector(${JSON.stringify(selector)}) || { textContent: '' }).textContent`;
const checkedJs = (selector: string) => `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return el ? el.checked : null; })()`;

/** What the popup should list: the page's marks grouped by entity, in order of first appearance. */
function expectedRows(ids: string[]): Row[] {
  const rows = new Map<string, number>();
  for (const id of ids) rows.set(id, (rows.get(id) ?? 0) + 1);
  return [...rows].map(([id, count]) => ({ id, count }));
}

// ---- what a test needs from a browser -----------------------------------------------------------

/** The subset of Playwright's and Puppeteer's Page used here. */
interface AnyPage {
  evaluate(js: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  keyboard: { type(text: string): Promise<void> };
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** The settings in force, as the extension reads them (storage.sync laid over by changes pending on this device). */
async function settingsNow(b: PopupBrowser): Promise<Settings> {
  const sync = (await b.storage('sync', 'get', null)) as Record<string, unknown>;
  const pending = ((await b.storage('local', 'get', 'settingsPending')) ?? {}) as Record<string, unknown>;
  return readSettings(sync, pending).settings;
}

interface PopupBrowser {
  /**
   * Opens the test article and waits until its highlighting has settled (for the first mark unless
   * `expectMarks` is false); returns the tab id.
   */
  openArticle(opts?: { expectMarks?: boolean }): Promise<{ page: AnyPage; tabId: number; marks: string[] }>;
  /** Opens a page the content script does not run in; returns its tab id. */
  openUnreachable(): Promise<number>;
  /** Opens popup.html<suffix> in a tab and waits for `ready`. */
  openPopup(suffix: string, ready: string): Promise<AnyPage>;
  /** Opens options.html in a tab and waits for `ready`. */
  openOptions(ready: string): Promise<AnyPage>;
  /** Reads or writes extension storage through the extension API: area "sync" or "local". */
  /** One item, or (key null) the whole area. */
  storage(area: 'sync' | 'local', op: 'get', key: string | null): Promise<unknown>;
  storage(area: 'sync' | 'local', op: 'set', key: string, value: unknown): Promise<unknown>;
  screenshot(page: AnyPage, file: string, size: { width: number; height: number }): Promise<void>;
  /** The action badge's text for a tab, read through the extension API. */
  badge(tabId: number): Promise<string>;
  offLoopback(): string[];
}

const evalAs = <T>(page: AnyPage, js: string) => page.evaluate(js) as Promise<T>;

function popupSuite(name: string, setup: () => Promise<{ b: PopupBrowser; restart?: () => Promise<PopupBrowser>; teardown: () => Promise<void> }>): void {
  describe(`popup: ${name}`, { timeout: 400_000 }, () => {
    let b: PopupBrowser;
    let restart: (() => Promise<PopupBrowser>) | undefined;
    let teardown: (() => Promise<void>) | undefined;
    before(async () => {
      ({ b, restart, teardown } = await setup());
    });
    after(async () => {
      await teardown?.();
    });

    test('lists the tab’s names in order of first appearance with their counts', { timeout: TEST_TIMEOUT }, async () => {
      const { page, tabId, marks } = await b.openArticle();
      const popup = await b.openPopup(`?tab=${tabId}`, 'ol.names > li');
      try {
        const expected = expectedRows(marks);
        assert.ok(expected.length >= 4, `the article should show several names; marks: ${marks.join(', ')}`);
        assert.equal(expected[0]?.id, 'wang-yi', 'Wang Yi is named first');
        assert.ok((expected.find((r) => r.id === 'antony-blinken')?.count ?? 0) >= 2, 'Blinken is named at least twice');
        const rows = await poll(() => evalAs<Row[]>(popup, ROWS_JS), (r) => r.length === expected.length, 'all rows');
        assert.deepEqual(rows, expected);
        // The badge counts the same distinct names (set by the background for this tab).
        await poll(() => b.badge(tabId), (t) => t === String(expected.length), `badge "${expected.length}"`);
        assert.equal(await evalAs<boolean | null>(popup, checkedJs('input[name="site-enabled"]')), true, 'site switch on');
        assert.match(await evalAs<string>(popup, textOf('.switches')), /127\.0\.0\.1/);
        assert.match(await evalAs<string>(popup, textOf('.story')), /Bali/, 'the story is shown');
        assert.match(await evalAs<string>(popup, textOf('.story-outlet')), /^The Guardian · 9 Jul 2022$/, 'the story is dated');

        // Expand a name: its background (the shared EntityCard), short first with its dated source line.
        await popup.click('li.entity-row[data-entity-id="antony-blinken"] button.disclosure');
        const panel = await poll(
          () => evalAs<string>(popup, textOf('li.entity-row[data-entity-id="antony-blinken"] .entity-panel')),
          (t) => t.includes('The Guardian · 9 Jul 2022') && t.includes('More'),
          'expanded background',
        );
        assert.doesNotMatch(panel, /¶ \d/, 'short first: no facts yet');
        await popup.click('li.entity-row[data-entity-id="antony-blinken"] button.bs-more-toggle');
        const more = await poll(
          () => evalAs<string>(popup, textOf('li.entity-row[data-entity-id="antony-blinken"] .bs-details')),
          (t) => /¶ \d/.test(t),
          'More shows the facts',
        );
        assert.match(more, /Key facts/, 'facts carry paragraph citations');

        // "Show" scrolls the page to the next mention and flashes it.
        await popup.click('li.entity-row[data-entity-id="china"] button.show');
        await poll(
          () => evalAs<number>(page, `document.querySelectorAll('mark.backstory-mark--flash[data-entity-id="china"]').length`),
          (n) => n > 0,
          'a flashed China mention',
        );

        await popup.evaluate('window.scrollTo(0, 0)');
        await mkdir(SCREENSHOTS, { recursive: true });
        await b.screenshot(popup, path.join(SCREENSHOTS, name === 'Chromium' ? 'popup.png' : 'popup-firefox.png'), { width: 440, height: 760 });
      } finally {
        await popup.close();
        await page.close();
      }
    });

    test('"Don’t highlight" in the popup’s list takes the name’s highlights off the page; Undo brings them back', { timeout: TEST_TIMEOUT }, async () => {
      const { page, tabId, marks } = await b.openArticle();
      const popup = await b.openPopup(`?tab=${tabId}`, 'li.entity-row[data-entity-id="wang-yi"]');
      const wangMarks = marks.filter((id) => id === 'wang-yi').length;
      assert.ok(wangMarks >= 2, 'Wang Yi is highlighted');
      const ids = () => evalAs<string[]>(page, `Array.from(document.querySelectorAll('mark.backstory-mark'), (m) => m.getAttribute('data-entity-id'))`);
      try {
        await popup.click('li.entity-row[data-entity-id="wang-yi"] button.disclosure');
        await poll(() => evalAs<string>(popup, textOf('li.entity-row[data-entity-id="wang-yi"] .bs-mute')), (t) => t === 'Don’t highlight Wang Yi', 'the mute button');
        await popup.click('li.entity-row[data-entity-id="wang-yi"] .bs-mute');
        await poll(ids, (now) => !now.includes('wang-yi') && now.length === marks.length - wangMarks, 'Wang Yi’s marks gone, the others kept');
        await poll(() => evalAs<string[]>(popup, `Array.from(document.querySelectorAll('ol.names > li'), (li) => li.getAttribute('data-entity-id'))`), (r) => !r.includes('wang-yi'), 'Wang Yi out of the list');
        assert.match(await evalAs<string>(popup, textOf('.muted-note')), /Wang Yi is no longer highlighted/);
        await poll(() => settingsNow(b), (v) => JSON.stringify(v.mutedEntities) === '["wang-yi"]', 'muted in the settings');
        await popup.click('.muted-note button');
        await poll(ids, (now) => JSON.stringify(now) === JSON.stringify(marks), 'every mark back, in the same places');
        await poll(() => settingsNow(b), (v) => v.mutedEntities.length === 0, 'unmuted in the settings');
      } finally {
        await popup.close();
        await page.close();
      }
    });

    test('"First mention only" leaves one highlight per name; the badge clears when the tab navigates', { timeout: TEST_TIMEOUT }, async () => {
      const { page, tabId, marks } = await b.openArticle();
      const distinct = new Set(marks).size;
      assert.ok(marks.length > distinct, 'the article repeats some names');
      const popup = await b.openPopup(`?tab=${tabId}`, 'input[name="first-mention-only"]');
      try {
        await popup.click('input[name="first-mention-only"]');
        await poll(() => evalAs<string[]>(page, `Array.from(document.querySelectorAll('mark.backstory-mark'), (m) => m.getAttribute('data-entity-id'))`), (ids) => ids.length === distinct && new Set(ids).size === distinct, 'one mark per name');
        await popup.click('input[name="first-mention-only"]');
        await poll(() => evalAs<number>(page, MARK_COUNT_JS), (n) => n === marks.length, 'all marks back');

        await poll(() => b.badge(tabId), (t) => t === String(distinct), 'badge before navigating');
        // about:blank runs no content script: only the background's navigation handler can clear it.
        await page.evaluate(`location.href = 'about:blank'`).catch(() => undefined);
        await poll(() => b.badge(tabId), (t) => t === '', 'badge cleared after navigation');
      } finally {
        await popup.close();
        await page.close();
      }
    });

    test('search covers the whole knowledge base', { timeout: TEST_TIMEOUT }, async () => {
      const { page, tabId } = await b.openArticle();
      const popup = await b.openPopup(`?tab=${tabId}`, 'ol.names > li');
      try {
        await popup.focus('#search');
        await popup.keyboard.type('Lavrov');
        await poll(() => evalAs<string>(popup, textOf('.entity-list')), (t) => t.includes('Sergei Lavrov'), 'Sergei Lavrov in the results');
      } finally {
        await popup.close();
        await page.close();
      }
    });

    test('a page it cannot read: the story, and why', { timeout: TEST_TIMEOUT }, async () => {
      const tabId = await b.openUnreachable();
      const popup = await b.openPopup(`?tab=${tabId}`, '.story');
      try {
        await poll(() => evalAs<string>(popup, textOf('.note')), (t) => t.includes('cannot read this page'), 'the reason');
        assert.match(await evalAs<string>(popup, textOf('.story')), /Blinken/);
      } finally {
        await popup.close();
      }
      // As a plain tab with no page to read.
      const alone = await b.openPopup('', '.story');
      try {
        await poll(() => evalAs<string>(alone, textOf('.note')), (t) => t.includes('no page to read'), 'no page to read');
      } finally {
        await alone.close();
      }
    });

    test('#entity=<id> shows the full background, related names link on', { timeout: TEST_TIMEOUT }, async () => {
      const popup = await b.openPopup('#entity=wang-yi', '.entity-page .bs-name');
      try {
        assert.equal((await evalAs<string>(popup, textOf('.bs-name'))).trim(), 'Wang Yi');
        assert.match(await evalAs<string>(popup, textOf('.bs-entity')), /Facts/);
        await popup.click('.bs-related button.bs-link');
        await poll(() => evalAs<string>(popup, textOf('.bs-name')), (t) => t.trim() !== 'Wang Yi' && t.trim() !== '', 'a related entity');
        assert.match(await evalAs<string>(popup, 'location.hash'), /^#entity=/);
      } finally {
        await popup.close();
      }
    });

    test('options: damaged settings are repaired and said so once; sites are added and removed; reset', { timeout: TEST_TIMEOUT }, async () => {
      await b.storage('sync', 'set', 'settings', { version: 1, style: 'sparkle', disabledSites: ['example.com', 5] });
      let options = await b.openOptions('.notice');
      try {
        const notice = await evalAs<string>(options, textOf('.notice'));
        assert.match(notice, /repaired/);
        assert.match(notice, /Highlight style was invalid/);
        assert.match(await evalAs<string>(options, textOf('.sites')), /example\.com/, 'the good entry is kept');
      } finally {
        await options.close();
      }
      // Shown once: the notice is cleared from storage, and a second visit has none.
      await poll(() => b.storage('local', 'get', 'settingsRepairNotice'), (v) => v === undefined, 'notice cleared');
      options = await b.openOptions('.sites');
      try {
        assert.equal(await evalAs<number>(options, `document.querySelectorAll('.notice').length`), 0);
        await options.focus('#new-site');
        await options.keyboard.type('https://News.Example.org/some/page');
        await options.click('.add-site button[type="submit"]');
        await poll(() => settingsNow(b), (v) => v.disabledSites.includes('news.example.org'), 'site saved');
        await options.click('.sites button.site-remove[data-site="example.com"]');
        await poll(() => settingsNow(b), (v) => JSON.stringify(v.disabledSites) === '["news.example.org"]', 'example.com removed');
        await options.click('button.danger');
        await poll(() => settingsNow(b), (v) => v.disabledSites.length === 0 && v.style === 'underline', 'defaults restored');
        await poll(() => evalAs<string>(options, textOf('fieldset.sites-section')), (t) => t.includes('None: Backstory highlights names on every site'), 'empty list shown');
      } finally {
        await options.close();
      }
    });

    test('switching the site off removes its highlights' + (name === 'Chromium' ? ' and survives a browser restart' : ''), { timeout: TEST_TIMEOUT * 2 }, async () => {
      let { page, tabId } = await b.openArticle();
      let popup = await b.openPopup(`?tab=${tabId}`, 'input[name="site-enabled"]');
      try {
        await popup.click('input[name="site-enabled"]');
        await poll(() => evalAs<number>(page, MARK_COUNT_JS), (n) => n === 0, 'highlights removed');
        assert.equal(await evalAs<boolean | null>(popup, checkedJs('input[name="site-enabled"]')), false);

        if (restart) {
          await popup.close();
          await page.close();
          b = await restart();
          const article = await b.openArticle({ expectMarks: false });
          page = article.page;
          tabId = article.tabId;
          popup = await b.openPopup(`?tab=${tabId}`, 'input[name="site-enabled"]');
          await poll(() => evalAs<string>(popup, textOf('.note')), (t) => t.includes('Highlighting is off on this page'), 'off after restart');
          assert.equal(await evalAs<boolean | null>(popup, checkedJs('input[name="site-enabled"]')), false, 'switch still off');
          assert.equal(await evalAs<number>(page, MARK_COUNT_JS), 0, 'no highlights after restart');
        }

        // And on again: the names come back.
        await popup.click('input[name="site-enabled"]');
        await poll(() => evalAs<number>(page, MARK_COUNT_JS), (n) => n > 0, 'highlights back');
      } finally {
        await popup.close();
        await page.close();
      }
      assert.deepEqual(b.offLoopback(), [], 'requests left 127.0.0.1');
    });
  });
}

// ---- Chromium: our own persistent context, so that a restart keeps the profile -------------------

interface ChromiumRun {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  offLoopback: string[];
  close(): Promise<void>;
}

async function launchChromiumProfile(userDataDir: string): Promise<ChromiumRun> {
  const extDir = path.resolve(ROOT, process.env.BACKSTORY_CHROME_EXT ?? 'dist/chrome');
  const proxy = await startTrapProxy();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: process.env.HEADLESS !== '0',
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...CHROMIUM_FLAGS, `--proxy-server=http://${proxy.host}:${proxy.port}`],
  });
  const offLoopback: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.fallback();
    offLoopback.push(url);
    return route.abort('blockedbyclient');
  });
  const ours = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: WAIT }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    offLoopback,
    close: async () => {
      offLoopback.push(...proxy.attempts.map((a) => `proxy ${a}`));
      await context.close().catch(() => {});
      await proxy.close();
    },
  };
}

function chromiumBrowser(run: ChromiumRun, server: StaticServer): PopupBrowser {
  const activeTabId = async (page: PlaywrightPage) => {
    await page.bringToFront();
    const id = await run.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    assert.ok(typeof id === 'number', 'active tab id');
    return id;
  };
  return {
    async openArticle(opts?: { expectMarks?: boolean }) {
      const page = await run.context.newPage();
      await page.goto(server.url(ARTICLE));
      if (opts?.expectMarks !== false) await page.locator('mark.backstory-mark').first().waitFor({ state: 'attached', timeout: WAIT });
      const marks = await waitUntilStable(() => page.evaluate(markIds));
      return { page, tabId: await activeTabId(page), marks };
    },
    async openUnreachable() {
      const page = await run.context.newPage();
      await page.goto('about:blank');
      return activeTabId(page);
    },
    async openPopup(suffix, ready) {
      const page = await run.context.newPage();
      await page.goto(`chrome-extension://${run.extensionId}/popup.html${suffix}`);
      await page.locator(ready).first().waitFor({ timeout: WAIT });
      return page;
    },
    async screenshot(page, file, size) {
      const p = page as PlaywrightPage;
      await p.setViewportSize(size);
      await p.screenshot({ path: file });
    },
    badge: (tabId) => run.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    async openOptions(ready) {
      const page = await run.context.newPage();
      await page.goto(`chrome-extension://${run.extensionId}/options.html`);
      await page.locator(ready).first().waitFor({ timeout: WAIT });
      return page;
    },
    storage: (area: 'sync' | 'local', op: 'get' | 'set', key: string | null, value?: unknown) =>
      run.worker.evaluate(
        async ([a, o, k, v]) => (o === 'get' ? (k === null ? await chrome.storage[a].get(null as never) : (await chrome.storage[a].get(k))[k]) : chrome.storage[a].set({ [k!]: v })),
        [area, op, key, value] as const,
      ),
    offLoopback: () => [...run.offLoopback],
  };
}

popupSuite('Chromium', async () => {
  const server = await startServer();
  server.addPage(ARTICLE, ARTICLE_HTML);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'backstory-popup-'));
  let run = await launchChromiumProfile(profile);
  return {
    b: chromiumBrowser(run, server),
    async restart() {
      // A new browser on the same user-data-dir: settings in storage.sync must still be there.
      await run.close();
      run = await launchChromiumProfile(profile);
      return chromiumBrowser(run, server);
    },
    async teardown() {
      await run.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
});

// ---- Firefox: the shared launcher (its temporary profile goes with the browser, so no restart) ----

popupSuite('Firefox', async () => {
  const server = await startServer();
  server.addPage(ARTICLE, ARTICLE_HTML);
  const browser: FirefoxSession = await launchFirefox();
  // An extension page to look tab ids up from (BiDi does not expose the background page).
  const ext = await browser.openExtensionPage('popup.html', '#app h1', WAIT);
  const tabIdOf = async (url: string) => {
    // The newest tab with that URL: a closed test page may still be listed for a moment.
    const id = await ext.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id).sort((a, b) => a - b).pop())`,
    );
    assert.ok(typeof id === 'number', `tab id for ${url}`);
    return id;
  };
  const b: PopupBrowser = {
    async openArticle(opts?: { expectMarks?: boolean }) {
      const page = await browser.newPage();
      await page.goto(server.url(ARTICLE));
      if (opts?.expectMarks !== false) await page.waitForSelector('mark.backstory-mark', { timeout: WAIT });
      const marks = await waitUntilStable(() => page.evaluate(markIds));
      return { page: page as unknown as AnyPage, tabId: await tabIdOf(server.url(ARTICLE)), marks };
    },
    async openUnreachable() {
      // An extension page: no content script runs there (as on about: pages and the add-ons store),
      // and unlike about:blank its URL is visible to the extension for the look-up.
      await browser.openExtensionPage('options.html', '#app h1', WAIT);
      return tabIdOf(browser.extensionUrl('options.html'));
    },
    async openPopup(suffix, ready) {
      return (await browser.openExtensionPage(`popup.html${suffix}`, ready, WAIT)) as unknown as AnyPage;
    },
    async screenshot(page, file, size) {
      const p = page as unknown as PuppeteerPage;
      await p.setViewport(size);
      await p.screenshot({ path: file as `${string}.png` });
    },
    badge: async (tabId) => String(await ext.evaluate(`browser.action.getBadgeText({ tabId: ${tabId} })`)),
    async openOptions(ready) {
      return (await browser.openExtensionPage('options.html', ready, WAIT)) as unknown as AnyPage;
    },
    storage: (area: 'sync' | 'local', op: 'get' | 'set', key: string | null, value?: unknown) =>
      ext.evaluate(
        op === 'get'
          ? key === null
            ? `browser.storage.${area}.get(null)`
            : `browser.storage.${area}.get(${JSON.stringify(key)}).then((r) => r[${JSON.stringify(key)}])`
          : `browser.storage.${area}.set({ [${JSON.stringify(key)}]: ${JSON.stringify(value)} })`,
      ),
    offLoopback: () => browser.offLoopback(),
  };
  return {
    b,
    async teardown() {
      await browser.close();
      await server.close();
    },
  };
});
