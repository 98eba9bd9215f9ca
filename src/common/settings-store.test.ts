import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { FakeArea, FakeLocks, FIREFOX_SYNC_QUOTA, LOCAL_QUOTA, SYNC_QUOTA } from '../../test/unit/fake-storage';
import { defaultSettings, type Settings } from './settings';
import { syncStatusMessages } from './settings-items';

const fake = installFakeExtension();
const store = await import('./settings-store');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/storage-0.1.0.json'), 'utf8')) as { sync: Record<string, unknown> };

let clock = 1_000_000;
beforeEach(() => {
  fake.sync.reset(SYNC_QUOTA);
  fake.local.reset(LOCAL_QUOTA);
  clock = 1_000_000;
  fake.sync.now = () => clock;
  (navigator as { locks: unknown }).locks = new FakeLocks();
});

const siteKeys = () => Object.keys(fake.sync.items).filter((k) => k.startsWith('site:'));
const addSite = (site: string) => store.updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, site] }));
const site = (i: number) => `site-${String(i).padStart(4, '0')}.example.com`;

test('0.1.0 settings (one "settings" item) read as they were, and the next flush moves them to one item per value', async () => {
  fake.sync.items = structuredClone(FIXTURE.sync);
  const before = await store.loadSettings();
  assert.deepEqual(before.repairs, [], 'an upgrade is not a repair');
  assert.equal(before.settings.style, 'tint');
  assert.equal(before.settings.firstMentionOnly, true);
  assert.equal(before.settings.types.topic, false);
  assert.deepEqual(before.settings.disabledSites, ['example.com', 'news.example.org', '127.0.0.2']);
  const status = await store.flushSettings();
  assert.equal(status.problem, null);
  assert.equal('settings' in fake.sync.items, false, 'the 0.1.0 item is gone');
  assert.equal(fake.sync.items.style, 'tint');
  assert.deepEqual(siteKeys().sort(), ['site:127.0.0.2', 'site:example.com', 'site:news.example.org']);
  assert.deepEqual((await store.loadSettings()).settings, before.settings, 'the same settings, in the same order');
  assert.equal(fake.sync.writeTimes.length, 2, 'one set, then the 0.1.0 item removed');
});

test('a change applies at once on this device; the flush writes only the items it changed', async () => {
  await store.updateSettings((s) => ({ ...s, style: 'hover' }));
  assert.equal((await store.loadSettings()).settings.style, 'hover', 'pending changes are read over storage.sync');
  assert.deepEqual(fake.sync.items, {}, 'nothing synced yet');
  await store.flushSettings();
  assert.equal(fake.sync.items.style, 'hover');
  const writes = fake.sync.writeTimes.length;
  await store.updateSettings((s) => ({ ...s, types: { ...s.types, place: false } }));
  const changed: string[] = [];
  fake.sync.beforeOp = async (op, keys) => {
    if (op !== 'get') changed.push(...keys);
  };
  await store.flushSettings();
  assert.deepEqual(changed, ['type.place']);
  assert.equal(fake.sync.writeTimes.length, writes + 1);
  assert.deepEqual(fake.local.items.settingsPending, {});
});

test('400 sites added one after another: batched, held back by the write rate, and all synced in the end', async () => {
  // A flush after every addition, as if the reader were faster than the flusher's pace.
  let refused = 0;
  for (let i = 0; i < 400; i++) {
    await addSite(site(i));
    const status = await store.flushSettings();
    if (status.problem === 'minute') refused++;
  }
  assert.ok(refused > 0, 'the fake refused writes past 120 a minute');
  const status = await store.loadSyncStatus();
  assert.equal(status?.problem, 'minute');
  assert.ok(status!.waiting > 0);
  assert.match(syncStatusMessages(status).join(' '), /allows 120 changes of synced settings a minute.*already apply on this device/);
  // Every site is in force on this device meanwhile, in the order added.
  const { settings } = await store.loadSettings();
  assert.equal(settings.disabledSites.length, 400);
  assert.deepEqual(settings.disabledSites.slice(0, 3), [site(0), site(1), site(2)]);
  clock += 61_000;
  const later = await store.flushSettings();
  assert.equal(later.problem, null);
  assert.equal(later.waiting, 0);
  assert.equal(siteKeys().length, 400);
  assert.deepEqual(fake.local.items.settingsPending, {});
  assert.deepEqual((await store.loadSettings()).settings.disabledSites, settings.disabledSites);
});

test('400 sites then one flush: one write', async () => {
  for (let i = 0; i < 400; i++) await addSite(site(i));
  await store.flushSettings();
  assert.equal(fake.sync.writeTimes.length, 1);
  assert.equal(siteKeys().length, 400);
});

test('more sites than storage.sync holds: the newest stay on this device, said so, and are synced once there is room', async () => {
  await store.updateSettings((s) => ({ ...s, style: 'tint', disabledSites: Array.from({ length: 700 }, (_, i) => site(i)) }));
  const status = await store.flushSettings();
  assert.equal(status.problem, null, 'nothing was refused: what would not fit was not sent');
  const synced = siteKeys().length;
  assert.ok(synced > 400 && synced < 512, `${synced} sites synced`);
  assert.equal(status.deviceOnly.disabledSites, 700 - synced);
  assert.ok(Object.keys(fake.sync.items).length <= 512 && FakeArea.bytesOf(fake.sync.items) <= 102_400);
  assert.equal(fake.sync.items.style, 'tint');
  assert.match(syncStatusMessages(status).join(' '), new RegExp(`the newest ${700 - synced} sites are kept on this device only`));
  const { settings } = await store.loadSettings();
  assert.equal(settings.disabledSites.length, 700, 'every site in force here');
  assert.deepEqual(settings.disabledSites.slice(-1), [site(699)]);
  assert.equal(siteKeys().includes(`site:${site(0)}`), true, 'the oldest are the ones synced');
  // A scalar change still finds room.
  await store.updateSettings((s) => ({ ...s, style: 'underline' }));
  await store.flushSettings();
  assert.equal(fake.sync.items.style, 'underline');
  // Fewer sites: the rest move to storage.sync.
  await store.updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.slice(300) }));
  const after = await store.flushSettings();
  assert.equal(after.deviceOnly.disabledSites, 0);
  assert.equal(siteKeys().length, 400);
  assert.deepEqual(syncStatusMessages(after), []);
});

test('Firefox: storage.sync full says nothing but "QuotaExceededError"; what did not fit stays on this device all the same', async () => {
  fake.sync.reset(FIREFOX_SYNC_QUOTA);
  // Another device filled storage.sync meanwhile: the plan thought there was room.
  fake.sync.items = Object.fromEntries(Array.from({ length: 511 }, (_, i) => [`other-${i}`, i]));
  await addSite('example.com');
  await addSite('example.org');
  const status = await store.flushSettings();
  assert.equal(status.problem, null);
  assert.equal(status.deviceOnly.disabledSites, 2, 'the plan leaves out what the quota would refuse');
  fake.sync.items = {};
  await store.updateSettings((s) => ({ ...s, style: 'tint' }));
  // Filled between the plan and the write: the browser refuses.
  fake.sync.beforeOp = async (op) => {
    if (op === 'set') fake.sync.items = Object.fromEntries(Array.from({ length: 512 }, (_, i) => [`other-${i}`, i]));
  };
  const full = await store.flushSettings();
  fake.sync.beforeOp = null;
  assert.equal(full.problem, 'full');
  assert.deepEqual((await store.loadSettings()).settings.disabledSites, ['example.com', 'example.org']);
  assert.equal((await store.loadSettings()).settings.style, 'tint');
});

test('storage.sync unavailable: the change stays on this device, and the reader is told', async () => {
  await addSite('example.com');
  fake.sync.beforeOp = async (op) => {
    if (op === 'set') throw new Error('Sync is disabled by policy');
  };
  const status = await store.flushSettings();
  assert.equal(status.problem, 'unavailable');
  assert.match(syncStatusMessages(status)[0]!, /refused the change \(Sync is disabled by policy\)\. Your changes apply on this device/);
  assert.deepEqual((await store.loadSettings()).settings.disabledSites, ['example.com']);
  fake.sync.beforeOp = null;
  assert.equal((await store.flushSettings()).problem, null);
  assert.deepEqual(siteKeys(), ['site:example.com']);
});

test('damaged items are read safely, then repaired in storage with a notice', async () => {
  fake.sync.items = { settingsVersion: 2, style: 42, firstMentionOnly: true, 'type.person': 'yes', 'site:example.com': 1, 'site:not a site': 2, 'site:__proto__': 3 };
  const loaded = await store.loadSettings();
  assert.equal(loaded.settings.style, 'underline');
  assert.equal(loaded.settings.firstMentionOnly, true, 'good values are kept');
  assert.deepEqual(loaded.settings.disabledSites, ['example.com']);
  assert.ok(loaded.repairs.some((r) => /Highlight style was invalid/.test(r)));
  assert.equal(fake.sync.items.style, 42, 'reading writes nothing');
  const repairs = await store.repairSettings();
  assert.deepEqual(repairs, loaded.repairs);
  assert.deepEqual(fake.local.items.settingsRepairNotice, repairs);
  await store.flushSettings();
  assert.equal(fake.sync.items.style, 'underline');
  assert.equal('site:not a site' in fake.sync.items, false);
  assert.equal('site:__proto__' in fake.sync.items, false);
  assert.deepEqual((await store.loadSettings()).repairs, []);
});

test('a damaged 0.1.0 item is repaired once: the repair takes it over, so the next read finds nothing to repair', async () => {
  fake.sync.items = { settings: { version: 1, style: 'sparkle', disabledSites: ['example.com', 5], enabledPacks: [] } };
  const repairs = await store.repairSettings();
  assert.ok(repairs.some((r) => /Highlight style was invalid/.test(r)));
  assert.deepEqual(await store.repairSettings(), [], 'nothing left to repair, before any flush');
  const { settings } = await store.loadSettings();
  assert.deepEqual(settings.disabledSites, ['example.com']);
  // A change made now lands on the repaired values, and the flush removes the 0.1.0 item.
  await store.updateSettings((s) => ({ ...s, style: 'tint' }));
  await store.flushSettings();
  assert.equal('settings' in fake.sync.items, false);
  assert.equal(fake.sync.items.style, 'tint');
  assert.deepEqual(siteKeys(), ['site:example.com']);
});

test('reset writes the defaults over everything, in one flush', async () => {
  await store.updateSettings((s) => ({ ...s, style: 'tint', disabledSites: ['a.com', 'b.com'], mutedEntities: ['wang-yi'] }));
  await store.flushSettings();
  await store.updateSettings(() => defaultSettings());
  await store.flushSettings();
  assert.deepEqual((await store.loadSettings()).settings, defaultSettings());
  assert.deepEqual(siteKeys(), []);
  assert.equal('mute:wang-yi' in fake.sync.items, false);
});

/** Two windows and the background at once; each window's changes touch different settings. */
async function twoWindows(): Promise<void> {
  const windowA = async () => {
    for (const s of ['a1.com', 'a2.com', 'a3.com']) await addSite(s);
    await store.updateSettings((s) => ({ ...s, style: 'tint' }));
    await store.updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== 'old-a.com') }));
  };
  const windowB = async () => {
    await store.updateSettings((s) => ({ ...s, firstMentionOnly: true }));
    for (const s of ['b1.com', 'b2.com']) await addSite(s);
    await store.updateSettings((s) => ({ ...s, mutedEntities: [...s.mutedEntities, 'wang-yi'] }));
    await store.updateSettings((s) => ({ ...s, types: { ...s.types, topic: false } }));
  };
  const background = async () => {
    for (let i = 0; i < 3; i++) await store.flushSettings();
  };
  await Promise.all([windowA(), windowB(), background()]);
}

const EXPECTED: Partial<Settings> = { style: 'tint', firstMentionOnly: true, mutedEntities: ['wang-yi'] };
const expectedSites = ['kept.com', 'a1.com', 'a2.com', 'a3.com', 'b1.com', 'b2.com'];

function checkAllChanges(settings: Settings): string | null {
  for (const [k, v] of Object.entries(EXPECTED)) if (JSON.stringify(settings[k as keyof Settings]) !== JSON.stringify(v)) return `${k} is ${JSON.stringify(settings[k as keyof Settings])}`;
  if (settings.types.topic !== false) return 'topic switch lost';
  const sites = [...settings.disabledSites].sort();
  if (JSON.stringify(sites) !== JSON.stringify([...expectedSites].sort())) return `sites are ${sites.join(', ')}`;
  return null;
}

async function runInterleaved(s: fc.Scheduler): Promise<string | null> {
  fake.sync.reset(SYNC_QUOTA);
  fake.local.reset(LOCAL_QUOTA);
  fake.sync.items = { settingsVersion: 2, 'site:kept.com': 1, 'site:old-a.com': 2 };
  // Every storage call waits for the scheduler, which releases the callers in an order of its choosing.
  const gate = async () => {
    await s.schedule(Promise.resolve());
  };
  fake.sync.beforeOp = gate;
  fake.local.beforeOp = gate;
  await s.waitFor(twoWindows());
  fake.sync.beforeOp = null;
  fake.local.beforeOp = null;
  const inForce = checkAllChanges((await store.loadSettings()).settings);
  if (inForce) return `in force: ${inForce}`;
  await store.flushSettings();
  fake.local.items = {};
  const synced = checkAllChanges((await store.loadSettings()).settings);
  return synced ? `in storage.sync: ${synced}` : null;
}

test('two windows changing settings at once, with the background flushing: no change is lost in any interleaving', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), async (s) => {
      (navigator as { locks: unknown }).locks = new FakeLocks();
      assert.equal(await runInterleaved(s), null);
    }),
    { numRuns: 150 },
  );
});

test('the same interleavings without the lock do lose changes (the test above can fail)', async () => {
  const result = await fc.check(
    fc.asyncProperty(fc.scheduler(), async (s) => {
      (navigator as { locks: unknown }).locks = { request: (_name: string, work: () => Promise<unknown>) => work() };
      assert.equal(await runInterleaved(s), null);
    }),
    { numRuns: 150 },
  );
  assert.equal(result.failed, true, 'some interleaving lost a change');
});

test('a flush between the reads of the two areas never shows the defaults: pending changes are read first, then storage.sync', async () => {
  await store.updateSettings((s) => ({ ...s, style: 'hover' }));
  assert.equal(fake.sync.items.style, undefined, 'the change is still pending');
  // storage.local answers only after a flush has moved the change to storage.sync (the areas are
  // separate stores: their answers come in any order).
  const get = fake.local.get.bind(fake.local);
  let flushFirst = true;
  fake.local.get = async (keys) => {
    if (flushFirst) {
      flushFirst = false;
      await store.flushSettings();
    }
    return get(keys);
  };
  try {
    assert.equal((await store.loadSettings()).settings.style, 'hover');
    assert.equal(fake.sync.items.style, 'hover', 'the flush ran meanwhile');
  } finally {
    fake.local.get = get;
  }
});
