import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installFakeExtension } from '../../test/unit/fake-extension';
import type { KnowledgeBase } from '../kb/types';

const fake = installFakeExtension();
const store = await import('./packs-store');
const { storedMatcher } = await import('./compiled-matcher-store');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACK_TEXT = readFileSync(path.join(ROOT, 'examples/harbour-pact/pack.json'), 'utf8');
const PACK = JSON.parse(PACK_TEXT) as KnowledgeBase;

const snapshot = () => JSON.stringify({ local: fake.local.items, sync: fake.sync.items });

beforeEach(() => {
  fake.local.items = {};
  fake.sync.items = {};
  fake.local.quotaBytes = null;
  fake.local.failNextSetOf = null;
  fake.sync.failNextSetOf = null;
});

test('a good pack is stored, switched on and compiled with the built-in pack', async () => {
  const result = await store.importPack(PACK_TEXT, 'pack.json');
  assert.ok(result.ok);
  assert.equal(result.replaced, false);
  assert.deepEqual(result.conflicts, []);
  assert.deepEqual(Object.keys((await store.loadPacks())), ['harbour-pact']);
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks', 'harbour-pact']);
  const compiled = storedMatcher(fake.local.items.compiledMatcher);
  assert.ok(compiled, 'the stored matcher reads back');
  assert.deepEqual(compiled.packIds, ['harbour-pact']);
  assert.ok(compiled.compiled.entities.some((e) => e.id === 'arini-wicaksana'));
  // Importing it again replaces it.
  const again = await store.importPack(PACK_TEXT, 'pack.json');
  assert.ok(again.ok && again.replaced);
});

test('refusals change nothing: too large, not JSON, invalid, the built-in id', async () => {
  await store.importPack(PACK_TEXT, 'pack.json');
  const before = snapshot();
  const cases: [string, RegExp][] = [
    [JSON.stringify({ ...PACK, pad: 'x'.repeat(store.MAX_PACK_BYTES) }), /big\.json is 2\.0 MB; packs can be at most 2 MB/],
    ['{ nope', /big\.json is not valid JSON/],
    [JSON.stringify({ ...PACK, entities: [{ ...PACK.entities[0], facts: [{ text: 'x', paragraphs: [99] }] }] }), /paragraph 99 does not exist \(the source has 9\)/],
    [JSON.stringify({ ...PACK, source: { ...PACK.source, id: 'bali-talks' } }), /"bali-talks" is the built-in pack's id/],
  ];
  for (const [text, reason] of cases) {
    const result = await store.importPack(text, 'big.json');
    assert.ok(!result.ok);
    assert.match(result.error, reason);
    assert.equal(snapshot(), before);
  }
});

test('storage full when storing the pack: reported, and nothing changes', async () => {
  const before = snapshot();
  fake.local.quotaBytes = 1_000;
  const result = await store.importPack(PACK_TEXT, 'pack.json');
  assert.ok(!result.ok);
  assert.match(result.error, /pack\.json could not be stored \(QUOTA_BYTES quota exceeded\); nothing was changed\./);
  assert.equal(snapshot(), before);
});

test('storage full when storing the compiled matcher: the pack and its switch are rolled back', async () => {
  await store.importPack(PACK_TEXT, 'pack.json');
  const other = JSON.stringify({ ...PACK, source: { ...PACK.source, id: 'other' } });
  const before = { packs: Object.keys(await store.loadPacks()), settings: JSON.stringify(fake.sync.items), compiled: JSON.stringify(fake.local.items.compiledMatcher) };
  fake.local.failNextSetOf = 'compiledMatcher';
  const result = await store.importPack(other, 'other.json');
  assert.ok(!result.ok);
  assert.match(result.error, /nothing was changed/);
  assert.deepEqual(Object.keys(await store.loadPacks()), before.packs);
  assert.equal(JSON.stringify(fake.sync.items), before.settings);
  assert.equal(JSON.stringify(fake.local.items.compiledMatcher), before.compiled);
});

test('switching a pack off and on recompiles; a failed recompile puts the switch back', async () => {
  await store.importPack(PACK_TEXT, 'pack.json');
  await store.setPackEnabled('harbour-pact', false);
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks']);
  assert.deepEqual((fake.local.items.compiledMatcher as { packIds: string[] }).packIds, []);
  fake.local.failNextSetOf = 'compiledMatcher';
  await assert.rejects(store.setPackEnabled('harbour-pact', true), /quota/);
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks']);
  await store.setPackEnabled('harbour-pact', true);
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks', 'harbour-pact']);
});

test('remove drops the pack and its switch; the built-in pack cannot be removed; export gives the same pack', async () => {
  await store.importPack(PACK_TEXT, 'pack.json');
  assert.deepEqual(JSON.parse((await store.exportPack('harbour-pact'))!), PACK);
  assert.equal((JSON.parse((await store.exportPack('bali-talks'))!) as KnowledgeBase).source.id, 'bali-talks');
  await store.removePack('bali-talks');
  await store.removePack('harbour-pact');
  assert.deepEqual(await store.loadPacks(), {});
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks']);
  assert.equal(await store.exportPack('harbour-pact'), null);
});

test('a clashing alias is reported as a conflict and kept from the earlier pack', async () => {
  const clash = structuredClone(PACK);
  clash.entities = [{ ...clash.entities[1]!, id: 'not-blinken', name: 'Not Blinken', aliases: [{ form: 'Blinken' }], related: [] }];
  const result = await store.importPack(JSON.stringify(clash), 'clash.json');
  assert.ok(result.ok);
  assert.equal(result.conflicts.length, 2, result.conflicts.join('\n'));
  assert.match(result.conflicts[0]!, /alias "Blinken" of entity "not-blinken" \(pack "harbour-pact"\) clashes with the rule kept from entity "antony-blinken" \(pack "bali-talks"\)/);
  assert.deepEqual(await store.storedConflicts(), result.conflicts);
});

test('reading the enabled packs never writes: repairing damaged settings is left to their owners', async () => {
  await store.importPack(PACK_TEXT, 'pack.json');
  fake.sync.items.settings = '{"version":1,"enabledPacks":["harbour-pact"],"sty';
  const before = snapshot();
  assert.deepEqual((await store.enabledPacks()).map((p) => p.source.id), ['bali-talks']);
  assert.equal(snapshot(), before);
});

test('packs are stored as one JSON text; an object from an earlier version still loads; damaged text loads as none', async () => {
  assert.ok((await store.importPack(PACK_TEXT, 'pack.json')).ok);
  const stored = fake.local.items.packs;
  assert.equal(typeof stored, 'string');
  assert.deepEqual(Object.keys(JSON.parse(stored as string) as object), ['harbour-pact']);
  fake.local.items.packs = { 'harbour-pact': PACK };
  assert.deepEqual(Object.keys(await store.loadPacks()), ['harbour-pact']);
  fake.local.items.packs = (stored as string).slice(0, 50);
  assert.deepEqual(await store.loadPacks(), {});
});
