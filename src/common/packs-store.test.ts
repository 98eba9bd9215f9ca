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
import { Matcher } from '../match/matcher';
import { compileMatcher } from '../match/compile';

const fake = installFakeExtension();
const store = await import('./packs-store');
const db = await import('./pack-db');
const { PACK_OPS } = await import('./pack-ops');
const engine = await import('./pack-engine');
const { storedMatcher } = await import('./compiled-matcher-store');
const settingsStore = await import('./settings-store');
store.usePackEngine(PACK_OPS);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACK_TEXT = readFileSync(path.join(ROOT, 'examples/harbour-pact/pack.json'), 'utf8');
const PACK = JSON.parse(PACK_TEXT) as KnowledgeBase;
const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/storage-0.1.0.json'), 'utf8')) as {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  localObjectForm: Record<string, unknown>;
};

const file = (text: string) => new Blob([text]);
const withId = (id: string, headline = `Story ${id}`): KnowledgeBase => ({ ...structuredClone(PACK), source: { ...PACK.source, id, headline } });

/** Everything stored: IndexedDB's five stores and both storage areas. */
async function snapshot(): Promise<string> {
  const d = await db.openPackDb();
  const stores = await Promise.all((['meta', 'packs', 'matching', 'entities', 'state'] as const).map(async (s) => [s, await d.getAll(s), await d.getAllKeys(s)]));
  return JSON.stringify({ stores, local: fake.local.items, sync: fake.sync.items });
}

const enabledIds = async () => (await store.enabledPacks()).map((p) => p.source.id);

beforeEach(async () => {
  fake.local.reset(LOCAL_QUOTA);
  fake.sync.reset(SYNC_QUOTA);
  (navigator as { locks: unknown }).locks = new FakeLocks();
  await db.closePackDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(db.DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

test('a good pack file is stored, listed from its metadata, switched on and compiled with the built-in pack', async () => {
  const result = await store.importPack(file(PACK_TEXT), 'pack.json');
  assert.ok(result.ok, !result.ok ? result.error : '');
  assert.equal(result.replaced, false);
  assert.deepEqual(result.compiled.conflicts, []);
  const [meta, ...rest] = await store.listPacks();
  assert.equal(rest.length, 0);
  assert.deepEqual({ ...meta, added: typeof meta!.added }, {
    id: 'harbour-pact',
    headline: PACK.source.headline,
    outlet: PACK.source.outlet,
    added: 'string',
    from: 'file',
    entityCount: PACK.entities.length,
    enabledSeq: 1,
    bytes: JSON.stringify(PACK).length,
    story: { id: 'harbour-pact', outlet: PACK.source.outlet, headline: PACK.source.headline, summary: PACK.source.summary },
  });
  assert.deepEqual(await enabledIds(), ['bali-talks', 'harbour-pact']);
  const compiled = storedMatcher(fake.local.items.compiledMatcher);
  assert.ok(compiled, 'the stored matcher reads back');
  assert.deepEqual(compiled.packIds, ['harbour-pact']);
  const read = new Matcher(compiled.compiled);
  assert.ok(Array.from({ length: read.entityCount }, (_, i) => read.entityId(i)).includes('arini-wicaksana'));
  assert.equal((fake.local.items.compiledMatcher as { revision: number }).revision, 1);
  // The matching part holds no texts: recompiling never reads article texts.
  const matching = await (await db.openPackDb()).get('matching', 'harbour-pact');
  assert.ok(matching!.entities.every((e) => e.facts.length === 0 && e.role === '' && e.aliases.length > 0 || e.aliases.length === 0));
  const again = await store.importPack(file(PACK_TEXT), 'pack.json');
  assert.ok(again.ok && again.replaced);
  assert.equal((await store.listPacks()).length, 1);
  assert.equal(JSON.parse((await store.exportPack('harbour-pact'))!).source.id, 'harbour-pact');
});

test('refusals change nothing: too large, not JSON, invalid, the built-in id, hostile files', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const before = await snapshot();
  const nested = '['.repeat(10_000) + ']'.repeat(10_000);
  const manyAliases = withId('many-aliases');
  manyAliases.entities[0]!.aliases = Array.from({ length: 100_000 }, (_, i) => ({ form: `N${i}` }));
  const surrogate = withId('broken-text', 'Broken \ud800 headline');
  const cases: [string, RegExp][] = [
    [JSON.stringify({ ...PACK, pad: 'x'.repeat(store.MAX_PACK_BYTES) }), /bad\.json is 2\.0 MB; packs can be at most 2 MB/],
    ['{ nope', /bad\.json is not valid JSON/],
    [JSON.stringify({ ...PACK, entities: [{ ...PACK.entities[0], facts: [{ text: 'x', paragraphs: [99] }] }] }), /paragraph 99 does not exist \(the source has 9\)/],
    [JSON.stringify(withId('bali-talks')), /"bali-talks" is the built-in pack's id/],
    [nested, /nested more than 32 levels deep/],
    ['{"schemaVersion":2,"__proto__":{"polluted":true},"source":{}}', /the field name "__proto__" is not allowed/],
    [JSON.stringify({ ...PACK, source: { ...PACK.source, constructor: 'x' } }), /source: the field name "constructor" is not allowed/],
    [JSON.stringify({ ...PACK, source: { ...PACK.source, summary: 'y'.repeat(1_500_000) } }), /source\.summary: a text of 1,500,000 characters; at most 100,000/],
    [JSON.stringify(manyAliases), /bad\.json: 100009 aliases; a pack can have at most 10000/],
    [JSON.stringify(surrogate), /source\.headline: broken text \(a lone UTF-16 surrogate\)/],
  ];
  for (const [text, reason] of cases) {
    const result = await store.importPack(file(text), 'bad.json');
    assert.ok(!result.ok, `refused: ${reason}`);
    assert.match(result.error, reason);
    assert.equal(await snapshot(), before);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was touched');
});

test('markup in every text is kept as text, never as markup', async () => {
  const marked = withId('markup-pack', '<img src=x onerror="alert(1)"> headline');
  marked.source.outlet = '<script>alert(2)</script>';
  marked.entities[0]!.description = '<b>bold</b> & <i>more</i>';
  const result = await store.importPack(file(JSON.stringify(marked)), 'markup.json');
  assert.ok(result.ok);
  const meta = (await store.listPacks())[0]!;
  assert.equal(meta.headline, '<img src=x onerror="alert(1)"> headline');
  assert.equal(meta.outlet, '<script>alert(2)</script>');
});

test('storage.local full when storing the compiled matcher: the pack and its switch are put back', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const before = await snapshot();
  fake.local.failNextSetOf = 'compiledMatcher';
  const result = await store.importPack(file(JSON.stringify(withId('other'))), 'other.json');
  assert.ok(!result.ok);
  assert.match(result.error, /other\.json could not be stored \(Resource::kQuotaBytes quota exceeded\); nothing was changed\./);
  assert.equal(await snapshot(), before);
  fake.local.failNextSetOf = 'compiledMatcher';
  const off = await store.setPackEnabled('harbour-pact', false);
  assert.ok(!off.ok);
  assert.equal(await snapshot(), before, 'a switch that cannot be compiled goes back');
});

test('IndexedDB full: the save is refused with what to do, and no half pack is left', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const before = await snapshot();
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  // The browser refuses the whole transaction when its quota is reached.
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'packs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  try {
    const result = await store.savePack(readingPack(1));
    assert.ok(!result.ok);
    assert.match(result.error, /could not be stored \(the browser has no more room for Backstory’s packs \(QuotaExceededError\); free some space, or remove packs you no longer need\); nothing was changed\./);
  } finally {
    proto.put = put;
  }
  assert.equal(await snapshot(), before);
});

test('savePack: a reading pack is stored on, the same article again replaces it, and the order of switches decides clashes', async () => {
  const first = await store.savePack(readingPack(1));
  assert.ok(first.ok && !first.replaced);
  const second = await store.savePack(readingPack(2), { enable: false });
  assert.ok(second.ok);
  const meta = Object.fromEntries((await store.listPacks()).map((m) => [m.id, m]));
  assert.equal(meta['reading-00001']!.from, 'reading');
  assert.equal(meta['reading-00001']!.added, readingPack(1).source.added);
  assert.equal(meta['reading-00001']!.url, 'https://news.example.org/story/1');
  assert.equal(meta['reading-00002']!.enabledSeq, null);
  const updated = readingPack(1);
  updated.source.headline = 'Story number 1, updated';
  updated.source.paragraphs![0] = updated.source.headline;
  const again = await store.savePack(updated);
  assert.ok(again.ok && again.replaced);
  assert.equal((await store.listPacks()).length, 2);
  assert.equal((await store.listPacks()).find((m) => m.id === 'reading-00001')!.headline, 'Story number 1, updated');
  await store.importPack(file(PACK_TEXT), 'pack.json');
  assert.deepEqual(await enabledIds(), ['bali-talks', 'reading-00001', 'harbour-pact']);
  // Off and on again: last in the order.
  await store.setPackEnabled('reading-00001', false);
  await store.setPackEnabled('reading-00001', true);
  assert.deepEqual(await enabledIds(), ['bali-talks', 'harbour-pact', 'reading-00001']);
  const invalid = await store.savePack({ ...readingPack(3), entities: [] } as KnowledgeBase);
  assert.ok(!invalid.ok);
  assert.match(invalid.error, /entities/);
});

test('two windows saving at once: both packs stored, and the matcher stored last is of both', async () => {
  const [a, b] = await Promise.all([store.savePack(readingPack(10)), store.savePack(readingPack(11))]);
  assert.ok(a.ok && b.ok);
  const compiled = storedMatcher(fake.local.items.compiledMatcher)!;
  assert.deepEqual(compiled.packIds, ['reading-00010', 'reading-00011']);
  assert.equal((fake.local.items.compiledMatcher as { revision: number }).revision, await db.readRevision(await db.openPackDb()));
});

test('remove drops the pack and its switch; the built-in pack cannot be removed or replaced', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const removed = await store.removePack('harbour-pact');
  assert.ok(removed.ok);
  assert.deepEqual(await store.listPacks(), []);
  assert.deepEqual(await enabledIds(), ['bali-talks']);
  assert.equal(await store.exportPack('harbour-pact'), null);
  assert.equal(JSON.parse((await store.exportPack('bali-talks'))!).source.id, 'bali-talks');
});

for (const form of ['local', 'localObjectForm'] as const) {
  test(`0.1.0 storage (${form === 'local' ? 'packs as JSON text' : 'packs as an object'}) upgrades: packs, switches, order and settings kept`, async () => {
    fake.sync.items = structuredClone(FIXTURE.sync);
    fake.local.items = structuredClone(FIXTURE[form]);
    const migrated = await store.migrateLegacyPacks();
    assert.ok(migrated?.ok);
    assert.deepEqual(migrated.imported.sort(), ['harbour-pact', 'harbour-pact-draft']);
    assert.deepEqual(migrated.skipped, []);
    assert.equal('packs' in fake.local.items, false, 'the 0.1.0 packs item is gone');
    assert.deepEqual(await enabledIds(), ['bali-talks', 'harbour-pact'], 'harbour-pact on, the draft off');
    const metas = await store.listPacks();
    assert.deepEqual(metas.map((m) => [m.id, m.from, m.enabledSeq !== null]).sort(), [
      ['harbour-pact', 'file', true],
      ['harbour-pact-draft', 'file', false],
    ]);
    assert.deepEqual(storedMatcher(fake.local.items.compiledMatcher)!.packIds, ['harbour-pact']);
    // The settings: read as they were, then moved by the background's flush.
    await settingsStore.flushSettings();
    const { settings, repairs } = await settingsStore.loadSettings();
    assert.deepEqual(repairs, []);
    assert.equal(settings.style, 'tint');
    assert.deepEqual(settings.disabledSites, ['example.com', 'news.example.org', '127.0.0.2']);
    assert.equal('settings' in fake.sync.items, false);
    // A second run finds nothing to do.
    assert.equal(await store.migrateLegacyPacks(), null);
    await store.ensureCompiled();
    assert.deepEqual(await enabledIds(), ['bali-talks', 'harbour-pact']);
  });
}

test('a damaged 0.1.0 packs item: the good packs move, the rest are named', async () => {
  const packs = JSON.parse(FIXTURE.local.packs as string) as Record<string, unknown>;
  packs.broken = { schemaVersion: 2, source: {} };
  fake.local.items = { packs: JSON.stringify(packs) };
  fake.sync.items = structuredClone(FIXTURE.sync);
  const migrated = await store.migrateLegacyPacks();
  assert.ok(migrated?.ok);
  assert.deepEqual(migrated.skipped, ['broken']);
  assert.equal((await store.listPacks()).length, 2);
});

test('a compiled matcher left behind by a change cut short is rebuilt', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  fake.local.items.compiledMatcher = { ...(fake.local.items.compiledMatcher as object), revision: 0 };
  await store.ensureCompiled();
  assert.equal((fake.local.items.compiledMatcher as { revision: number }).revision, 1);
});

test('a matcher stored by version 4 (JSON text) is compiled again in the stored format of today', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const today = fake.local.items.compiledMatcher as { compiled: object; revision: number };
  const v4 = { ...compileMatcher([store.builtInPack(), PACK]).compiled, version: 4 };
  fake.local.items.compiledMatcher = { ...today, compiled: JSON.stringify(v4) };
  assert.equal(storedMatcher(fake.local.items.compiledMatcher), null);
  await store.ensureCompiled();
  const upgraded = storedMatcher(fake.local.items.compiledMatcher);
  assert.ok(upgraded, 'stored again, readable');
  assert.deepEqual(upgraded.compiled, today.compiled);
  const read = new Matcher(upgraded.compiled);
  assert.deepEqual(read.scan('Arini Wicaksana spoke in Bali.').mentions.map((m) => read.entityId(m.entity)), ['arini-wicaksana', 'bali']);
});

test('a matcher stored by version 5 (ids written out, every pack of every entity) is compiled again in the stored format of today', async () => {
  await store.importPack(file(PACK_TEXT), 'pack.json');
  const today = fake.local.items.compiledMatcher as { compiled: Record<string, unknown>; revision: number };
  // Version 5's MatcherData: the CompiledMatcher's ids, packs and morePacks as they were.
  const compiled = compileMatcher([store.builtInPack(), PACK]).compiled;
  const { otherIds: _ids, contextPacks: _packs, ...shared } = today.compiled;
  fake.local.items.compiledMatcher = { ...today, compiled: { ...shared, version: 5, ids: compiled.ids, packs: compiled.packs, morePacks: compiled.morePacks } };
  assert.equal(storedMatcher(fake.local.items.compiledMatcher), null);
  await store.ensureCompiled();
  const upgraded = storedMatcher(fake.local.items.compiledMatcher);
  assert.ok(upgraded, 'stored again, readable');
  assert.deepEqual(upgraded.compiled, today.compiled);
  const read = new Matcher(upgraded.compiled);
  assert.deepEqual(read.scan('Arini Wicaksana spoke in Bali.').mentions.map((m) => read.entityId(m.entity)), ['arini-wicaksana', 'bali']);
});

test('1,000 reading packs are stored and listed from their metadata; one more is saved without reading the others', async () => {
  const packs = Array.from({ length: 1_000 }, (_, i) => readingPack(i));
  const t0 = performance.now();
  const stored = await engine.storePacks(packs.map((pack) => ({ pack, from: 'reading' as const, enable: true })), 'test');
  assert.ok(stored.ok);
  const t1 = performance.now();
  const metas = await store.listPacks();
  const t2 = performance.now();
  assert.equal(metas.length, 1_000);
  assert.equal(metas[0]!.id, 'reading-00999', 'newest first');
  const readsOfPacks: string[] = [];
  const proto = IDBObjectStore.prototype;
  const get = proto.get;
  const getAll = proto.getAll;
  proto.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
    if (this.name === 'packs') readsOfPacks.push(String(args[0]));
    return get.apply(this, args);
  };
  proto.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    if (this.name === 'packs') readsOfPacks.push('all');
    return getAll.apply(this, args);
  };
  let t3: number;
  try {
    const one = await store.savePack(readingPack(1_000));
    t3 = performance.now();
    assert.ok(one.ok);
  } finally {
    proto.get = get;
    proto.getAll = getAll;
  }
  assert.deepEqual(readsOfPacks, ['reading-01000'], 'only the pack it replaces (none here) is looked up');
  assert.equal((await store.listPacks()).length, 1_001);
  console.log(`# fake-indexeddb: 1,000 packs stored in ${(t1 - t0).toFixed(0)} ms, listed in ${(t2 - t1).toFixed(0)} ms, one more saved (and 1,001 compiled) in ${(t3 - t2).toFixed(0)} ms`);
});
