// Context packs (issue 8) in real browsers (Chromium and Firefox) with the built extension
// (npm run build first): the example pack (examples/harbour-pact/pack.json) is imported through
// the options page's file input and listed with its entity count; a page that was already open
// gets its names without a reload; switching the pack off and on removes and restores them;
// bad files (not JSON, a fact citing a paragraph the article does not have, too large) are
// refused with the reason and change nothing, and so is a pack that does not fit in storage
// (Chromium); a pack whose alias clashes is taken and the clash
// reported; an entity in two packs shows both stories in the hover card, labelled; the popup
// lists every enabled story; export → remove → import of the exported file round-trips (in
// Chromium the real download is captured); in Chromium, an imported pack and its switch survive a
// restart of the browser on the same profile. No fixed sleeps: every wait polls.
// Saves docs/screenshots/options-packs.png and card-two-sources.png (Chromium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { BROWSERS, launch, type AnyPage, type AnySession } from './support/any-browser';
import { launchChromium } from './support/chromium';
import { ROOT, startServer, type StaticServer } from './support/server';
import { markIds, waitUntilStable } from './support/checks';
import { clickAt, markLook, movePointer, waitForCard } from './support/hardening';
import { enabledOrder, storedState } from './support/storage';
import type { KnowledgeBase } from '../../src/kb/types';
import { poll, evalJs, type RawPage } from './support/poll';

const PACK_FILE = path.join(ROOT, 'examples/harbour-pact/pack.json');
const PACK = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as KnowledgeBase;
const PACK_ID = PACK.source.id;
const BUILT_IN = JSON.parse(readFileSync(path.join(ROOT, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const WAIT = 15_000;
const TEST_TIMEOUT = 90_000;

const ARTICLE = '/packs/article.html';
const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Packs test</title>
<style>body { font: 16px/1.5 sans-serif; max-width: 40rem; margin: 2rem auto; }</style></head>
<body><article>
<h1>Patrols near the Natuna Islands</h1>
<p>Indonesia and Japan will patrol together, said Arini Wicaksana after the talks.</p>
<p>Antony Blinken was not there.</p>
</article></body></html>`;

/** The example pack's names on the test page, and a built-in one that is always there. */
const PACK_NAMES = ['arini-wicaksana', 'japan'];
const BUILT_IN_NAMES = ['indonesia', 'antony-blinken'];

interface Row {
  id: string;
  count: string;
  enabled: boolean | null;
}

const ROWS_JS = `Array.from(document.querySelectorAll('.packs > li.pack'), (li) => ({
  id: li.getAttribute('data-pack-id'),
  count: (li.querySelector('.pack-count') || { textContent: '' }).textContent,
  enabled: li.querySelector('input.pack-enabled') ? li.querySelector('input.pack-enabled').checked : null,
}))`;
const textOf = (selector: string) => `(document.querySelector(${JSON.stringify(selector)}) || { textContent: '' }).textContent`;
const packSel = (id: string, inner: string) => `li.pack[data-pack-id="${id}"] ${inner}`;

const hasAllIds = (ids: string[]) => (found: string[]) => ids.every((id) => found.includes(id));

for (const name of BROWSERS) {
  describe(`context packs: ${name}`, { timeout: 600_000 }, () => {
    let server: StaticServer;
    let b: AnySession;
    let article: AnyPage;
    let options: RawPage;
    let tmp: string;

    const marks = () => article.evaluate(markIds, undefined);
    const rows = () => evalJs<Row[]>(options, ROWS_JS);
    const hasAll = (ids: string[]) => (found: string[]) => ids.every((id) => found.includes(id));
    const hasNone = (ids: string[]) => (found: string[]) => ids.every((id) => !found.includes(id));
    /** The article was never reloaded: a value set in its window is still there. */
    const notReloaded = async () => assert.equal(await article.evaluate(() => (window as unknown as { packsTest?: number }).packsTest, undefined), 1, 'the page was reloaded');

    async function openOptions(): Promise<RawPage> {
      if (b.chromium) {
        const page = await b.chromium.newPage();
        await page.goto(b.chromium.extensionUrl('options.html'));
        await page.waitForSelector('.packs > li.pack');
        return page;
      }
      return b.firefox!.openExtensionPage('options.html', '.packs > li.pack');
    }

    async function upload(file: string): Promise<void> {
      if (b.chromium) await (options as PlaywrightPage).setInputFiles('#pack-file', file);
      else {
        const input = await (options as PuppeteerPage).$('#pack-file');
        assert.ok(input, 'the file input');
        await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
      }
    }

    const click = (selector: string) => (options as unknown as { click(s: string): Promise<void> }).click(selector);
    const storedPackIds = async () => (await storedState(options)).metas.map((m) => m.id).sort();

    /** Hovers the first mark for `id` (pointer away first: a fresh enter) and waits for a card that satisfies `pred`. */
    async function hover(id: string, pred: (text: string) => boolean, what: string) {
      // After a pack switch the page highlights again: a mark read before that run ends may be
      // replaced under a pointer that then never moves onto the new one (no pointerover).
      await waitUntilStable(marks);
      const look = await article.evaluate(markLook, id);
      assert.ok(look, `no mark for ${id}`);
      await movePointer(article, 1, 1);
      await waitForCard(article, (s) => !s.open, 'card closed before hovering');
      await movePointer(article, look.rect.x + Math.min(look.rect.width / 2, 20), look.rect.y + look.rect.height / 2);
      return waitForCard(article, (s) => s.open && s.entityId === id && !s.text.includes('Loading') && pred(s.text), what);
    }

    before(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'backstory-packs-'));
      server = await startServer();
      server.addPage(ARTICLE, ARTICLE_HTML);
      b = await launch(name);
      // The page is open before anything is imported: every change below must reach it without a reload.
      article = await b.open(server.url(ARTICLE));
      await article.waitFor((ids) => ids.every((id) => !!document.querySelector(`mark.backstory-mark[data-entity-id="${id}"]`)), BUILT_IN_NAMES, WAIT);
      await article.evaluate(() => {
        (window as unknown as { packsTest: number }).packsTest = 1;
      }, undefined);
      options = await openOptions();
    });
    after(async () => {
      await b?.close();
      await server?.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    test('the built-in pack is listed first, always on, with no remove button', { timeout: TEST_TIMEOUT }, async () => {
      const list = await poll(rows, (r) => r.length === 1, 'the built-in pack listed');
      assert.deepEqual(list, [{ id: BUILT_IN.source.id, count: `${BUILT_IN.entities.length} entities`, enabled: null }]);
      assert.match(await evalJs<string>(options, textOf('.packs > li.pack')), /Always on/);
      assert.equal(await evalJs<number>(options, `document.querySelectorAll('li.pack .pack-remove').length`), 0);
      assert.ok(hasNone(PACK_NAMES)(await marks()), 'no pack names before the import');
    });

    test('importing the example pack lists it with its entity count; the open page gets its names without a reload', { timeout: TEST_TIMEOUT }, async () => {
      await upload(PACK_FILE);
      const list = await poll(rows, (r) => r.length === 2, 'the pack listed');
      assert.deepEqual(list[1], { id: PACK_ID, count: `${PACK.entities.length} entities`, enabled: true });
      assert.equal(list[0]!.id, BUILT_IN.source.id, 'the built-in pack stays first');
      assert.match(await evalJs<string>(options, textOf('.pack-outcome')), /Imported “Indonesia and Japan agree/);
      await poll(marks, hasAll(PACK_NAMES), 'the pack’s names marked on the open page');
      await notReloaded();
      if (b.chromium) {
        // A screenshot of the section, with the pack just imported.
        await mkdir(SCREENSHOTS, { recursive: true });
        const section = (options as PlaywrightPage).locator('.packs-section');
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: path.join(SCREENSHOTS, 'options-packs.png') });
      }
    });

    test('switching the pack off removes its marks, on brings them back, without a reload', { timeout: TEST_TIMEOUT }, async () => {
      await click(packSel(PACK_ID, 'input.pack-enabled'));
      await poll(marks, (m) => hasNone(PACK_NAMES)(m) && hasAll(BUILT_IN_NAMES)(m), 'pack marks gone, built-in marks kept');
      await poll(rows, (r) => r[1]?.enabled === false, 'switch shown off');
      await click(packSel(PACK_ID, 'input.pack-enabled'));
      await poll(marks, hasAll([...PACK_NAMES, ...BUILT_IN_NAMES]), 'pack marks back');
      await poll(rows, (r) => r[1]?.enabled === true, 'switch shown on');
      await notReloaded();
    });

    test('an entity in both packs: the card shows each story under its dated source line, newest first, and follows the switch', { timeout: TEST_TIMEOUT }, async () => {
      const builtInLine = `${BUILT_IN.source.outlet} · 9 Jul 2022`;
      const packLine = PACK.source.outlet;
      const both = await hover('indonesia', (t) => t.includes(packLine), 'two-story card');
      assert.ok(both.text.includes(builtInLine), `the built-in story's line: ${both.text.slice(0, 400)}`);
      // The dated story before the undated one.
      assert.ok(both.text.indexOf(builtInLine) < both.text.indexOf(packLine), 'the newest story first');
      if (b.chromium) {
        await waitForCard(article, (c) => c.open && c.settled, 'fade-in over');
        await (article.raw as PlaywrightPage).screenshot({ path: path.join(SCREENSHOTS, 'card-two-sources.png') });
      }
      // More: each story's facts with their own citations (the example pack's fact cites its ¶ 3).
      const more = both.buttons.find((x) => x.label === 'More');
      assert.ok(more, 'a More button');
      await clickAt(article, more.x + more.width / 2, more.y + more.height / 2);
      const open = await waitForCard(article, (c) => c.open && c.text.includes('Mentioned in'), 'expanded two-story card');
      assert.ok(open.text.includes('It agreed to joint coastguard patrols with Japan near the Natuna Islands. ¶ 3'), open.text.slice(0, 900));
      assert.ok(open.text.includes('Mentioned in ¶ 1, 3, 4, 6, 9'), 'the pack builder’s mentions');
      // Off: the card (already fetched on this page) has the built-in story alone again.
      await click(packSel(PACK_ID, 'input.pack-enabled'));
      await poll(marks, hasNone(PACK_NAMES), 'pack marks gone');
      const one = await hover('indonesia', (t) => t.includes(builtInLine), 'one-story card');
      assert.ok(!one.text.includes(PACK.source.outlet), one.text.slice(0, 300));
      await click(packSel(PACK_ID, 'input.pack-enabled'));
      await poll(marks, hasAll(PACK_NAMES), 'pack marks back');
      await hover('indonesia', (t) => t.includes(packLine), 'two-story card again');
      await movePointer(article, 1, 1);
    });

    test('the popup lists every enabled story, newest first, each with its dated source line', { timeout: TEST_TIMEOUT }, async () => {
      const popup = b.chromium ? await b.chromium.newPage() : await b.firefox!.openExtensionPage('popup.html', '.story-item');
      try {
        if (b.chromium) await (popup as PlaywrightPage).goto(b.chromium.extensionUrl('popup.html'));
        const ids = await poll(
          () => evalJs<string[]>(popup, `Array.from(document.querySelectorAll('.story-item'), (li) => li.getAttribute('data-source-id'))`),
          (v) => v.length === 2,
          'two stories',
        );
        assert.deepEqual(ids, [BUILT_IN.source.id, PACK_ID], 'the dated built-in story before the undated example');
        assert.deepEqual(
          await evalJs<string[]>(popup, `Array.from(document.querySelectorAll('.story-item .story-outlet'), (p) => p.textContent)`),
          [`${BUILT_IN.source.outlet} · 9 Jul 2022`, PACK.source.outlet],
        );
        assert.match(await evalJs<string>(popup, textOf('.story')), /Indonesia and Japan agree joint coastguard patrols/);
      } finally {
        await popup.close();
      }
    });

    test('bad files are refused with the reason, and nothing stored changes', { timeout: TEST_TIMEOUT }, async () => {
      const before = { rows: await rows(), stored: await storedPackIds(), marks: await marks() };
      const notJson = path.join(tmp, 'not-json.json');
      writeFileSync(notJson, '{ "schemaVersion": 1, "source": ');
      const badParagraph = path.join(tmp, 'bad-paragraph.json');
      const broken = structuredClone(PACK);
      broken.source.id = 'broken-pack';
      broken.entities[0]!.facts[0]!.paragraphs = [99];
      writeFileSync(badParagraph, JSON.stringify(broken));
      const tooLarge = path.join(tmp, 'too-large.json');
      writeFileSync(tooLarge, JSON.stringify({ ...PACK, padding: 'x'.repeat(2_100_000) }));
      const cases: [string, RegExp][] = [
        [notJson, /not-json\.json is not valid JSON/],
        [badParagraph, /bad-paragraph\.json: entity "indonesia": facts\[0\]\.paragraphs\[0\]: paragraph 99 does not exist \(the source has 9\)/],
        [tooLarge, /too-large\.json is 2\.\d MB; packs can be at most 2 MB/],
      ];
      for (const [file, reason] of cases) {
        await upload(file);
        const shown = await poll(() => evalJs<string>(options, textOf('.import-error')), (t) => reason.test(t), `refusal of ${path.basename(file)}`);
        assert.match(shown, reason);
        assert.deepEqual(await rows(), before.rows, 'the list is unchanged');
        assert.deepEqual(await storedPackIds(), before.stored, 'storage is unchanged');
      }
      assert.deepEqual(await marks(), before.marks, 'the page is unchanged');
    });

    test('a pack whose alias clashes with the built-in pack is taken, and the clash reported', { timeout: TEST_TIMEOUT }, async () => {
      const clash: KnowledgeBase = structuredClone(PACK);
      clash.source.id = 'clash-pack';
      // "Blinken" is the built-in Antony Blinken's alias; here it names someone else.
      clash.entities = [{ ...clash.entities[2]!, id: 'other-blinken', name: 'Other Blinken', aliases: [{ form: 'Blinken' }], related: [], quotes: [] }];
      const file = path.join(tmp, 'clash.json');
      writeFileSync(file, JSON.stringify(clash));
      await upload(file);
      const text = await poll(() => evalJs<string>(options, textOf('.pack-outcome')), (t) => t.includes('clash'), 'clash reported');
      assert.match(text, /alias "Blinken" of entity "other-blinken" \(pack "clash-pack"\) clashes with the rule kept from entity "antony-blinken"/);
      await poll(rows, (r) => r.some((x) => x.id === 'clash-pack'), 'clash pack listed');
      // Remove it again (with the confirmation), so the next test starts from the example pack alone.
      await click(packSel('clash-pack', '.pack-remove'));
      await click(packSel('clash-pack', '.pack-remove-yes'));
      await poll(rows, (r) => r.length === 2 && !r.some((x) => x.id === 'clash-pack'), 'clash pack removed');
    });

    if (name === 'chromium') {
      // Firefox gives storage.local no quota of its own, so only Chromium can fill it.
      test('storage full: the import is refused with the reason, and nothing stored changes', { timeout: TEST_TIMEOUT }, async () => {
        const state = async () => {
          const s = await storedState(options);
          return { packs: s.metas.map((m) => m.id).sort(), enabled: enabledOrder(s), compiled: (s.local.compiledMatcher as { packIds: string[] }).packIds };
        };
        // The last test's removal stored a new matcher: the article highlights again (its marks
        // go and come back, the visible part first, at the observer's next report); start from there.
        await poll(marks, hasAll([...PACK_NAMES, ...BUILT_IN_NAMES]), 'the article highlighted again');
        const before = { rows: await rows(), state: await state(), marks: await marks() };
        const another = structuredClone(PACK);
        another.source.id = 'another-pack';
        const file = path.join(tmp, 'another.json');
        writeFileSync(file, JSON.stringify(another));
        // Leave less room than the new matcher needs (the pack itself goes to IndexedDB).
        await evalJs(
          options,
          `chrome.storage.local.getBytesInUse(null).then((used) => chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 16) }))`,
        );
        try {
          await upload(file);
          const shown = await poll(() => evalJs<string>(options, textOf('.import-error')), (t) => t.includes('could not be stored'), 'quota refusal');
          assert.match(shown, /another\.json could not be stored \(.*quota.*\); nothing was changed\./i);
          assert.deepEqual(await rows(), before.rows, 'the list is unchanged');
          assert.deepEqual(await state(), before.state, 'packs, switches and the compiled matcher are unchanged');
          assert.deepEqual(await marks(), before.marks, 'the page is unchanged');
        } finally {
          await evalJs(options, `chrome.storage.local.remove('filler')`);
        }
      });
    }

    test('export, remove, then import the exported file: the same pack, count and marks', { timeout: TEST_TIMEOUT }, async () => {
      const exported = path.join(tmp, `${PACK_ID}-exported.json`);
      if (b.chromium) {
        const page = options as PlaywrightPage;
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(packSel(PACK_ID, '.pack-export'))]);
        assert.equal(download.suggestedFilename(), `${PACK_ID}.json`);
        await download.saveAs(exported);
      } else {
        // Firefox over BiDi reports no downloads: read the Blob the page hands to the link, and keep the browser from saving it.
        await evalJs(options, `(() => {
          const original = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob) => { window.__exportedBlob = blob; return original(blob); };
          document.addEventListener('click', (e) => { if (e.target instanceof HTMLAnchorElement && e.target.download) { window.__exportedName = e.target.download; e.preventDefault(); } }, true);
        })()`);
        await click(packSel(PACK_ID, '.pack-export'));
        await poll(() => evalJs<boolean>(options, `!!window.__exportedBlob`), (v) => v, 'exported blob');
        assert.equal(await evalJs<string>(options, `window.__exportedName`), `${PACK_ID}.json`);
        writeFileSync(exported, await evalJs<string>(options, `window.__exportedBlob.text()`));
      }
      assert.deepEqual(JSON.parse(readFileSync(exported, 'utf8')), PACK, 'the exported file is the pack');

      await click(packSel(PACK_ID, '.pack-remove'));
      assert.match(await evalJs<string>(options, textOf(packSel(PACK_ID, '.pack-confirm'))), /Remove this pack\?/);
      // Cancel keeps it; confirming removes it.
      await click(packSel(PACK_ID, '.pack-remove-no'));
      assert.equal((await rows()).length, 2);
      await click(packSel(PACK_ID, '.pack-remove'));
      await click(packSel(PACK_ID, '.pack-remove-yes'));
      await poll(rows, (r) => r.length === 1, 'pack removed');
      assert.deepEqual(await storedPackIds(), []);
      await poll(marks, (m) => hasNone(PACK_NAMES)(m) && hasAll(BUILT_IN_NAMES)(m), 'pack marks gone');

      await upload(exported);
      const list = await poll(rows, (r) => r.length === 2, 'pack back');
      assert.deepEqual(list[1], { id: PACK_ID, count: `${PACK.entities.length} entities`, enabled: true });
      await poll(marks, hasAll([...PACK_NAMES, ...BUILT_IN_NAMES]), 'pack marks back');
      await notReloaded();
      assert.deepEqual(b.offLoopback(), [], 'nothing left 127.0.0.1');
      assert.deepEqual(b.pageErrors, [], 'uncaught page errors');
    });
  });
}

describe('context packs: chromium restart', { timeout: 240_000 }, () => {
  test('an imported pack and its switch survive a browser restart on the same profile', { timeout: 180_000 }, async () => {
    const server = await startServer();
    server.addPage(ARTICLE, ARTICLE_HTML);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'backstory-packs-profile-'));
    let s = await launchChromium({ userDataDir: profile });
    try {
      const options = await s.newPage();
      await options.goto(s.extensionUrl('options.html'));
      await options.setInputFiles('#pack-file', PACK_FILE);
      await poll(() => evalJs<Row[]>(options, ROWS_JS), (r) => r[1]?.enabled === true, 'pack imported');
      await s.close();

      s = await launchChromium({ userDataDir: profile });
      const page = await s.newPage();
      await page.goto(server.url(ARTICLE));
      await poll(() => page.evaluate(markIds), hasAllIds([...PACK_NAMES, ...BUILT_IN_NAMES]), 'pack names marked after the restart');
      const again = await s.newPage();
      await again.goto(s.extensionUrl('options.html'));
      const list = await poll(() => evalJs<Row[]>(again, ROWS_JS), (r) => r.length === 2, 'pack listed after the restart');
      assert.deepEqual(list[1], { id: PACK_ID, count: `${PACK.entities.length} entities`, enabled: true });
      // Switched off, it stays off across another restart.
      await again.click(packSel(PACK_ID, 'input.pack-enabled'));
      await poll(() => evalJs<Row[]>(again, ROWS_JS), (r) => r[1]?.enabled === false, 'switched off');
      await poll(() => page.evaluate(markIds), (m) => PACK_NAMES.every((id) => !m.includes(id)), 'pack names gone');
      await s.close();

      s = await launchChromium({ userDataDir: profile });
      const last = await s.newPage();
      await last.goto(server.url(ARTICLE));
      await poll(() => last.evaluate(markIds), hasAllIds(BUILT_IN_NAMES), 'built-in names marked');
      assert.deepEqual((await last.evaluate(markIds)).filter((id) => PACK_NAMES.includes(id)), [], 'the pack is still off');
      assert.deepEqual(s.offLoopback(), [], 'nothing left 127.0.0.1');
    } finally {
      await s.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
