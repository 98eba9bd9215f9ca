// "Don't highlight <name>" (issue 15) in real browsers with the built extension (npm run build
// first): chosen in the hover card of one tab, it takes the name's highlights off every open tab
// (the page text exactly as served, the other names still highlighted) and is saved in the synced
// settings; the options page lists the muted name by its display name, and "Highlight again"
// brings the highlights back in every tab. No fixed sleeps: every wait polls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, type AnyPage, type AnySession } from './support/any-browser';
import { startServer, type StaticServer } from './support/server';
import { markIds, pageTextAndServedText } from './support/checks';
import { clickAt, hoverCard, openWithMarks, waitForCard } from './support/hardening';
import { settingsOf, storedState } from './support/storage';
import type { Settings } from '../../src/common/settings';
import { poll, evalJs, type RawPage } from './support/poll';

const TEST_TIMEOUT = 120_000;

const PAGE_A = '/mute/a.html';
const PAGE_B = '/mute/b.html';
const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font: 16px/1.5 sans-serif; max-width: 40rem; margin: 2rem auto; }</style></head>
<body><article><h1>${title}</h1>${body}</article></body></html>`;
const HTML_A = page('Mute test A', '<p>Wang Yi, China’s foreign minister, met Antony Blinken in Bali.</p><p>Wang Yi said the talks were useful.</p>');
const HTML_B = page('Mute test B', '<p>Antony Blinken said Wang Yi had listened. Russia was not there.</p>');


for (const name of BROWSERS) {
  describe(`mute a name: ${name}`, { timeout: 400_000 }, () => {
    let server: StaticServer;
    let b: AnySession;
    let tabA: AnyPage;
    let tabB: AnyPage;
    let marked: { a: string[]; b: string[] };

    /** The page's text is exactly the served text (no highlight left behind, nothing lost). */
    const assertTextIntact = async (tab: AnyPage, html: string, what: string) => {
      const { now, served } = await tab.evaluate(pageTextAndServedText, html);
      assert.equal(now, served, `${what}: page text changed`);
    };

    before(async () => {
      server = await startServer();
      server.addPage(PAGE_A, HTML_A);
      server.addPage(PAGE_B, HTML_B);
      b = await launch(name);
      tabB = await openWithMarks(b, server.url(PAGE_B), ['wang-yi', 'antony-blinken', 'russia']);
      // Tab A last: the front tab, where the pointer hovers.
      tabA = await openWithMarks(b, server.url(PAGE_A), ['wang-yi', 'antony-blinken', 'china']);
      marked = { a: await tabA.evaluate(markIds, undefined), b: await tabB.evaluate(markIds, undefined) };
    });
    after(async () => {
      await b?.close();
      await server?.close();
    });

    test('"Don’t highlight Wang Yi" in one tab’s card takes his highlights off every tab, saved in synced settings', { timeout: TEST_TIMEOUT }, async () => {
      assert.ok(marked.a.filter((id) => id === 'wang-yi').length === 2 && marked.b.includes('wang-yi'), JSON.stringify(marked));
      const card = await hoverCard(tabA, 'wang-yi', 'Wang Yi');
      const mute = card.buttons.find((x) => x.label === 'Don’t highlight Wang Yi');
      assert.ok(mute, `the mute button; buttons: ${card.buttons.map((x) => x.label).join(', ')}`);
      await clickAt(tabA, mute.x + mute.width / 2, mute.y + mute.height / 2);
      await waitForCard(tabA, (s) => !s.open, 'the card closed');
      const without = (ids: string[]) => ids.filter((id) => id !== 'wang-yi');
      await poll(() => tabA.evaluate(markIds, undefined), (ids) => JSON.stringify(ids) === JSON.stringify(without(marked.a)), 'tab A without Wang Yi');
      await poll(() => tabB.evaluate(markIds, undefined), (ids) => JSON.stringify(ids) === JSON.stringify(without(marked.b)), 'tab B without Wang Yi');
      await assertTextIntact(tabA, HTML_A, 'tab A');
      await assertTextIntact(tabB, HTML_B, 'tab B');
      const stored = await storedSettings();
      assert.deepEqual(stored.mutedEntities, ['wang-yi'], 'saved in the settings (synced)');
    });

    test('the options page lists Wang Yi by name; "Highlight again" brings his highlights back in every tab', { timeout: TEST_TIMEOUT }, async () => {
      const options = await openOptions();
      try {
        const listed = await poll(
          () => evalJs<string[]>(options, `Array.from(document.querySelectorAll('.muted-names li'), (li) => li.getAttribute('data-entity-id') + ':' + li.querySelector('span').textContent)`),
          (v) => v.length === 1,
          'the muted list',
        );
        assert.deepEqual(listed, ['wang-yi:Wang Yi']);
        await (options as unknown as { click(s: string): Promise<void> }).click('.muted-names button.unmute');
        await poll(() => tabA.evaluate(markIds, undefined), (ids) => JSON.stringify(ids) === JSON.stringify(marked.a), 'tab A highlighted as before');
        await poll(() => tabB.evaluate(markIds, undefined), (ids) => JSON.stringify(ids) === JSON.stringify(marked.b), 'tab B highlighted as before');
        await poll(() => evalJs<number>(options, `document.querySelectorAll('.muted-names li').length`), (n) => n === 0, 'the list emptied');
        assert.deepEqual((await storedSettings()).mutedEntities, []);
        await assertTextIntact(tabA, HTML_A, 'tab A');
      } finally {
        await options.close();
      }
    });

    async function openOptions(): Promise<RawPage> {
      if (b.chromium) {
        const p = await b.chromium.newPage();
        await p.goto(b.chromium.extensionUrl('options.html'));
        await p.waitForSelector('.muted-section');
        return p;
      }
      return b.firefox!.openExtensionPage('options.html', '.muted-section');
    }

    /** The settings in force, as the extension reads them (storage.sync laid over by changes pending on this device). */
    async function storedSettings(): Promise<Settings> {
      const options = await openOptions();
      try {
        return settingsOf(await storedState(options));
      } finally {
        await options.close();
      }
    }
  });
}
