/**
 * Measures what a card and the popup read with a big reading memory: 1,000 generated reading packs
 * (31 names each, about 30 KB) in fake-indexeddb, in Node. For each, from a closed database (as a
 * background that Chrome just started, or a popup just opened): the old way, every enabled pack
 * read whole and indexed, against the look-ups of src/common/entity-lookup.ts. Median of 5 runs.
 *
 *   npm run measure:lookups [-- --packs=1000 --names=30]
 *
 * fake-indexeddb is slower than a browser's IndexedDB per request and faster per byte (no disk,
 * no structured clone across processes): the ratio matters more than the absolute figures.
 */
import 'fake-indexeddb/auto';
import { installFakeExtension } from '../test/unit/fake-extension';
import { FakeLocks } from '../test/unit/fake-storage';
import { readingPack } from '../test/unit/reading-packs';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const PACKS = arg('packs', 1_000);
const OWN_NAMES = arg('names', 30);
const RUNS = 5;

installFakeExtension();
(navigator as { locks: unknown }).locks = new FakeLocks();
const engine = await import('../src/common/pack-engine');
const store = await import('../src/common/packs-store');
const db = await import('../src/common/pack-db');
const lookup = await import('../src/common/entity-lookup');
const { indexKnowledgeBase } = await import('../src/kb/lookup');
const { entityBackground } = await import('../src/ui/entity-background');

const packs = Array.from({ length: PACKS }, (_, i) => readingPack(i, { ownNames: OWN_NAMES }));
const bytes = packs.reduce((n, p) => n + JSON.stringify(p).length, 0);
const stored = await engine.storePacks(
  packs.map((pack) => ({ pack, from: 'reading' as const, enable: true })),
  'measure',
);
if (!stored.ok) throw new Error(stored.error);

/** Median time of `run`, each from a closed database. */
async function time(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await db.closePackDb();
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

// The names of a page: 20 names of 10 packs, and one name shared by a quarter of the packs.
const own = 'reporter-number500';
const shared = 'mara-quell';
const pageIds = [shared, ...Array.from({ length: 10 }, (_, k) => [`reporter-number${k * 97}`, `witness-number${k * 97}-k1`]).flat()];

const rows: [string, number, number][] = [
  [
    `card: a name of one pack (${own})`,
    await time(async () => entityBackground(indexKnowledgeBase(await store.enabledPacks()), own)),
    await time(() => lookup.lookUpEntities([own])),
  ],
  [
    `card: a name of ${packs.filter((p) => p.entities.some((e) => e.id === shared)).length} packs (${shared})`,
    await time(async () => entityBackground(indexKnowledgeBase(await store.enabledPacks()), shared)),
    await time(() => lookup.lookUpEntities([shared])),
  ],
  [
    `popup: stories and the ${pageIds.length} names of a page`,
    await time(async () => {
      const index = indexKnowledgeBase(await store.enabledPacks());
      return pageIds.map((id) => entityBackground(index, id));
    }),
    await time(() => Promise.all([lookup.enabledStories(), lookup.lookUpEntities(pageIds)])),
  ],
  [
    'popup: search over every pack (first query)',
    await time(async () => indexKnowledgeBase(await store.enabledPacks()).search('number5')),
    await time(async () => (await lookup.searchEnabled())('number5')),
  ],
];

console.log(`${PACKS} reading packs of ${OWN_NAMES + 2} names, ${(bytes / 1e6).toFixed(1)} MB as JSON, fake-indexeddb, median of ${RUNS} from a closed database\n`);
console.log('| what | every pack read (before) | only what is needed (after) |');
console.log('|---|---|---|');
for (const [what, before, after] of rows) console.log(`| ${what} | ${before.toFixed(0)} ms | ${after.toFixed(1)} ms |`);
