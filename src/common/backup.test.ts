import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import 'fake-indexeddb/auto';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { FakeLocks, LOCAL_QUOTA, SYNC_QUOTA } from '../../test/unit/fake-storage';
import { readingPack } from '../../test/unit/reading-packs';
import { previewSettings, restoredSettings } from './backup';
import { defaultSettings } from './settings';

const fake = installFakeExtension();
const store = await import('./packs-store');
const db = await import('./pack-db');
const { PACK_OPS } = await import('./pack-ops');
const settingsStore = await import('./settings-store');
store.usePackEngine(PACK_OPS);

beforeEach(async () => {
  fake.local.reset(LOCAL_QUOTA);
  fake.sync.reset(SYNC_QUOTA);
  (navigator as { locks: unknown }).locks = new FakeLocks();
  await db.closePackDb();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(db.DB_NAME);
    req.onsuccess = () => resolve();
  });
});

/** What the reader made, as the options page would show it. */
async function state() {
  const metas = (await store.listPacks()).map(({ id, headline, added, from, enabledSeq }) => ({ id, headline, added, from, on: enabledSeq !== null }));
  return { settings: (await settingsStore.loadSettings()).settings, metas, enabled: (await store.enabledPacks()).map((p) => p.source.id) };
}

async function setUp() {
  await store.savePack(readingPack(1));
  await store.savePack(readingPack(2), { enable: false });
  await store.savePack(readingPack(3));
  await store.setPackEnabled('reading-00001', false);
  await store.setPackEnabled('reading-00001', true);
  await settingsStore.updateSettings((s) => ({ ...s, style: 'tint', disabledSites: ['a.com', 'b.com'], mutedEntities: ['mara-quell'] }));
}

const read = (text: string, name = 'backup.json') => PACK_OPS.previewBackup(new Blob([text]), name);

test('export, then restore (replace) on an empty profile: the same state, switches and their order included', async () => {
  await setUp();
  const before = await state();
  assert.deepEqual(before.enabled, ['bali-talks', 'reading-00003', 'reading-00001']);
  const text = await store.exportBackup(new Date('2026-12-03T09:00:00Z'));
  const file = JSON.parse(text);
  assert.equal(file.format, 'backstory-backup');
  assert.deepEqual(file.packs.map((p: { pack: { source: { id: string } }; enabled: boolean }) => [p.pack.source.id, p.enabled]), [
    ['reading-00003', true],
    ['reading-00001', true],
    ['reading-00002', false],
  ]);
  // A new profile.
  await db.closePackDb();
  await new Promise<void>((resolve) => {
    indexedDB.deleteDatabase(db.DB_NAME).onsuccess = () => resolve();
  });
  fake.local.reset(LOCAL_QUOTA);
  fake.sync.reset(SYNC_QUOTA);
  const preview = await read(text);
  assert.ok(preview.ok);
  assert.deepEqual(preview.preview.packs.replace.add.map((p) => p.id), ['reading-00003', 'reading-00001', 'reading-00002']);
  assert.deepEqual(fake.local.items, {}, 'a preview changes nothing');
  const restored = await store.restoreBackup(preview.preview.token, 'replace', preview.preview.settings);
  assert.ok(restored.ok, !restored.ok ? restored.error : '');
  assert.deepEqual(await state(), before);
});

test('merge adds and replaces; replace also removes; the preview says which', async () => {
  await setUp();
  const text = await store.exportBackup();
  await store.removePack('reading-00002');
  await store.savePack(readingPack(4));
  const changed = readingPack(3);
  changed.source.headline = changed.source.paragraphs![0] = 'Story number 3, changed';
  await store.savePack(changed);
  await settingsStore.updateSettings((s) => ({ ...s, style: 'hover', disabledSites: ['c.com'] }));
  const preview = await read(text);
  assert.ok(preview.ok);
  const { merge, replace } = preview.preview.packs;
  assert.deepEqual([merge.add.map((p) => p.id), merge.replace.map((p) => p.id), merge.remove, merge.switchOn, merge.switchOff, merge.same], [['reading-00002'], ['reading-00003'], [], [], [], 1]);
  assert.deepEqual(replace.remove.map((p) => p.id), ['reading-00004']);
  const now = (await settingsStore.loadSettings()).settings;
  const mergeSettings = previewSettings(now, restoredSettings(now, preview.preview.settings, 'merge'));
  assert.deepEqual(mergeSettings, { changed: [], disabledSites: { add: ['a.com', 'b.com'], remove: [] }, mutedEntities: { add: [], remove: [] } });
  const replaceSettings = previewSettings(now, restoredSettings(now, preview.preview.settings, 'replace'));
  assert.deepEqual(replaceSettings.changed, ['Highlight style: hover → tint']);
  assert.deepEqual(replaceSettings.disabledSites, { add: ['a.com', 'b.com'], remove: ['c.com'] });
  const merged = await store.restoreBackup(preview.preview.token, 'merge', preview.preview.settings);
  assert.ok(merged.ok);
  const after = await state();
  assert.deepEqual(after.metas.map((m) => m.id).sort(), ['reading-00001', 'reading-00002', 'reading-00003', 'reading-00004']);
  assert.equal(after.metas.find((m) => m.id === 'reading-00003')!.headline, readingPack(3).source.headline, 'the backup’s copy replaced the changed one');
  assert.equal(after.settings.style, 'hover', 'merge keeps the other settings');
  assert.deepEqual(after.settings.disabledSites, ['c.com', 'a.com', 'b.com']);
});

test('a backup that does not fit is refused before anything is written', async () => {
  await setUp();
  const text = await store.exportBackup();
  await store.removePack('reading-00002');
  const before = JSON.stringify(await state());
  const preview = await read(text);
  assert.ok(preview.ok);
  const storage = { estimate: async () => ({ quota: 50_000_000, usage: 50_000_000 - 10_000 }) };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  try {
    const result = await store.restoreBackup(preview.preview.token, 'replace', preview.preview.settings);
    assert.ok(!result.ok);
    assert.match(result.error, /The backup does not fit: its packs need about 0\.\d MB and the browser allows Backstory 0\.0 MB more\. Nothing was changed\./);
  } finally {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
  }
  assert.equal(JSON.stringify(await state()), before);
});

test('the matcher of a restored backup cannot be stored: packs and settings as they were', async () => {
  await setUp();
  const text = await store.exportBackup();
  await store.removePack('reading-00002');
  await settingsStore.updateSettings((s) => ({ ...s, style: 'hover' }));
  const before = JSON.stringify(await state());
  const preview = await read(text);
  assert.ok(preview.ok);
  fake.local.failNextSetOf = 'compiledMatcher';
  const result = await store.restoreBackup(preview.preview.token, 'replace', preview.preview.settings);
  assert.ok(!result.ok);
  assert.match(result.error, /The backup could not be stored \(Resource::kQuotaBytes quota exceeded\); nothing was changed\./);
  assert.equal(JSON.stringify(await state()), before);
});

test('bad backups are refused with the reason: not a backup, a bad pack inside, damaged settings, hostile values', async () => {
  await setUp();
  const good = JSON.parse(await store.exportBackup());
  const cases: [unknown, RegExp][] = [
    [readingPack(9), /not a Backstory backup \(a backup says "format": "backstory-backup"; a single pack is imported under Packs\)/],
    [{ ...good, version: 7 }, /backup version 7 is not supported/],
    [{ ...good, settings: { ...good.settings, style: 'sparkle' } }, /settings: Highlight style was invalid/],
    [{ ...good, packs: [{ ...good.packs[0], pack: { ...good.packs[0].pack, entities: 'none' } }] }, /packs\[0\].*entities/],
    [{ ...good, packs: [good.packs[0], good.packs[0]] }, /packs\[1\]: the pack "reading-00003" is in the backup twice/],
    [{ ...good, settings: { ...good.settings, disabledSites: ['x'.repeat(10_000_000)] } }, /settings\.disabledSites\[0\]: a text of 10,000,000 characters/],
  ];
  for (const [value, reason] of cases) {
    const result = await read(JSON.stringify(value));
    assert.ok(!result.ok, String(reason));
    assert.match(result.error, reason);
  }
  assert.deepEqual(defaultSettings().mutedEntities, []);
});
