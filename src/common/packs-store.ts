/**
 * The reader's context packs: what every part of the extension calls. Packs live in IndexedDB
 * (pack-db.ts); the matcher compiled from the enabled ones is stored in storage.local for the
 * content scripts (compiled-matcher-store.ts), and every change ends by storing it, which is also
 * how other pages and the background learn that packs changed. The built-in pack is always on
 * and ships inside the extension.
 *
 * Changes run the slow part (checking files, writing packs, compiling) in a PackEngine: a Worker
 * for extension pages, inline in the background (each entry point says which, usePackEngine).
 * One Web Lock serialises changes across pages and the background, so the matcher stored last is
 * always of the latest packs. A change is all or nothing: if the matcher cannot be stored, the
 * packs are put back as they were.
 */
import browser from 'webextension-polyfill';
import { builtInPack } from './built-in-pack';
import type { Change, Result } from './pack-engine';
import type { PackEngine } from './pack-client';
import { restoredSettings, type RestoreMode } from './backup';
import type { KnowledgeBase } from '../kb/types';
import { COMPILED_KEY, storedMatcher, type StoredCompiled } from './compiled-matcher-store';
import { listMeta, openPackDb, readEnabled, readPack, readRevision, type PackMeta } from './pack-db';
import { LEGACY_KEY } from './settings-items';
import { loadSettings, updateSettings } from './settings-store';
import type { Settings } from './settings';
import { withLock } from './web-lock';

export type { PackEngine, PackMeta, Result };
export { builtInPack };
export { MAX_PACK_BYTES } from './pack-limits';

/** storage.local key of Backstory 0.1.0's packs (JSON text, or an object in its first builds). */
export const LEGACY_PACKS_KEY = 'packs';
const LOCK = 'backstory-packs';

let engine: PackEngine | null = null;

/** Where changes run: a Worker client in extension pages, the engine module in the background. */
export function usePackEngine(e: PackEngine): void {
  engine = e;
}

/** The engine in use (the options page reads backups through it). */
export function packEngine(): PackEngine {
  if (!engine) throw new Error('packs-store: no pack engine (call usePackEngine first)');
  return engine;
}

/**
 * Readies a Save while the review page is on screen: the Worker starts and opens the pack
 * database, and compiles the matcher only if none is kept to extend (prepareSave in
 * pack-engine.ts). A failure here is met again, and told, on Save.
 */
export function prepareToSave(): void {
  packEngine().prepareSave().catch(() => undefined);
}

/** Stores the matcher of a change; if that fails, undoes the change. */
async function commit<T extends Change>(result: Result<T>, what: string): Promise<Result<T>> {
  if (!result.ok) return result;
  try {
    await browser.storage.local.set({ [COMPILED_KEY]: result.compiled });
    return result;
  } catch (err) {
    await packEngine().undo(result.undo);
    return { ok: false, error: `${what} could not be stored (${err instanceof Error ? err.message : String(err)}); nothing was changed.` };
  }
}

/** Checks a pack file and, only if it is good and fits, stores it switched on. */
export function importPack(file: Blob, fileName: string) {
  return withLock(LOCK, async () => commit(await packEngine().importPackFile(file, fileName), fileName));
}

/**
 * Saves a pack the reader built from an article ("Add this article"). All or nothing: a pack with
 * the same source id (the same article added again) is replaced; with `enable` (the default) it
 * is switched on; the matcher is recompiled. A pack that is invalid or does not fit is refused
 * with a message for the reader, and nothing is written.
 */
export function savePack(pack: KnowledgeBase, options: { enable?: boolean } = {}) {
  return withLock(LOCK, async () => commit(await packEngine().saveReadingPack(pack, options.enable ?? true), `“${pack.source?.headline}”`));
}

/** Switches a pack on (it then comes last in the order of switches) or off. */
export function setPackEnabled(id: string, enabled: boolean) {
  return withLock(LOCK, async () => commit(await packEngine().setEnabled(id, enabled), enabled ? 'Turning the pack on' : 'Turning the pack off'));
}

export function removePack(id: string) {
  return withLock(LOCK, async () => commit(await packEngine().removePack(id), 'Removing the pack'));
}

/** Compiles the enabled packs' matcher and stores it. */
export function recompile(): Promise<StoredCompiled> {
  return withLock(LOCK, async () => {
    const compiled = await packEngine().compileEnabled();
    await browser.storage.local.set({ [COMPILED_KEY]: compiled });
    return compiled;
  });
}

/** Recompiles when the stored matcher is missing, damaged, or of other packs (a change cut short). */
export async function ensureCompiled(): Promise<void> {
  const stored = (await browser.storage.local.get(COMPILED_KEY))[COMPILED_KEY] as Partial<StoredCompiled> | undefined;
  const revision = await readRevision(await openPackDb());
  // Stored even with no pack added: content scripts read it from there (they bundle none).
  if (!storedMatcher(stored) || stored?.revision !== revision) await recompile();
}

/**
 * Moves Backstory 0.1.0's packs (storage.local `packs`, switches in storage.sync's `settings`)
 * into IndexedDB, switched on as they were and in the same order, then removes them. Run by the
 * background when it starts and by the options page; a second run finds nothing to do.
 */
export function migrateLegacyPacks(): Promise<Result<{ imported: string[]; skipped: string[] }> | null> {
  return withLock(LOCK, async () => {
    const stored = (await browser.storage.local.get(LEGACY_PACKS_KEY))[LEGACY_PACKS_KEY];
    if (stored === undefined) return null;
    const legacy = (await browser.storage.sync.get(LEGACY_KEY).catch(() => ({}) as Record<string, unknown>))[LEGACY_KEY];
    const result = await commit(await packEngine().importLegacyPacks(stored, legacyEnabledIds(legacy), new Date().toISOString()), 'The packs of Backstory 0.1.0');
    if (result.ok) await browser.storage.local.remove(LEGACY_PACKS_KEY);
    return result;
  });
}

/** The ids 0.1.0 had switched on, in order, from its settings item (an object, or JSON text). */
function legacyEnabledIds(legacy: unknown): string[] {
  let settings = legacy;
  if (typeof legacy === 'string') {
    try {
      settings = JSON.parse(legacy);
    } catch {
      return [];
    }
  }
  const list = (settings as { enabledPacks?: unknown } | null | undefined)?.enabledPacks;
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Restores a backup read by the engine's previewBackup: its packs in one transaction, the matcher,
 * then its settings. If any step fails, the steps before it are undone: nothing is changed.
 */
export function restoreBackup(token: string, mode: RestoreMode, backupSettings: Settings): Promise<Result<{ settings: Settings }>> {
  return withLock(LOCK, async () => {
    const before = (await browser.storage.local.get(COMPILED_KEY))[COMPILED_KEY];
    const result = await commit(await packEngine().restoreBackupPacks(token, mode), 'The backup');
    if (!result.ok) return result;
    try {
      return { ok: true, settings: await updateSettings((s) => restoredSettings(s, backupSettings, mode)) };
    } catch (err) {
      await packEngine().undo(result.undo);
      await (before === undefined ? browser.storage.local.remove(COMPILED_KEY) : browser.storage.local.set({ [COMPILED_KEY]: before }));
      return { ok: false, error: `The backup's settings could not be stored (${err instanceof Error ? err.message : String(err)}); nothing was changed.` };
    }
  });
}

/** The backup file of everything the reader made: settings and every pack. */
export async function exportBackup(now = new Date()): Promise<string> {
  const { settings } = await loadSettings();
  return packEngine().exportBackup(settings, now.toISOString());
}

/** Every stored pack's metadata (no pack is read whole), newest first. */
export async function listPacks(): Promise<PackMeta[]> {
  return (await listMeta(await openPackDb())).sort((a, b) => (a.added < b.added ? 1 : a.added > b.added ? -1 : a.id < b.id ? -1 : 1));
}

/** The built-in pack, then every enabled pack in the order the reader switched them on. */
export async function enabledPacks(): Promise<KnowledgeBase[]> {
  return [builtInPack(), ...(await readEnabled(await openPackDb(), 'packs')).packs];
}

/**
 * The built-in pack, then the matching part of every enabled pack (names, types, aliases; no
 * texts): what "Add this article" needs to link a name to one the reader already has, without
 * reading every article.
 */
export async function enabledMatchingParts(): Promise<KnowledgeBase[]> {
  return [builtInPack(), ...(await readEnabled(await openPackDb(), 'matching')).packs];
}

/** The pack as a file a reader can keep or share (the same format import takes). */
export async function exportPack(id: string): Promise<string | null> {
  const pack = id === builtInPack().source.id ? builtInPack() : await readPack(await openPackDb(), id);
  return pack ? `${JSON.stringify(pack, null, 2)}\n` : null;
}

/** The conflicts of the matcher compiled for the enabled packs, as last stored. */
export async function storedConflicts(): Promise<string[]> {
  try {
    const stored = (await browser.storage.local.get(COMPILED_KEY))[COMPILED_KEY] as StoredCompiled | undefined;
    return Array.isArray(stored?.conflicts) ? stored.conflicts.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether a storage change means the packs (or their switches) changed. */
export const packsChanged = (changes: Record<string, unknown>, area: string): boolean => area === 'local' && COMPILED_KEY in changes;

/** Calls `callback` whenever packs change (in any tab or window); returns the unsubscribe. */
export function onPacksChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (packsChanged(changes, area)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
