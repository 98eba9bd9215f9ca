// Hardening (issue 7), privacy: the extension makes no network request at all while pages load
// and are highlighted, a card opens (hover; its data comes from the background), and the popup
// is used (a search typed, a name expanded, the names of the page listed and expanded).
//
// The harness records everything (test/e2e/support/chromium.ts, firefox.ts; docs/browser-notes.md):
// request interception plus a trap proxy that catches any connection meant for elsewhere, whoever
// makes it. Asserted: nothing tried to leave 127.0.0.1 (offLoopback() is empty); the test server
// saw only the pages the test itself opened (a content script or background fetching anything
// from the page's own origin would show up there); and in Chromium, where interception also sees
// the extension's own pages and service worker, every other request is for a chrome-extension://
// file of Backstory itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page as PlaywrightPage } from 'playwright-core';
import { BROWSERS, withBrowser, type AnySession } from './support/any-browser';
import type { StaticServer } from './support/server';
import { hoverCard, openWithMarks } from './support/hardening';

const TEST_TIMEOUT = 90_000;
const PAGES = ['/demo/index.html', '/hostile/lifecycle.html', '/hostile/restyle.html'];
/**
 * The content script's on-demand modules, imported at Chrome's per-session address for
 * `use_dynamic_url` (a GUID in place of the extension id; docs/browser-notes.md, "Loading on demand").
 */
const DYNAMIC_URL_MODULE = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(card|marker)\.js$/;

for (const name of BROWSERS) {
  describe(`privacy: ${name}`, { timeout: 150_000 }, () => {
    let server!: StaticServer;
    let b!: AnySession;
    withBrowser(name, (s, session) => {
      server = s;
      b = session;
    });

    /** Opens the popup for the most recently opened web page's tab, as a tab of its own. */
    async function openPopup(): Promise<{ type(sel: string, text: string): Promise<void>; click(sel: string): Promise<void>; text(sel: string): Promise<string>; close(): Promise<void> }> {
      if (b.chromium) {
        const s = b.chromium;
        const finder = await s.newPage();
        await finder.goto(s.extensionUrl('options.html'));
        const tabId = await finder.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; getCurrent(): Promise<{ id: number }> } } }).chrome;
          const self = await c.tabs.getCurrent();
          return Math.max(...(await c.tabs.query({})).map((t) => t.id).filter((id) => id < self.id));
        });
        await finder.close();
        const popup: PlaywrightPage = await s.newPage();
        await popup.goto(s.extensionUrl(`popup.html?tab=${tabId}`));
        await popup.locator('.entity-row').first().waitFor();
        return {
          type: (sel, text) => popup.locator(sel).fill(text),
          click: (sel) => popup.locator(sel).first().click(),
          text: async (sel) => (await popup.locator(sel).first().textContent()) ?? '',
          close: () => popup.close(),
        };
      }
      const ff = b.firefox!;
      const finder = await ff.openExtensionPage('options.html', 'body');
      const tabId = await finder.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number }[]>; getCurrent(): Promise<{ id: number }> } } }).browser;
        const self = await api.tabs.getCurrent();
        return Math.max(...(await api.tabs.query({})).map((t) => t.id).filter((id) => id < self.id));
      });
      await finder.close();
      const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`, '.entity-row');
      return {
        type: (sel, text) => popup.type(sel, text),
        click: (sel) => popup.click(sel),
        text: (sel) => popup.$eval(sel, (e) => e.textContent ?? ''),
        close: () => popup.close(),
      };
    }

    test('pages, highlights, the card and the popup: no request leaves 127.0.0.1, and the extension makes none', { timeout: TEST_TIMEOUT }, async () => {
      for (const pathname of PAGES) {
        const page = await openWithMarks(b, server.url(pathname), ['antony-blinken']);
        try {
          await hoverCard(page, 'antony-blinken', 'Antony Blinken');
          const popup = await openPopup();
          try {
            // The page's names, one expanded; then a search, one result expanded.
            await popup.click('.entity-row button.disclosure');
            await popup.text('.entity-panel');
            await popup.type('#search', 'Lavrov');
            const deadline = Date.now() + 10_000;
            while (!(await popup.text('.entity-list').catch(() => '')).includes('Sergei Lavrov')) {
              assert.ok(Date.now() < deadline, 'search results');
              await new Promise((r) => setTimeout(r, 50));
            }
            await popup.click('.entity-row button.disclosure');
            assert.match(await popup.text('.entity-panel'), /Lavrov/);
          } finally {
            await popup.close();
          }
        } finally {
          await page.close();
        }
      }

      assert.deepEqual(b.offLoopback(), [], 'requests that tried to leave 127.0.0.1');
      // The test server saw the pages the test opened and nothing else (Firefox also asks for
      // /favicon.ico, the browser's own request).
      const served = [...new Set(server.requests.map((r) => r.url))].filter((u) => u !== '/favicon.ico').sort();
      assert.deepEqual(served, [...PAGES].sort());
      if (b.chromium) {
        const s = b.chromium;
        const others = s.requests
          .map((r) => r.url)
          .filter((u) => !PAGES.some((p) => u === server.url(p)) && !u.startsWith(`chrome-extension://${s.extensionId}/`) && !DYNAMIC_URL_MODULE.test(u));
        assert.deepEqual(others, [], 'requests other than the pages and Backstory’s own files');
        console.log(`# chromium: ${s.requests.length} requests seen, ${s.requests.filter((r) => r.source === 'service-worker').length} from the service worker (all chrome-extension:// files)`);
      } else {
        // Firefox reports a few data:font/woff2 loads of its own to BiDi (none of our files or
        // pages holds a font); data: is not network.
        const urls = b.firefox!.requests.map((r) => r.url);
        const others = urls.filter((u) => !PAGES.some((p) => u === server.url(p)) && u !== server.url('/favicon.ico') && !u.startsWith('data:'));
        assert.deepEqual(others, [], 'requests other than the pages');
        console.log(`# firefox: ${urls.length} requests seen (${urls.filter((u) => u.startsWith('data:')).length} data: URLs of Firefox's own)`);
      }
      assert.deepEqual(b.pageErrors, []);
    });
  });
}
