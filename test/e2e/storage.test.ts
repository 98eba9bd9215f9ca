// Stored data at scale and over time (issue 16), in Chromium and Firefox with the built extension
// (npm run build first), each on a profile kept across browser restarts:
//   - Backstory 0.1.0's storage (test/fixtures/storage-0.1.0.json) written into the profile, then
//     the browser restarted: packs, their switches, settings, sites and highlighting survive;
//   - 400 sites added one after another through the options page's form reach storage.sync in
//     batches and survive a restart;
//   - export a backup, change things, restore it (replace): the same state;
//   - hostile files (prototype keys, deep nesting, a 10 MB text, 100,000 aliases, lone
//     surrogates, markup everywhere) get a clear message or are shown as text, nothing else
//     changes, and the page's main thread is watched meanwhile (longest gap, longest task);
//   - a backup that does not fit is refused with nothing changed (Chromium: storage.local full
//     for the matcher; Firefox: a small storage limit set by preference);
//   - 1,000 generated reading packs restored from one backup, listed a page at a time, and their
//     names highlighted.
// Figures are printed as "# …" lines; no timing is asserted. No fixed sleeps: every wait polls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import { BROWSERS } from './support/any-browser';
import { ROOT, startServer, type StaticServer } from './support/server';
import { markIds } from './support/checks';
import {
  enabledOrder,
  evalJs,
  keptSession,
  poll,
  readFreeze,
  settingsOf,
  storedState,
  WATCH_JS,
  type KeptSession,
  type RawPage,
  type StoredState,
} from './support/storage';
import { readingPack } from '../unit/reading-packs';
import { backupSettings, BACKUP_FORMAT, BACKUP_VERSION } from '../../src/common/backup';
import { defaultSettings } from '../../src/common/settings';
import type { KnowledgeBase } from '../../src/kb/types';

const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/storage-0.1.0.json'), 'utf8')) as { sync: object; local: object };
const PACK_FILE = path.join(ROOT, 'examples/harbour-pact/pack.json');
const PACK = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as KnowledgeBase;
const TEST_TIMEOUT = 180_000;
const SITES = 400;

const ARTICLE = '/storage/article.html';
const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storage test</title></head>
<body><article><h1>Patrols near the Natuna Islands</h1>
<p>Indonesia and Japan will patrol together, said Arini Wicaksana after the talks. Antony Blinken was not there.</p>
<p>Reporter Number999 and Reporter Number5 wrote about Mara Quell.</p></article></body></html>`;

const rowIds = (page: RawPage) => evalJs<string[]>(page, `Array.from(document.querySelectorAll('.packs > li.pack'), (li) => li.getAttribute('data-pack-id'))`);
const textOf = (page: RawPage, selector: string) => evalJs<string>(page, `(document.querySelector(${JSON.stringify(selector)}) || { textContent: '' }).textContent`);
const click = (page: RawPage, selector: string) => (page as unknown as { click(s: string): Promise<void> }).click(selector);
const marks = (page: RawPage) => (page as unknown as { evaluate(f: () => string[]): Promise<string[]> }).evaluate(markIds);

/** A backup file of generated reading packs, all on. */
function backupOf(packs: KnowledgeBase[], settings = defaultSettings()): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: '2026-12-03T09:00:00.000Z',
    settings: backupSettings(settings),
    packs: packs.map((pack) => ({ from: 'reading', added: pack.source.added, enabled: true, pack })),
  });
}

/** What the reader made, as the tests compare it: settings, and each pack with its switch, order, origin and date. */
function madeByReader(state: StoredState) {
  return {
    settings: settingsOf(state),
    packs: state.metas.map(({ id, on, from, added, headline }) => ({ id, on, from, added, headline })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    order: enabledOrder(state),
  };
}

/**
 * What is stored, as it matters: the settings in force (wherever they are: pending on this device
 * or moved to storage.sync by the background meanwhile), the packs' records, the compiled matcher
 * and any other item.
 */
const comparable = (state: StoredState) => {
  const { settingsPending: _pending, settingsSyncStatus: _status, ...local } = state.local;
  return JSON.stringify({ settings: settingsOf(state), metas: state.metas, local });
};

for (const name of BROWSERS) {
  describe(`stored data: ${name}`, { timeout: 1_500_000 }, () => {
    let server: StaticServer;
    let b: KeptSession;
    let tmp: string;

    const options = () => b.extensionPage('options.html', '.packs > li.pack');
    async function download(page: RawPage, selector: string, file: string): Promise<string> {
      const chromium = b.chromium();
      if (chromium) {
        const p = page as PlaywrightPage;
        const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.click(selector)]);
        await dl.saveAs(file);
      } else {
        // Firefox over BiDi reports no downloads: read the Blob the page hands to the link.
        await evalJs(page, `(() => {
          const original = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob) => { window.__saved = blob; return original(blob); };
          document.addEventListener('click', (e) => { if (e.target instanceof HTMLAnchorElement && e.target.download) e.preventDefault(); }, true);
        })()`);
        await click(page, selector);
        await poll(() => evalJs<boolean>(page, `!!window.__saved`), (v) => v, 'the saved file', 60_000);
        writeFileSync(file, await evalJs<string>(page, `window.__saved.text()`));
      }
      return readFileSync(file, 'utf8');
    }

    before(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'backstory-storage-files-'));
      server = await startServer();
      server.addPage(ARTICLE, ARTICLE_HTML);
      b = await keptSession(name);
    });
    after(async () => {
      await b?.close();
      await server?.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    test('what Backstory 0.1.0 stored upgrades: packs, their switches, settings, sites and highlighting survive', { timeout: TEST_TIMEOUT }, async () => {
      // An extension page that runs none of Backstory's code (content.css shown as text).
      const page = await b.extensionPage('content.css', 'body');
      await evalJs(
        page,
        `(async () => { const s = (globalThis.browser || globalThis.chrome).storage; await s.local.clear(); await s.sync.clear();
          await s.local.set(${JSON.stringify(FIXTURE.local)}); await s.sync.set(${JSON.stringify(FIXTURE.sync)}); })()`,
      );
      await page.close();
      // The new build starts on 0.1.0's storage.
      await b.restart();
      const opts = await options();
      await poll(() => rowIds(opts), (ids) => ids.length === 3, 'both 0.1.0 packs listed');
      const state = await poll(() => storedState(opts), (s) => !('packs' in s.local) && !('settings' in s.sync), '0.1.0 items moved');
      assert.deepEqual(
        state.metas.map((m) => [m.id, m.on, m.from]).sort(),
        [
          ['harbour-pact', true, 'file'],
          ['harbour-pact-draft', false, 'file'],
        ],
      );
      const settings = settingsOf(state);
      assert.equal(settings.style, 'tint');
      assert.equal(settings.firstMentionOnly, true);
      assert.equal(settings.types.topic, false);
      assert.deepEqual(settings.disabledSites, ['example.com', 'news.example.org', '127.0.0.2']);
      assert.equal((state.local.compiledMatcher as { packIds: string[] }).packIds.join(), 'harbour-pact');
      assert.match(await textOf(opts, 'li.pack[data-pack-id="harbour-pact-draft"] .pack-from'), /imported file/);
      assert.equal(await evalJs<boolean>(opts, `document.querySelector('input[name="first-mention-only"]').checked`), true);
      // The page: the pack's names, in the 0.1.0 style.
      const article = await b.page(server.url(ARTICLE));
      const ids = await poll(() => marks(article), (m) => m.includes('arini-wicaksana') && m.includes('antony-blinken'), 'pack and built-in names marked');
      assert.ok(ids.includes('japan'));
      assert.ok(await evalJs<boolean>(article, `Array.from(document.querySelectorAll('mark[data-entity-id]')).every((m) => m.classList.contains('backstory-mark--tint'))`));
      await article.close();
      // Back to the defaults for the tests that follow (the packs stay).
      await click(opts, 'button.danger');
      await poll(() => storedState(opts), (s) => settingsOf(s).style === 'underline' && settingsOf(s).disabledSites.length === 0, 'defaults');
      await opts.close();
    });

    test(`${SITES} sites added one after another through the options page reach storage.sync and survive a restart`, { timeout: TEST_TIMEOUT * 2 }, async () => {
      const opts = await options();
      const sites = ['127.0.0.1', ...Array.from({ length: SITES - 1 }, (_, i) => `site-${String(i).padStart(3, '0')}.example.com`)];
      const started = Date.now();
      // The form, as a reader uses it: type, submit, see it listed; 50 to a call.
      for (let i = 0; i < sites.length; i += 50) {
        await evalJs(
          opts,
          `(async () => {
            for (const site of ${JSON.stringify(sites.slice(i, i + 50))}) {
              const input = document.querySelector('#new-site');
              input.value = site;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise((r) => setTimeout(r, 0));
              document.querySelector('.add-site button[type="submit"]').click();
              while (!Array.from(document.querySelectorAll('.sites li span')).some((s) => s.textContent === site)) await new Promise((r) => setTimeout(r, 5));
            }
          })()`,
        );
      }
      const added = Date.now() - started;
      const synced = await poll(
        () => storedState(opts),
        (s) => Object.keys(s.sync).filter((k) => k.startsWith('site:')).length === SITES && Object.keys((s.local.settingsPending as object) ?? {}).length === 0,
        'every site in storage.sync',
        60_000,
      );
      console.log(`# ${name}: ${SITES} sites added through the form in ${added} ms; all in storage.sync ${Date.now() - started} ms after the first`);
      assert.deepEqual(settingsOf(synced).disabledSites, sites, 'in the order added');
      assert.equal(await evalJs<number>(opts, `document.querySelectorAll('.sync-status').length`), 0, 'nothing to report');
      await opts.close();

      await b.restart();
      const again = await options();
      assert.equal(await evalJs<number>(again, `document.querySelectorAll('.sites li').length`), SITES);
      const after = await storedState(again);
      assert.equal(Object.keys(after.sync).filter((k) => k.startsWith('site:')).length, SITES);
      assert.deepEqual(settingsOf(after).disabledSites, sites);
      // 127.0.0.1 is off: no names; turned back on from the list, they appear on the open page.
      const article = await b.page(server.url(ARTICLE));
      const first = await marks(article);
      await click(again, '.sites button.site-remove[data-site="127.0.0.1"]');
      await poll(() => marks(article), (m) => m.includes('antony-blinken'), 'names after the site is back on');
      assert.deepEqual(first, [], 'no names while the site was off');
      await click(again, 'button.danger');
      await poll(() => storedState(again), (s) => settingsOf(s).disabledSites.length === 0, 'defaults');
      await article.close();
      await again.close();
    });

    test('export a backup, change things, restore it (replace): the same settings and packs, switches and order', { timeout: TEST_TIMEOUT }, async () => {
      const opts = await options();
      const reading = path.join(tmp, 'reading.json');
      writeFileSync(reading, JSON.stringify(readingPack(5)));
      await b.upload(opts, '#pack-file', PACK_FILE);
      await poll(() => textOf(opts, '.pack-outcome'), (t) => /Replaced|Imported/.test(t), 'pack imported');
      await b.upload(opts, '#pack-file', reading);
      await poll(() => rowIds(opts), (ids) => ids.includes('reading-00005'), 'reading pack listed');
      await click(opts, 'input[name="style"][value="hover"]');
      await evalJs(opts, `(() => { const i = document.querySelector('#new-site'); i.value = 'kept.example'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
      await poll(() => evalJs<string>(opts, `document.querySelector('#new-site').value`), (v) => v === 'kept.example', 'typed');
      await click(opts, '.add-site button[type="submit"]');
      const before = await poll(() => storedState(opts), (s) => settingsOf(s).style === 'hover' && settingsOf(s).disabledSites.includes('kept.example'), 'changes saved');
      const backup = await download(opts, '.backup-export', path.join(tmp, 'backup.json'));
      assert.equal(JSON.parse(backup).format, 'backstory-backup');

      // Change things: a pack removed, another switched off, the style, the sites.
      await click(opts, 'li.pack[data-pack-id="harbour-pact"] .pack-remove');
      await click(opts, 'li.pack[data-pack-id="harbour-pact"] .pack-remove-yes');
      await poll(() => rowIds(opts), (ids) => !ids.includes('harbour-pact'), 'pack removed');
      await click(opts, 'li.pack[data-pack-id="reading-00005"] input.pack-enabled');
      await click(opts, 'input[name="style"][value="tint"]');
      await click(opts, '.sites button.site-remove[data-site="kept.example"]');
      await poll(() => storedState(opts), (s) => settingsOf(s).style === 'tint' && !s.metas.find((m) => m.id === 'reading-00005')?.on, 'changed');

      await b.upload(opts, '#backup-file', path.join(tmp, 'backup.json'));
      const preview = await poll(() => textOf(opts, '.backup-preview'), (t) => t.includes('Restore'), 'the preview');
      assert.match(preview, /Packs: 1 added, 0 replaced, 0 removed, 1 switched on or off, \d+ unchanged\./);
      assert.match(preview, /Packs switched on: “Story number 5/);
      await click(opts, 'input[name="restore-mode"][value="replace"]');
      assert.match(await textOf(opts, '.backup-changes'), /Highlight style: tint → hover/);
      assert.match(await textOf(opts, '.backup-changes'), /Sites where Backstory is off added: kept\.example/);
      await click(opts, '.backup-apply');
      await poll(() => textOf(opts, '.backup-outcome, .backup-error'), (t) => t !== '', 'restored', 60_000);
      assert.match(await textOf(opts, '.backup-outcome'), /Restored backup\.json \(in place of what you had\)/);
      const restored = await storedState(opts);
      assert.deepEqual(madeByReader(restored), madeByReader(before));
      const article = await b.page(server.url(ARTICLE));
      await poll(() => marks(article), (m) => m.includes('arini-wicaksana'), 'the restored pack’s names');
      await article.close();
      await opts.close();
    });

    test('hostile files: a clear message or shown as text, nothing else changed, the page never blocked', { timeout: TEST_TIMEOUT * 2 }, async () => {
      const opts = await options();
      await evalJs(opts, WATCH_JS);
      const base = await storedState(opts);
      const good = JSON.parse(readFileSync(path.join(tmp, 'backup.json'), 'utf8'));
      const withAliases = structuredClone(PACK);
      withAliases.source.id = 'many-aliases';
      withAliases.entities[0]!.aliases = Array.from({ length: 100_000 }, (_, i) => ({ form: `N${i}` }));
      const cases: { file: string; input: '#pack-file' | '#backup-file'; text: string; reason: RegExp }[] = [
        { file: 'proto.json', input: '#pack-file', text: `{"schemaVersion":2,"__proto__":{"polluted":true},"source":{"id":"x"}}`, reason: /the field name "__proto__" is not allowed/ },
        { file: 'constructor.json', input: '#pack-file', text: JSON.stringify({ ...PACK, source: { ...PACK.source, id: 'constructor' }, constructor: { prototype: {} } }), reason: /the field name "constructor" is not allowed/ },
        { file: 'nested.json', input: '#pack-file', text: '['.repeat(10_000) + ']'.repeat(10_000), reason: /nested more than 32 levels deep/ },
        { file: 'surrogate.json', input: '#pack-file', text: JSON.stringify({ ...PACK, source: { ...PACK.source, headline: 'Broken \ud800 text' } }), reason: /source\.headline: broken text \(a lone UTF-16 surrogate\)/ },
        { file: 'aliases.json', input: '#pack-file', text: JSON.stringify(withAliases), reason: /100009 aliases; a pack can have at most 10000/ },
        { file: 'huge-text.json', input: '#pack-file', text: JSON.stringify({ ...PACK, source: { ...PACK.source, summary: 'x'.repeat(10_000_000) } }), reason: /huge-text\.json is 10\.0 MB; packs can be at most 2 MB/ },
        { file: 'backup-huge-text.json', input: '#backup-file', text: JSON.stringify({ ...good, settings: { ...good.settings, disabledSites: ['x'.repeat(10_000_000)] } }), reason: /settings\.disabledSites\[0\]: a text of 10,000,000 characters; at most 100,000/ },
        { file: 'backup-proto.json', input: '#backup-file', text: JSON.stringify(good).replace('"settings":{', '"settings":{"__proto__":{"style":"tint"},'), reason: /the field name "__proto__" is not allowed/ },
        { file: 'backup-nested.json', input: '#backup-file', text: `{"format":"backstory-backup","version":1,"packs":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, reason: /nested more than 32 levels deep/ },
        { file: 'backup-surrogate.json', input: '#backup-file', text: JSON.stringify({ ...good, settings: { ...good.settings, mutedEntities: ['wang-yi\udfff'] } }), reason: /lone UTF-16 surrogate/ },
        { file: 'backup-aliases.json', input: '#backup-file', text: JSON.stringify({ ...good, packs: [{ from: 'file', added: '2026-12-03T09:00:00.000Z', enabled: true, pack: withAliases }] }), reason: /100009 aliases/ },
      ];
      for (const c of cases) {
        const file = path.join(tmp, c.file);
        writeFileSync(file, c.text);
        await b.upload(opts, c.input, file);
        const selector = c.input === '#pack-file' ? '.import-error' : '.backup-error';
        const shown = await poll(() => textOf(opts, selector), (t) => c.reason.test(t), `refusal of ${c.file}`, 60_000);
        assert.match(shown, c.reason);
        assert.equal(comparable(await storedState(opts)), comparable(base), `${c.file}: nothing stored changed`);
        const freeze = await readFreeze(opts);
        console.log(`# ${name}: ${c.file} (${(c.text.length / 1e6).toFixed(1)} MB): longest gap ${freeze.maxGap} ms, ${freeze.longest === null ? 'long tasks not reported' : `longest task ${freeze.longest} ms (${freeze.tasks} over 50 ms)`}`);
      }
      assert.equal(await evalJs<unknown>(opts, `({}).polluted`), undefined);

      // Markup in every text of a pack is kept, and shown, as text.
      const marked = structuredClone(PACK);
      marked.source.id = 'markup-pack';
      marked.source.headline = '<img src=x onerror="document.title=1">Headline';
      marked.source.outlet = '<script>document.title=2</script>';
      for (const e of marked.entities) {
        e.description = `<b>${e.description}</b>`;
        e.role = `<iframe src="about:blank"></iframe>${e.role}`;
      }
      const markupFile = path.join(tmp, 'markup.json');
      writeFileSync(markupFile, JSON.stringify(marked));
      await b.upload(opts, '#pack-file', markupFile);
      await poll(() => rowIds(opts), (ids) => ids.includes('markup-pack'), 'markup pack listed');
      assert.equal(await textOf(opts, 'li.pack[data-pack-id="markup-pack"] .pack-headline'), marked.source.headline);
      assert.equal(await evalJs<number>(opts, `document.querySelectorAll('.packs img, .packs script, .packs iframe, .pack-outcome img').length`), 0);
      assert.notEqual(await evalJs<string>(opts, 'document.title'), '1');
      await click(opts, 'li.pack[data-pack-id="markup-pack"] .pack-remove');
      await click(opts, 'li.pack[data-pack-id="markup-pack"] .pack-remove-yes');
      await poll(() => rowIds(opts), (ids) => !ids.includes('markup-pack'), 'markup pack removed');
      await opts.close();
    });

    test('a backup that does not fit is refused, and nothing changes', { timeout: TEST_TIMEOUT * 2 }, async () => {
      const packs = Array.from({ length: name === 'chromium' ? 5 : 700 }, (_, i) => readingPack(2_000 + i));
      const file = path.join(tmp, 'too-big.json');
      writeFileSync(file, backupOf(packs));
      if (name === 'firefox') await b.restart({ 'dom.quotaManager.temporaryStorage.fixedLimit': 20_480 });
      const opts = await options();
      let filler = false;
      try {
        if (name === 'chromium') {
          // storage.local full: the new matcher cannot be stored.
          await evalJs(opts, `chrome.storage.local.getBytesInUse(null).then((used) => chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 16) }))`);
          filler = true;
        }
        const before = await storedState(opts);
        const rowsBefore = await rowIds(opts);
        await b.upload(opts, '#backup-file', file);
        await poll(() => textOf(opts, '.backup-preview'), (t) => t.includes('Restore'), 'the preview', 60_000);
        await click(opts, '.backup-apply');
        const error = await poll(() => textOf(opts, '.backup-error'), (t) => t !== '', 'the refusal', 60_000);
        assert.match(error, name === 'chromium' ? /The backup could not be stored \(.*quota.*\); nothing was changed\./i : /The backup does not fit: its packs need about [\d.]+ MB and the browser allows Backstory [\d.]+ MB more\. Nothing was changed\./);
        assert.equal(comparable(await storedState(opts)), comparable(before));
        assert.deepEqual(await rowIds(opts), rowsBefore, 'the list is unchanged');
      } finally {
        if (filler) await evalJs(opts, `chrome.storage.local.remove('filler')`);
        await opts.close();
      }
      if (name === 'firefox') await b.restart();
    });

    test('1,000 generated reading packs: restored from one backup, listed a page at a time, their names highlighted', { timeout: TEST_TIMEOUT * 3 }, async () => {
      const packs = Array.from({ length: 1_000 }, (_, i) => readingPack(i));
      const file = path.join(tmp, 'reading-memory.json');
      const text = backupOf(packs);
      writeFileSync(file, text);
      const opts = await options();
      await evalJs(opts, WATCH_JS);
      const already = (await storedState(opts)).metas.filter((m) => packs.some((p) => p.source.id === m.id)).length;
      const t0 = Date.now();
      await b.upload(opts, '#backup-file', file);
      await poll(() => textOf(opts, '.backup-preview'), (t) => t.includes('Restore'), 'the preview', 120_000);
      const t1 = Date.now();
      await click(opts, 'input[name="restore-mode"][value="replace"]');
      assert.match(await textOf(opts, '.backup-summary'), new RegExp(`Packs: ${(1_000 - already).toLocaleString('en')} added`));
      await click(opts, '.backup-apply');
      await poll(() => textOf(opts, '.backup-outcome, .backup-error'), (t) => t !== '', 'restored', 180_000);
      const t2 = Date.now();
      assert.match(await textOf(opts, '.backup-outcome'), /Restored reading-memory\.json/);
      const listed = await poll(() => textOf(opts, '.pack-total'), (t) => t.startsWith('1,000 of your own packs'), 'the count');
      assert.match(listed, /^1,000 of your own packs/);
      assert.equal(await textOf(opts, '.pager-where'), 'Page 1 of 20');
      const first = await rowIds(opts);
      assert.equal(first.length, 51, 'the built-in pack and 50 of the reader’s');
      assert.equal(first[1], 'reading-00999', 'newest first');
      assert.match(await textOf(opts, 'li.pack[data-pack-id="reading-00999"] .pack-meta'), /Outlet 13 · published 20 Apr 2026 · added 1 Jan 2026 · from your reading · 3 entities/);
      await click(opts, '.pager-next');
      await poll(() => rowIds(opts), (ids) => ids[0] === 'reading-00949', 'page 2');
      const freeze = await readFreeze(opts);
      const state = await storedState(opts);
      assert.equal(state.metas.length, 1_000);
      assert.equal(enabledOrder(state).length, 1_000);
      console.log(
        `# ${name}: 1,000 reading packs (${(text.length / 1e6).toFixed(1)} MB backup): read and checked in ${t1 - t0} ms, restored and compiled in ${t2 - t1} ms; ` +
          `matcher ${((state.local.compiledMatcher as { bytes: number }).bytes / 1e3).toFixed(0)} KB; options page longest gap ${freeze.maxGap} ms, ` +
          (freeze.longest === null ? 'long tasks not reported' : `longest task ${freeze.longest} ms (${freeze.tasks} over 50 ms)`),
      );
      const article = await b.page(server.url(ARTICLE));
      await poll(() => marks(article), (m) => m.includes('reporter-number999') && m.includes('reporter-number5') && m.includes('mara-quell'), 'names of the reading packs');
      await article.close();
      await opts.close();
      assert.deepEqual(b.offLoopback(), [], 'nothing left 127.0.0.1');
      assert.deepEqual(b.pageErrors(), [], 'uncaught page errors');
    });
  });
}
