import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import 'fake-indexeddb/auto';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { readingPack } from '../../test/unit/reading-packs';
import type { ResumableMatcher } from '../match/extend-matcher';
import type { Result } from './pack-engine';

installFakeExtension();
const engine = await import('./pack-engine');
const db = await import('./pack-db');

beforeEach(async () => {
  await db.closePackDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(db.DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

const ok = <T extends object>(r: Result<T>): T => {
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r;
};
const save = async (n: number, enable = true) => ok(await engine.saveReadingPack(readingPack(n, { ownNames: 3 }), enable));
const kept = async () => db.readLastCompiled(await db.openPackDb());

/** Marks the matcher kept now: a change that extends it carries the mark into its conflicts. */
async function markKept(): Promise<void> {
  const last = (await kept())!;
  const matcher = JSON.parse(last.matcher) as ResumableMatcher;
  await db.keepLastCompiled(await db.openPackDb(), { ...last, matcher: JSON.stringify({ ...matcher, conflicts: ['marked', ...matcher.conflicts] }) });
}

test('a new pack switched on extends the matcher kept: the same matcher as compiling every pack, kept for the next', async () => {
  for (let n = 0; n < 6; n++) await save(n);
  const saved = await save(6);
  const full = await engine.compileEnabled();
  assert.deepEqual(saved.compiled, full);
  assert.equal(saved.compiled.revision, await db.readRevision(await db.openPackDb()));
  assert.equal((await kept())?.revision, saved.compiled.revision);
  // The kept matcher is what it extends (not a compile of every pack): its mark carries over.
  await markKept();
  const next = await save(7);
  assert.equal(next.compiled.conflicts[0], 'marked');
  assert.deepEqual({ ...next.compiled, conflicts: next.compiled.conflicts.slice(1) }, await engine.compileEnabled());
});

test('a pack saved switched off leaves the matcher as it is, of the new revision', async () => {
  await save(0);
  const before = await save(1);
  await markKept();
  const off = await save(2, false);
  assert.equal(off.compiled.revision, before.compiled.revision! + 1);
  assert.deepEqual(off.compiled.conflicts, ['marked', ...before.compiled.conflicts]);
  assert.deepEqual(off.compiled.compiled, before.compiled.compiled);
  assert.deepEqual(off.compiled.packIds, before.compiled.packIds);
});

test('replacing, switching, removing and a stale kept matcher compile every pack again', async () => {
  await save(0);
  await save(1);
  const compiledNow = async () => {
    const c = await engine.compileEnabled();
    await markKept();
    return c;
  };
  await compiledNow();
  // The same article saved again replaces its pack: compiled whole, so the mark is gone.
  const replaced = await save(1);
  assert.ok(!replaced.compiled.conflicts.includes('marked'));
  await compiledNow();
  const switched = ok(await engine.setEnabled(readingPack(0).source.id, false));
  assert.ok(!switched.compiled.conflicts.includes('marked'));
  assert.deepEqual(switched.compiled.packIds, [readingPack(1).source.id]);
  await compiledNow();
  const removed = ok(await engine.removePack(readingPack(1).source.id));
  assert.ok(!removed.compiled.conflicts.includes('marked'));
  assert.deepEqual(removed.compiled.packIds, []);
  // A pack switched back on comes last, but the kept matcher is not of the packs now stored.
  await compiledNow();
  const database = await db.openPackDb();
  const last = (await kept())!;
  await db.keepLastCompiled(database, { ...last, builtIn: 'another version' });
  assert.ok(!(await save(3)).compiled.conflicts.includes('marked'));
});

test('an undone change drops the matcher kept with it; the next new pack is compiled with every pack', async () => {
  await save(0);
  const saved = await save(1);
  await engine.undo(saved.undo);
  assert.equal(await kept(), null);
  const next = await save(2);
  assert.deepEqual(next.compiled.packIds, [readingPack(0).source.id, readingPack(2).source.id]);
  assert.deepEqual(next.compiled, await engine.compileEnabled());
  assert.equal((await kept())?.revision, next.compiled.revision);
});

test('getting ready for a Save compiles only when no matcher is kept to extend', async () => {
  await save(0);
  const saved = await save(1);
  await markKept();
  await engine.prepareSave();
  // Kept and fit: left as it is (the mark is still there).
  assert.equal(JSON.parse((await kept())!.matcher).conflicts[0], 'marked');
  await engine.undo(saved.undo);
  await engine.prepareSave();
  const last = await kept();
  assert.equal(last?.revision, await db.readRevision(await db.openPackDb()));
  assert.deepEqual(JSON.parse(last!.matcher).packIds.slice(1), [readingPack(0).source.id]);
});
