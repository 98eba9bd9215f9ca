// Highlighting in real browsers (Chromium and Firefox): exclusions, exact text, content added
// later, single-page navigation, the three ways frameworks update a text node that highlighting
// split, switching a site off and on, and "first mention only".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, withBrowser, type AnyPage, type AnySession } from './support/any-browser';
import type { StaticServer } from './support/server';
import { markIds, pageTextAndServedText, waitUntilStable } from './support/checks';
import { defaultSettings } from '../../src/common/settings';

const WAIT = 10_000;
const TEST_TIMEOUT = 60_000;

/** Runs in the page: "id:text" of every mark inside the element with this id (or the whole body). */
function marksIn(id: string | null): string[] {
  const root = id ? document.getElementById(id) : document.body;
  return Array.from(root?.querySelectorAll('mark[data-entity-id]') ?? [], (m) => `${m.getAttribute('data-entity-id')}:${m.textContent}`);
}

for (const name of BROWSERS) {
  describe(`highlighting: ${name}`, { timeout: 300_000 }, () => {
    let server!: StaticServer;
    let b!: AnySession;
    withBrowser(
      name,
      (s, session) => {
        server = s;
        b = session;
      },
      { beforeClose: (session) => session.setSettings(defaultSettings()) },
    );

    async function openWithMarks(path: string): Promise<AnyPage> {
      const page = await b.open(server.url(path));
      await page.waitFor(() => document.querySelectorAll('mark[data-entity-id]').length > 0, null, WAIT);
      return page;
    }

    test('names are marked in prose and never in fields, editable areas, code, scripts or SVG', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks('/exclusions.html');
      try {
        await page.waitFor(() => document.querySelectorAll('mark[data-entity-id]').length >= 5, null, WAIT);
        assert.deepEqual(await page.evaluate(marksIn, null), [
          'russia:Russia',
          'ukraine:Ukraine',
          'bali:Bali',
          'united-states:US',
          'china:China',
        ]);
        const html = (await server.read('/exclusions.html'))!.toString('utf8');
        const { now, served } = await page.evaluate(pageTextAndServedText, html);
        assert.equal(now, served, 'the page text is unchanged');
        assert.equal(await page.evaluate(() => (document.getElementById('field') as HTMLInputElement).value, null), 'Taiwan');
      } finally {
        await page.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });

    test('content added later is highlighted; only it is scanned', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks('/dynamic.html');
      try {
        await page.evaluate((t) => (window as unknown as { addEntry(t: string): void }).addEntry(t), 'Wang Yi spoke with Sergei Lavrov.');
        const latency = await page.waitFor(() => {
          const last = document.querySelector('#feed li:last-child mark[data-entity-id="sergei-lavrov"]');
          return last ? performance.now() - (window as unknown as { __addedAt: number }).__addedAt : 0;
        }, null, WAIT);
        console.log(`# ${name}: added content highlighted after ${Math.round(latency)} ms (polled every 50 ms)`);
        assert.deepEqual(await page.evaluate(marksIn, 'feed'), [
          'antony-blinken:Antony Blinken',
          'wang-yi:Wang Yi',
          'sergei-lavrov:Sergei Lavrov',
        ]);
      } finally {
        await page.close();
      }
    });

    test('single-page navigation: old highlights go, the new view is highlighted once', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks('/dynamic.html');
      try {
        await page.evaluate(
          (t) => (window as unknown as { navigateTo(p: string, t: string): void }).navigateTo('/dynamic-next', t),
          'Tension in the Taiwan Strait.',
        );
        await page.waitFor(() => !!document.querySelector('mark[data-entity-id="taiwan-strait"]'), null, WAIT);
        // Until the marks stop changing, so that a duplicate run would show itself.
        assert.deepEqual(await waitUntilStable(() => page.evaluate(marksIn, null)), ['bali:Bali', 'taiwan-strait:Taiwan Strait']);
      } finally {
        await page.close();
      }
    });

    test('framework updates to a split text node end with exactly the text they would without us', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks('/framework.html');
      type Fw = { framework: { setData(t: string): void; remove(): void; insertAfter(t: string): void } };
      try {
        await page.waitFor(() => document.querySelectorAll('#insert mark').length === 3, null, WAIT);
        await page.evaluate((t) => (window as unknown as Fw).framework.setData(t), 'Now Russia and Ukraine');
        await page.evaluate(() => (window as unknown as Fw).framework.remove(), null);
        await page.evaluate((t) => (window as unknown as Fw).framework.insertAfter(t), ' and China');
        await page.waitFor(() => !!document.querySelector('#insert em mark[data-entity-id="china"]'), null, WAIT);
        await page.waitFor(() => document.querySelectorAll('#data mark').length === 2, null, WAIT);
        const texts = await page.evaluate(
          () => ['data', 'remove', 'insert'].map((id) => document.getElementById(id)!.textContent),
          null,
        );
        assert.deepEqual(texts, ['Now Russia and Ukraine', ' (live)', 'Blinken met Wang Yi in Bali and China']);
        assert.deepEqual(await page.evaluate(marksIn, 'data'), ['russia:Russia', 'ukraine:Ukraine']);
        assert.deepEqual(await page.evaluate(marksIn, 'remove'), []);
        assert.deepEqual(await page.evaluate(marksIn, 'insert'), [
          'antony-blinken:Blinken',
          'wang-yi:Wang Yi',
          'bali:Bali',
          'china:China',
        ]);
      } finally {
        await page.close();
      }
    });

    test('switching the site off removes every mark and leaves the DOM exactly as it was; on brings them back', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks('/exclusions.html');
      try {
        await b.setSettings({ ...defaultSettings(), disabledSites: ['127.0.0.1'] });
        await page.waitFor(() => document.querySelectorAll('mark').length === 0, null, WAIT);
        const same = await page.evaluate(() => document.body.innerHTML === (window as unknown as { __bodyBefore: string }).__bodyBefore, null);
        assert.ok(same, 'body.innerHTML is exactly what the page had before highlighting');
        await b.setSettings(defaultSettings());
        await page.waitFor(() => document.querySelectorAll('mark[data-entity-id]').length === 5, null, WAIT);
      } finally {
        await b.setSettings(defaultSettings());
        await page.close();
      }
    });

    test('first mention only: one mark per name', { timeout: TEST_TIMEOUT }, async () => {
      await b.setSettings({ ...defaultSettings(), firstMentionOnly: true });
      const page = await openWithMarks('/framework.html');
      try {
        await page.waitFor(() => !!document.querySelector('mark[data-entity-id="bali"]'), null, WAIT);
        const ids = await waitUntilStable(() => page.evaluate(markIds, undefined));
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali']);
      } finally {
        await b.setSettings(defaultSettings());
        await page.close();
      }
    });
  });
}
