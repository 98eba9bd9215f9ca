import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { FakeLocks, LOCAL_QUOTA, SYNC_QUOTA } from '../../test/unit/fake-storage';
import { readingPack } from '../../test/unit/reading-packs';
import type { KnowledgeBase } from '../kb/types';

const fake = installFakeExtension();
const store = await import('./packs-store');
const db = await import('./pack-db');
const lookup = await import('./entity-lookup');
const { PACK_OPS } = await import('./pack-ops');
const engine = await import('./pack-engine');
const { indexKnowledgeBase } = await import('../kb/lookup');
const { entityBackground } = await import('../ui/entity-background');
store.usePackEngine(PACK_OPS);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARBOUR = JSON.parse(readFileSync(path.join(ROOT, 'examples/harbour-pact/pack.json'), 'utf8')) as KnowledgeBase;
/**
 * What version 1 of the database held (meta, packs, matching, state records and their keys):
 * written by pack-engine.ts at commit ec01942 (before the entities store) from reading packs 1
 * and 2 (6 paragraphs; 2 switched off) and examples/harbour-pact.
 */
const V1 = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/pack-db-v1.json'), 'utf8')) as Record<'meta' | 'packs' | 'matching' | 'state', [string, unknown][]> & { version: number };

/** What every card and popup showed before: every enabled pack read whole and indexed. */
async function readingEverything(id: string) {
  return entityBackground(indexKnowledgeBase(await store.enabledPacks()), id);
}

/** Counts the reads of whole packs, whatever the request. */
async function countingPackReads<T>(run: () => Promise<T>): Promise<{ value: T; reads: string[] }> {
  const reads: string[] = [];
  const proto = IDBObjectStore.prototype;
  const saved = { get: proto.get, getAll: proto.getAll, openCursor: proto.openCursor };
  const spy =
    <K extends keyof typeof saved>(name: K) =>
    function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'packs') reads.push(name === 'get' ? String(args[0]) : name);
      return (saved[name] as (...a: unknown[]) => unknown).apply(this, args);
    };
  Object.assign(proto, { get: spy('get'), getAll: spy('getAll'), openCursor: spy('openCursor') });
  try {
    return { value: await run(), reads };
  } finally {
    Object.assign(proto, saved);
  }
}

/** The entities store, as [entity id, pack id] keys, sorted. */
async function storedEntries(): Promise<string[]> {
  return (await (await db.openPackDb()).getAllKeys('entities')).map(([e, p]) => `${e}@${p}`).sort();
}

/** What the entities store should hold: one entry per entity of every stored pack. */
async function expectedEntries(): Promise<string[]> {
  const packs = await (await db.openPackDb()).getAll('packs');
  return packs.flatMap((p) => p.entities.map((e) => `${e.id}@${p.source.id}`)).sort();
}

async function deleteDb() {
  await db.closePackDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(db.DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

beforeEach(async () => {
  fake.local.reset(LOCAL_QUOTA);
  fake.sync.reset(SYNC_QUOTA);
  (navigator as { locks: unknown }).locks = new FakeLocks();
  await deleteDb();
});

test('with 1,000 packs stored, a look-up reads only the packs that hold the entity, and answers as reading all of them did', async () => {
  const packs = Array.from({ length: 1_000 }, (_, i) => readingPack(i, { paragraphs: 6 }));
  const stored = await engine.storePacks(
    packs.map((pack, i) => ({ pack, from: 'reading' as const, enable: i !== 7 })),
    'test',
  );
  assert.ok(stored.ok);

  // A name of one pack: that pack alone is read.
  const own = await countingPackReads(() => lookup.lookUpEntities(['reporter-number5']));
  assert.deepEqual(own.reads, ['reading-00005']);
  assert.deepEqual(own.value.get('reporter-number5'), await readingEverything('reporter-number5'));
  assert.equal(own.value.get('reporter-number5')?.sources[0]?.source.id, 'reading-00005');

  // A name many packs share: its newest stories only, each pack once, and a count of the rest.
  const holders = packs.filter((p, i) => i !== 7 && p.entities.some((e) => e.id === 'mara-quell')).map((p) => p.source.id);
  assert.ok(holders.length > 100, 'a name shared by many packs');
  const shared = await countingPackReads(() => lookup.lookUpEntities(['mara-quell']));
  const everything = await readingEverything('mara-quell');
  assert.equal(everything?.sources.length, holders.length);
  // The newest stories, and the first pack switched on (it names the card's header).
  const firstOn = holders.find((id) => id === everything!.source.id)!;
  const newest = new Set([...everything!.sources.slice(0, lookup.MAX_STORIES_PER_ENTITY).map((s) => s.source.id), firstOn]);
  assert.deepEqual([...shared.reads].sort(), [...newest].sort(), 'the newest holders and the first, read once each');
  const answer = shared.value.get('mara-quell')!;
  assert.deepEqual(answer.sources, everything!.sources.filter((s) => newest.has(s.source.id)), 'newest first, as before');
  assert.deepEqual(answer.entity, everything!.entity);
  assert.deepEqual(answer.source, everything!.source);
  assert.equal(answer.olderSources, holders.length - newest.size);

  // A switched-off pack is not read, and its own names have no background.
  const off = await countingPackReads(() => lookup.lookUpEntities(['reporter-number7', 'wang-yi']));
  assert.deepEqual(off.reads, []);
  assert.equal(off.value.get('reporter-number7'), null);
  // The built-in pack is bundled: its names need no read at all.
  assert.deepEqual(off.value.get('wang-yi'), await readingEverything('wang-yi'));
  assert.equal(off.value.get('wang-yi')?.source.id, 'bali-talks');

  // Search and stories read no pack whole, and find what the index of every pack found.
  const search = await countingPackReads(() => lookup.searchEnabled());
  const stories = await countingPackReads(() => lookup.enabledStories());
  assert.deepEqual([...search.reads, ...stories.reads], []);
  const index = indexKnowledgeBase(await store.enabledPacks());
  for (const q of ['reporter number1', 'quell', 'story 12', 'wang', 'number7', 'china']) {
    assert.deepEqual(
      search.value(q).map((h) => `${h.entity.id}:${h.entity.name}:${h.rank}`),
      index.search(q).map((h) => `${h.id}:${h.entry.name}:${h.rank}`),
      `search "${q}"`,
    );
  }
  assert.deepEqual(
    stories.value,
    (await store.enabledPacks()).map((p) => db.storyOf(p)),
  );
  assert.equal(stories.value.length, 1 + 999);
});

test('muted names are looked up by id as every enabled pack read whole named them, reading no pack whole', async () => {
  const renamed = (n: number, name: string): KnowledgeBase => {
    const pack = readingPack(n, { paragraphs: 6 });
    return { ...pack, entities: pack.entities.map((e) => (e.id === 'mara-quell' ? { ...e, name } : e)) };
  };
  // Mara Quell is in packs 0, 8 and 16: pack 16, switched on first, names her; pack 0 is off.
  const stored = await engine.storePacks(
    [
      { pack: renamed(16, 'Mara Quell (16)'), from: 'reading', enable: true },
      { pack: renamed(0, 'Mara Quell (0)'), from: 'reading', enable: false },
      { pack: renamed(8, 'Mara Quell (8)'), from: 'reading', enable: true },
    ],
    'test',
  );
  assert.ok(stored.ok);
  const ids = ['mara-quell', 'reporter-number0', 'reporter-number8', 'wang-yi', 'no-such-name'];
  const { value, reads } = await countingPackReads(() => lookup.entityNames(ids));
  assert.deepEqual(reads, []);
  const everyPack = indexKnowledgeBase(await store.enabledPacks());
  const expected = ids.flatMap((id) => { const e = everyPack.entity(id); return e ? [[id, e.name]] : []; });
  assert.deepEqual([...value], expected);
  assert.deepEqual(Object.fromEntries(value), { 'mara-quell': 'Mara Quell (16)', 'reporter-number8': 'Reporter Number8', 'wang-yi': 'Wang Yi' });
  assert.deepEqual([...(await lookup.entityNames([]))], []);
});

test('related names and speakers are named by the first enabled pack that has them, as before', async () => {
  // A second pack names one of the harbour pact's entities differently, switched on first.
  const first: KnowledgeBase = structuredClone(HARBOUR);
  first.source = { ...first.source, id: 'renamer', headline: 'Another story' };
  first.entities = first.entities.map((e) => ({ ...e, name: `${e.name} (other)`, related: [], quotes: [] }));
  const builtIn = new Set(store.builtInPack().entities.map((e) => e.id));
  const entityWithRelated = HARBOUR.entities.find((e) => e.related.some((r) => !builtIn.has(r.id)))!;
  const relatedId = entityWithRelated.related.find((r) => !builtIn.has(r.id))!.id;
  first.entities = first.entities.filter((e) => e.id !== entityWithRelated.id);
  assert.ok((await store.savePack(first)).ok);
  assert.ok((await store.importPack(new Blob([JSON.stringify(HARBOUR)]), 'harbour.json')).ok);
  const found = (await lookup.lookUpEntities([entityWithRelated.id])).get(entityWithRelated.id);
  const before = await readingEverything(entityWithRelated.id);
  assert.deepEqual(found, before);
  assert.match(found!.related.find((r) => r.id === relatedId)!.name, /\(other\)$/, 'the related name comes from the pack switched on first');
  // A name of the built-in pack keeps the built-in pack's name.
  for (const r of found!.related.filter((r) => builtIn.has(r.id))) assert.doesNotMatch(r.name, /\(other\)$/);
});

test('the entities store follows every save, replacement, switch and removal', async () => {
  const a = readingPack(1, { paragraphs: 6 });
  assert.ok((await store.savePack(a)).ok);
  assert.ok((await store.importPack(new Blob([JSON.stringify(HARBOUR)]), 'harbour.json')).ok);
  assert.deepEqual(await storedEntries(), await expectedEntries());
  assert.ok((await storedEntries()).includes('reporter-number1@reading-00001'));

  // The same article again, now without its reporter and with a new name.
  const replaced = structuredClone(a);
  replaced.entities = replaced.entities.filter((e) => e.id !== 'reporter-number1');
  replaced.entities.push({ ...structuredClone(replaced.entities[0]!), id: 'new-name', name: 'New Name', aliases: [{ form: 'New Name' }] });
  const saved = await store.savePack(replaced);
  assert.ok(saved.ok && saved.replaced);
  assert.deepEqual(await storedEntries(), await expectedEntries());
  assert.ok(!(await storedEntries()).includes('reporter-number1@reading-00001'), 'a name the new version dropped is gone');
  assert.equal((await lookup.lookUpEntities(['reporter-number1'])).get('reporter-number1'), null);
  assert.equal((await lookup.lookUpEntities(['new-name'])).get('new-name')?.entity.name, 'New Name');

  // Switched off: its entries stay (switching writes no pack), and look-ups leave it out.
  assert.ok((await store.setPackEnabled('reading-00001', false)).ok);
  assert.deepEqual(await storedEntries(), await expectedEntries());
  assert.equal((await lookup.lookUpEntities(['new-name'])).get('new-name'), null);
  assert.ok(!(await lookup.searchEnabled())('new name').some((h) => h.entity.id === 'new-name'));
  assert.ok(!(await lookup.enabledStories()).some((s) => s.id === 'reading-00001'));
  assert.ok((await store.setPackEnabled('reading-00001', true)).ok);
  assert.equal((await lookup.lookUpEntities(['new-name'])).get('new-name')?.entity.name, 'New Name');

  // Removed: its entries go with it.
  assert.ok((await store.removePack('reading-00001')).ok);
  assert.deepEqual(await storedEntries(), await expectedEntries());
  assert.ok(!(await storedEntries()).some((k) => k.endsWith('@reading-00001')));
  assert.equal((await lookup.lookUpEntities(['new-name'])).get('new-name'), null);
});

test('a change whose matcher cannot be stored is undone, entries too', async () => {
  assert.ok((await store.savePack(readingPack(1, { paragraphs: 6 }))).ok);
  const before = await storedEntries();
  const replaced = readingPack(1, { paragraphs: 6 });
  replaced.entities = replaced.entities.slice(0, 1);
  fake.local.failNextSetOf = 'compiledMatcher';
  assert.ok(!(await store.savePack(replaced)).ok);
  assert.deepEqual(await storedEntries(), before);
  fake.local.failNextSetOf = 'compiledMatcher';
  assert.ok(!(await store.removePack('reading-00001')).ok);
  assert.deepEqual(await storedEntries(), before);
});

test('an interrupted save leaves no entity entries: the whole transaction is undone', async () => {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  let entityPuts = 0;
  // Storage runs out while the second pack's entities are written.
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'entities' && ++entityPuts > readingPack(1).entities.length) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  try {
    const result = await engine.storePacks(
      [1, 2].map((n) => ({ pack: readingPack(n, { paragraphs: 6 }), from: 'reading' as const, enable: true })),
      'two packs',
    );
    assert.ok(!result.ok);
    assert.match(result.error, /QuotaExceededError.*nothing was changed/);
  } finally {
    proto.put = put;
  }
  assert.ok(entityPuts > readingPack(1).entities.length, 'the first pack’s entries were written before the failure');
  assert.deepEqual(await storedEntries(), []);
  assert.deepEqual(await (await db.openPackDb()).getAllKeys('meta'), []);
});

test('a version 1 database is upgraded: every stored pack indexed, stories added, nothing else changed', async () => {
  // The database as version 1 left it.
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(db.DB_NAME, 1);
    req.onupgradeneeded = () => {
      for (const name of ['meta', 'packs', 'matching', 'state'] as const) {
        const s = req.result.createObjectStore(name);
        for (const [key, value] of V1[name]) s.put(value, key);
      }
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
  assert.equal(V1.version, 1);
  const d = await db.openPackDb();
  assert.equal(d.version, db.DB_VERSION);
  const packs = V1.packs.map(([, p]) => p as KnowledgeBase);
  assert.deepEqual(await storedEntries(), packs.flatMap((p) => p.entities.map((e) => `${e.id}@${p.source.id}`)).sort());
  assert.deepEqual(
    await d.getAll('entities'),
    packs.flatMap((p) => db.entityEntries(p)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.pack < b.pack ? -1 : 1)),
  );
  for (const [id, meta] of V1.meta) {
    const pack = packs.find((p) => p.source.id === id)!;
    assert.deepEqual(await d.get('meta', id), { ...(meta as object), story: db.storyOf(pack) });
  }
  for (const name of ['packs', 'matching', 'state'] as const) {
    assert.deepEqual(
      await Promise.all(V1[name].map(([key]) => d.get(name, key))),
      V1[name].map(([, value]) => value),
      `${name} unchanged`,
    );
  }
  // The stored matcher stays valid (same revision), and look-ups answer from the upgraded index.
  assert.equal(await db.readRevision(d), V1.state.find(([k]) => k === 'revision')![1]);
  assert.deepEqual((await lookup.lookUpEntities(['reporter-number1'])).get('reporter-number1'), await readingEverything('reporter-number1'));
  assert.equal((await lookup.lookUpEntities(['reporter-number2'])).get('reporter-number2'), null, 'pack 2 was off in version 1');
  assert.deepEqual(
    (await lookup.enabledStories()).map((s) => s.id),
    ['bali-talks', ...(await store.enabledPacks()).slice(1).map((p) => p.source.id)],
  );
});
