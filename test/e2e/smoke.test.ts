// Smoke test in real browsers, Chromium and Firefox, with the built extension (npm run build first):
// a page served from 127.0.0.1 gets its core names highlighted without its text changing, the
// popup renders, and nothing leaves 127.0.0.1. Also saves screenshots of the highlighted demo page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { ROOT, startServer, type StaticServer } from './support/server';
import { markIds, pageTextAndServedText, waitUntilStable } from './support/checks';

const CORE_PAGE = '/core-entities.html';
const DEMO_PAGE = '/demo/index.html';
/** Named on CORE_PAGE, and each must get a mark. */
const EXPECTED_IDS = ['antony-blinken', 'wang-yi', 'china'];
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const WAIT = 15_000;
/** Per test: a browser start is not included (that is in `before`). */
const TEST_TIMEOUT = 60_000;

async function served(server: StaticServer, pathname: string): Promise<string> {
  const body = await server.read(pathname);
  assert.ok(body, `${pathname} is not served (missing file?)`);
  return body.toString('utf8');
}

describe('smoke: Chromium', { timeout: 180_000 }, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, waits for the expected marks, then for the set of marks to stop changing. */
  async function openHighlighted(pathname: string, ids: string[]): Promise<{ page: PlaywrightPage; marks: string[] }> {
    const page = await browser.newPage();
    const response = await page.goto(server.url(pathname));
    assert.equal(response?.status(), 200, `${pathname} was not served`);
    for (const id of ids) {
      await page.locator(`mark[data-entity-id="${id}"]`).first().waitFor({ state: 'attached', timeout: WAIT });
    }
    const marks = await waitUntilStable(() => page.evaluate(markIds));
    return { page, marks };
  }

  test('highlights core names without changing the page text', { timeout: TEST_TIMEOUT }, async () => {
    const { page, marks } = await openHighlighted(CORE_PAGE, EXPECTED_IDS);
    try {
      for (const id of EXPECTED_IDS) assert.ok(marks.includes(id), `no mark for ${id}; marks: ${marks.join(', ')}`);
      const marksAreBackstory = await page.$$eval('mark[data-entity-id]', (ms) => ms.every((m) => m.classList.contains('backstory-mark')));
      assert.ok(marksAreBackstory, 'every mark has class backstory-mark');
      const { now, served: original } = await page.evaluate(pageTextAndServedText, await served(server, CORE_PAGE));
      assert.equal(now, original, 'document.body.textContent changed');
      assert.deepEqual(browser.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await page.close();
    }
    assert.ok(server.requests.some((r) => r.url === CORE_PAGE), 'the test server saw the page request');
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });

  test('popup page renders #app h1 "Backstory"', { timeout: TEST_TIMEOUT }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(browser.extensionUrl('popup.html'));
      const h1 = page.locator('#app h1').first();
      await h1.waitFor({ timeout: WAIT });
      assert.equal((await h1.textContent())?.trim(), 'Backstory');
    } finally {
      await page.close();
    }
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });

  test('demo page is highlighted (screenshot docs/screenshots/demo-page-chromium.png)', { timeout: TEST_TIMEOUT }, async () => {
    const { page, marks } = await openHighlighted(DEMO_PAGE, ['antony-blinken']);
    try {
      assert.ok(marks.length >= 5, `only ${marks.length} marks on the demo page`);
      const { now, served: original } = await page.evaluate(pageTextAndServedText, await served(server, DEMO_PAGE));
      assert.equal(now, original, 'document.body.textContent changed');
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-page-chromium.png') });
    } finally {
      await page.close();
    }
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });
});

describe('smoke: Firefox', { timeout: 180_000 }, () => {
  let server: StaticServer;
  let browser: FirefoxSession;
  before(async () => {
    server = await startServer();
    browser = await launchFirefox();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openHighlighted(pathname: string, ids: string[]): Promise<{ page: PuppeteerPage; marks: string[] }> {
    const page = await browser.newPage();
    const response = await page.goto(server.url(pathname));
    assert.equal(response?.status(), 200, `${pathname} was not served`);
    for (const id of ids) await page.waitForSelector(`mark[data-entity-id="${id}"]`, { timeout: WAIT });
    const marks = await waitUntilStable(() => page.evaluate(markIds));
    return { page, marks };
  }

  test('highlights core names without changing the page text', { timeout: TEST_TIMEOUT }, async () => {
    const { page, marks } = await openHighlighted(CORE_PAGE, EXPECTED_IDS);
    try {
      for (const id of EXPECTED_IDS) assert.ok(marks.includes(id), `no mark for ${id}; marks: ${marks.join(', ')}`);
      const marksAreBackstory = await page.$$eval('mark[data-entity-id]', (ms) => ms.every((m) => m.classList.contains('backstory-mark')));
      assert.ok(marksAreBackstory, 'every mark has class backstory-mark');
      const { now, served: original } = await page.evaluate(pageTextAndServedText, await served(server, CORE_PAGE));
      assert.equal(now, original, 'document.body.textContent changed');
      assert.deepEqual(browser.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await page.close();
    }
    assert.ok(server.requests.some((r) => r.url === CORE_PAGE), 'the test server saw the page request');
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });

  test('popup page renders #app h1 "Backstory"', { timeout: TEST_TIMEOUT }, async () => {
    const page = await browser.openExtensionPage('popup.html', '#app h1', WAIT);
    try {
      const text = await page.$eval('#app h1', (h) => h.textContent);
      assert.equal(text?.trim(), 'Backstory');
    } finally {
      await page.close();
    }
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });

  test('demo page is highlighted (screenshot docs/screenshots/demo-page-firefox.png)', { timeout: TEST_TIMEOUT }, async () => {
    const { page, marks } = await openHighlighted(DEMO_PAGE, ['antony-blinken']);
    try {
      assert.ok(marks.length >= 5, `only ${marks.length} marks on the demo page`);
      const { now, served: original } = await page.evaluate(pageTextAndServedText, await served(server, DEMO_PAGE));
      assert.equal(now, original, 'document.body.textContent changed');
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-page-firefox.png') as `${string}.png` });
    } finally {
      await page.close();
    }
    assert.deepEqual(browser.offLoopback(), [], 'requests left 127.0.0.1');
  });
});
