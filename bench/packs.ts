/**
 * Context packs for the benchmark: PACK_COUNT generated packs of PACK_ENTITIES people each, and
 * their import into a benched browser through the options page, exactly as a reader imports a
 * file (validation, the one compile of all enabled packs, storage).
 */
import type { Page } from 'playwright-core';
import { compileMatcher } from '../src/match/compile';
import type { KnowledgeBase } from '../src/kb/types';
import { validateKnowledgeBase } from '../src/kb/validate';
import type { BenchBrowser } from './browser';
import { PACK_COUNT, PACK_ENTITIES, PACK_IMPORT_TIMEOUT_MS } from './config';
import { builtInData, person, PEOPLE } from './kb';
import type { BuildData } from './variants';

/** Where pack k starts in PEOPLE: far enough apart that no person is in two packs. */
const PEOPLE_PER_PACK_RANGE = 1_000;

/**
 * PACK_ENTITIES people for pack k, no two with the same surname: the validator refuses a pack
 * whose surnames (second references) clash. Packs share surnames with each other, which the
 * import reports as conflicts, as it would for a reader's packs.
 */
function packPeople(k: number): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  const surnames = new Set<string>();
  for (let i = k * PEOPLE_PER_PACK_RANGE; out.length < PACK_ENTITIES && i < (k + 1) * PEOPLE_PER_PACK_RANGE; i++) {
    const name = PEOPLE[i]!;
    const surname = name.slice(name.indexOf(' ') + 1);
    if (surnames.has(surname)) continue;
    surnames.add(surname);
    out.push({ name, index: i });
  }
  if (out.length < PACK_ENTITIES) throw new Error(`only ${out.length} people with distinct surnames for pack ${k + 1}`);
  return out;
}

/** Pack k (0-based): its own PACK_ENTITIES people, as a pack file a reader could import. */
export function benchPack(k: number): KnowledgeBase {
  const builtIn = builtInData().packs[0]!;
  const pack: KnowledgeBase = {
    schemaVersion: 2,
    source: {
      id: `bench-pack-${k + 1}`,
      outlet: 'Backstory benchmark (generated)',
      headline: `Generated pack ${k + 1} of ${PACK_COUNT}`,
      standfirst: 'People generated to measure what packs cost',
      summary: 'A generated pack for the benchmark. It names people who do not exist. Nothing in it is news.',
      paragraphCount: 1,
    },
    matching: builtIn.matching,
    entities: packPeople(k).map(({ name, index }) => person(name, index)),
  };
  const { errors } = validateKnowledgeBase(pack, pack.source.id);
  if (errors.length > 0) throw new Error(`generated pack ${k + 1} is invalid:\n${errors.join('\n')}`);
  return pack;
}

export const benchPacks = (): KnowledgeBase[] => Array.from({ length: PACK_COUNT }, (_, k) => benchPack(k));

/** The same entities compiled into the content script, as build.mjs would: the built-in pack, then the packs in import order. */
export function packsBuiltIn(packs: KnowledgeBase[]): BuildData {
  const all = [...builtInData().packs, ...packs];
  return { packs: all, compiled: compileMatcher(all).compiled };
}

export interface ImportFigures {
  /** Wall ms per import, from choosing the file to the options page listing the pack as on. */
  importMs: number[];
  /** After the last import: the packs as JSON (their records in IndexedDB), and the compiled matcher content scripts read from storage.local. */
  packsBytes: number;
  compiledBytes: number;
}

const ROWS_ON = `Array.from(document.querySelectorAll('.packs > li.pack input.pack-enabled:checked')).length`;
const IMPORT_ERROR = `(document.querySelector('.import-error') || { textContent: '' }).textContent`;

async function waitFor(page: Page, done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + PACK_IMPORT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const error = (await page.evaluate(IMPORT_ERROR)) as string;
    if (error) throw new Error(`options page refused ${what}: ${error}`);
    if (await done()) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`${what}: not done after ${PACK_IMPORT_TIMEOUT_MS} ms`);
}

/** Imports the packs one by one through the options page's file input. */
export async function importPacks(browser: BenchBrowser, packs: KnowledgeBase[]): Promise<ImportFigures> {
  if (!browser.extensionOrigin) throw new Error('packs need an extension');
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.extensionOrigin}options.html`);
    await page.waitForSelector('#pack-file:not([disabled])');
    const importMs: number[] = [];
    for (const [k, pack] of packs.entries()) {
      const started = Date.now();
      await page.setInputFiles('#pack-file', {
        name: `${pack.source.id}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(pack)),
      });
      await waitFor(page, async () => ((await page.evaluate(ROWS_ON)) as number) === k + 1, `pack ${k + 1}`);
      importMs.push(Date.now() - started);
    }
    const bytes = (await page.evaluate(`(async () => {
      // Opened only if it exists: opening creates it, empty, at the version the extension would then not upgrade.
      if (!(await indexedDB.databases()).some((d) => d.name === 'backstory-packs')) throw new Error('no packs database after the imports');
      const db = await new Promise((res, rej) => { const r = indexedDB.open('backstory-packs'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const metas = await new Promise((res) => { const r = db.transaction('meta').objectStore('meta').getAll(); r.onsuccess = () => res(r.result); });
      db.close();
      return [metas.reduce((n, m) => n + m.bytes, 0), await chrome.storage.local.getBytesInUse('compiledMatcher')];
    })()`)) as [number, number];
    return { importMs, packsBytes: bytes[0], compiledBytes: bytes[1] };
  } finally {
    await page.close();
  }
}
