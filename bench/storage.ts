// `npm run bench:storage`: where a reading memory of 1,000 packs can live. In headless Chromium
// and Firefox ESR, from the extension's options page (its origin, as the extension would), writes
// 1,000 generated reading packs of about 30 KB each to storage.local (one item per pack) and to
// IndexedDB (one record per pack, as pack-db.ts stores them), then reads them all back and lists
// their ids; time and bytes for each. Results go to bench/storage-results.md; the decision they
// led to is in docs/browser-notes.md ("Storage").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium';
import { launchFirefox } from '../test/e2e/support/firefox';
import { ROOT } from '../test/e2e/support/server';
import { readingPack } from '../test/unit/reading-packs';

const PACKS = 1_000;
/** Paragraphs per generated article: about 30 KB of pack, the middle of the 10–60 KB of real ones. */
const PARAGRAPHS = 120;

interface Figures {
  localWritten: number;
  localError: string;
  localWriteMs: number;
  localReadMs: number;
  localListMs: number;
  localBytes: number | null;
  idbWriteOneTxMs: number;
  idbWriteEachMs: number;
  idbReadMs: number;
  idbListMs: number;
  idbBytes: number | null;
}

/** Runs in the options page. `template` is one pack; the others are copies with their own ids. */
const MEASURE = async ([template, count]: [string, number]): Promise<Figures> => {
  type Area = {
    set(items: Record<string, unknown>): Promise<void>;
    get(keys: null): Promise<Record<string, unknown>>;
    clear(): Promise<void>;
    getBytesInUse?: (keys: null) => Promise<number>;
  };
  const g = globalThis as unknown as { browser?: { storage: { local: Area } }; chrome: { storage: { local: Area } } };
  const api = g.browser ?? g.chrome;
  const packs = Array.from({ length: count }, (_, i) => {
    const p = JSON.parse(template);
    p.source.id = `bench-${i}`;
    return p;
  });
  const now = () => performance.now();
  // storage.local: one item per pack.
  await api.storage.local.clear();
  let t = now();
  let written = 0;
  let localError = '';
  for (const p of packs) {
    try {
      await api.storage.local.set({ [`pack:${p.source.id}`]: p });
      written++;
    } catch (err) {
      localError = String((err as Error).message ?? err);
      break;
    }
  }
  const localWriteMs = now() - t;
  const localBytes = api.storage.local.getBytesInUse ? await api.storage.local.getBytesInUse(null) : null;
  t = now();
  const all = await api.storage.local.get(null);
  const localReadMs = now() - t;
  if (Object.keys(all).length !== written) throw new Error('storage.local read back a different number of packs');
  t = now();
  Object.keys(await api.storage.local.get(null));
  const localListMs = now() - t;
  await api.storage.local.clear();

  // IndexedDB: one record per pack.
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('bench-storage', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('packs');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
  const usage = async () => (navigator.storage?.estimate ? (await navigator.storage.estimate()).usage ?? null : null);
  const before = await usage();
  let db = await open();
  t = now();
  let tx = db.transaction('packs', 'readwrite');
  for (const p of packs) tx.objectStore('packs').put(p, p.source.id);
  await done(tx);
  const idbWriteOneTxMs = now() - t;
  tx = db.transaction('packs', 'readwrite');
  tx.objectStore('packs').clear();
  await done(tx);
  t = now();
  for (const p of packs) {
    const one = db.transaction('packs', 'readwrite');
    one.objectStore('packs').put(p, p.source.id);
    await done(one);
  }
  const idbWriteEachMs = now() - t;
  const after = await usage();
  t = now();
  const read = await new Promise<unknown[]>((resolve) => {
    const r = db.transaction('packs').objectStore('packs').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  const idbReadMs = now() - t;
  if (read.length !== count) throw new Error('IndexedDB read back a different number of packs');
  t = now();
  await new Promise((resolve) => {
    const r = db.transaction('packs').objectStore('packs').getAllKeys();
    r.onsuccess = () => resolve(r.result);
  });
  const idbListMs = now() - t;
  db.close();
  await new Promise((resolve) => (indexedDB.deleteDatabase('bench-storage').onsuccess = resolve));
  db = undefined as unknown as IDBDatabase;
  return {
    localWritten: written,
    localError,
    localWriteMs,
    localReadMs,
    localListMs,
    localBytes,
    idbWriteOneTxMs,
    idbWriteEachMs,
    idbReadMs,
    idbListMs,
    idbBytes: before !== null && after !== null ? after - before : null,
  };
};

/** tsx names the functions it compiles with a helper, `__name`, that the page does not have. */
const NAME_SHIM = 'globalThis.__name = (f) => f';

async function main(): Promise<void> {
  const template = JSON.stringify(readingPack(0, { paragraphs: PARAGRAPHS }));
  const results: [string, Figures][] = [];
  {
    const s = await launchChromium();
    try {
      const page = await s.newPage();
      await page.goto(s.extensionUrl('options.html'));
      await page.evaluate(NAME_SHIM);
      results.push(['Chromium', await page.evaluate(MEASURE, [template, PACKS] as [string, number])]);
    } finally {
      await s.close();
    }
  }
  {
    const s = await launchFirefox();
    try {
      const page = await s.openExtensionPage('options.html', 'body');
      await page.evaluate(NAME_SHIM);
      results.push(['Firefox', await page.evaluate(MEASURE, [template, PACKS] as [string, number])]);
    } finally {
      await s.close();
    }
  }
  const mb = (n: number | null) => (n === null ? 'not reported' : `${(n / 1e6).toFixed(1)} MB`);
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const lines = [
    '# Storage for a reading memory',
    '',
    `\`npm run bench:storage\`, ${new Date().toISOString().slice(0, 10)}: ${PACKS.toLocaleString('en')} generated reading packs of ${(template.length / 1e3).toFixed(0)} KB each, written from the options page.`,
    '',
    '| | storage.local (one item per pack) | IndexedDB |',
    '|---|---|---|',
    ...results.flatMap(([name, f]) => [
      `| **${name}** write | ${f.localWritten.toLocaleString('en')} packs in ${ms(f.localWriteMs)}${f.localError ? `, then refused: “${f.localError}”` : ''} | ${ms(f.idbWriteOneTxMs)} in one transaction; ${ms(f.idbWriteEachMs)} one transaction per pack |`,
      `| ${name} read all | ${ms(f.localReadMs)} | ${ms(f.idbReadMs)} |`,
      `| ${name} list ids | ${ms(f.localListMs)} (storage.local can only read everything) | ${ms(f.idbListMs)} |`,
      `| ${name} bytes used | ${mb(f.localBytes)} | ${mb(f.idbBytes)} (the origin's usage, compressed on disk) |`,
    ]),
    '',
  ];
  writeFileSync(path.join(ROOT, 'bench/storage-results.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

await main();
