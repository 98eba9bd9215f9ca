/**
 * Context packs the reader imported, in browser.storage.local, and the matcher compiled from the
 * enabled ones. The built-in knowledge base is always on and ships inside the extension.
 *
 * The matcher is compiled once, when packs or their switches change, and stored; every page then
 * just reads it (compiling 1,000 entities takes about 100 ms: too much to repeat per page).
 */
import browser from 'webextension-polyfill';
import builtInPacks from 'virtual:knowledge-base';
import { compileMatcher } from '../match/compile';
import type { KnowledgeBase } from '../kb/types';
import { validateKnowledgeBase } from '../kb/validate';
import { parseSettings, type Settings } from './settings';
import { loadSettings, saveSettings, SETTINGS_KEY } from './settings-store';
import { COMPILED_KEY, type StoredCompiled } from './compiled-matcher-store';

export const PACKS_KEY = 'packs';
/**
 * Largest pack file accepted. storage.local holds 10 MB in all (without the unlimitedStorage
 * permission, which Backstory does not ask for); a few packs of this size still fit.
 */
export const MAX_PACK_BYTES = 2_000_000;

export type ImportResult =
  | { ok: true; pack: KnowledgeBase; conflicts: string[]; /** A pack with this id was already imported and is replaced. */ replaced: boolean }
  | { ok: false; error: string };

/** A refusal lists this many validation errors: enough to fix a file, short enough to read. */
const MAX_LISTED_ERRORS = 5;

export const builtInPack = (): KnowledgeBase => builtInPacks[0]!;

/**
 * The imported packs are stored as one JSON text, like the compiled matcher: every open tab's
 * content script listens to storage changes, and the browser hands each of them the old and new
 * value of any key that changed; as an object, megabytes of packs took a long task in every tab
 * on each import. (An object, as an earlier version stored it, is still read.)
 */
const writePacks = (packs: Record<string, KnowledgeBase>) => browser.storage.local.set({ [PACKS_KEY]: JSON.stringify(packs) });

export async function loadPacks(): Promise<Record<string, KnowledgeBase>> {
  try {
    const stored: unknown = (await browser.storage.local.get(PACKS_KEY))[PACKS_KEY];
    const raw: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (typeof raw !== 'object' || raw === null) return {};
    // Stored packs were validated on import; validate again in case storage was edited or broken.
    const out: Record<string, KnowledgeBase> = {};
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const { kb } = validateKnowledgeBase(value, `stored pack "${id}"`);
      if (kb) out[id] = kb;
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * The settings as stored, made safe but not written back: readers of packs (the background, the
 * popup) must not race the content script and the options page, which repair damaged settings
 * and say so.
 */
async function readSettings(): Promise<Settings> {
  try {
    return parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).settings;
  } catch {
    return parseSettings(undefined).settings;
  }
}

/** The built-in pack, then every enabled imported pack in the order the reader enabled them. */
export async function enabledPacks(): Promise<KnowledgeBase[]> {
  const [settings, stored] = await Promise.all([readSettings(), loadPacks()]);
  return [builtInPack(), ...settings.enabledPacks.flatMap((id) => (stored[id] ? [stored[id]] : []))];
}

/** Compiles the matcher for the enabled packs and stores it for the content scripts. */
export async function recompile(): Promise<StoredCompiled> {
  const packs = await enabledPacks();
  const { compiled, conflicts } = compileMatcher(packs);
  const stored: StoredCompiled = { packIds: packs.slice(1).map((p) => p.source.id).sort(), compiled: JSON.stringify(compiled), conflicts };
  await browser.storage.local.set({ [COMPILED_KEY]: stored });
  return stored;
}

/** Why a pack file is refused, in one message for the reader (at most five errors listed). */
function refusal(errors: string[]): string {
  return errors.slice(0, MAX_LISTED_ERRORS).join('\n') + (errors.length > MAX_LISTED_ERRORS ? `\n… and ${errors.length - MAX_LISTED_ERRORS} more` : '');
}

/**
 * Validates a pack file and, only if it is good and fits, stores and enables it. A pack with the
 * id of one already imported replaces it. If any write fails (storage full), what was written is
 * put back: the packs, the switches and the compiled matcher are as they were.
 */
export async function importPack(text: string, fileName: string): Promise<ImportResult> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    return { ok: false, error: `${fileName} is ${(bytes / 1e6).toFixed(1)} MB; packs can be at most ${MAX_PACK_BYTES / 1e6} MB.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${fileName} is not valid JSON: ${(err as Error).message}` };
  }
  const { kb, errors } = validateKnowledgeBase(value, fileName);
  if (!kb || errors.length > 0) return { ok: false, error: refusal(errors) };
  const id = kb.source.id;
  if (id === builtInPack().source.id) return { ok: false, error: `${fileName}: "${id}" is the built-in pack's id; give the pack another source id.` };
  const stored = await loadPacks();
  const { settings } = await loadSettings();
  const wasEnabled = settings.enabledPacks.includes(id);
  // What has been written so far: a failure undoes exactly these steps.
  let wrote: 'nothing' | 'packs' | 'settings' = 'nothing';
  try {
    await writePacks({ ...stored, [id]: kb });
    wrote = 'packs';
    if (!wasEnabled) {
      await saveSettings({ ...settings, enabledPacks: [...settings.enabledPacks, id] });
      wrote = 'settings';
    }
    const { conflicts } = await recompile();
    return { ok: true, pack: kb, conflicts, replaced: id in stored };
  } catch (err) {
    if (wrote !== 'nothing') await rollBack(stored, wrote === 'settings' ? id : null);
    return { ok: false, error: `${fileName} could not be stored (${(err as Error).message}); nothing was changed.` };
  }
}

/**
 * Puts the packs back, turns `enabledId` off again and recompiles; best effort, each step on its
 * own. Writing the old, smaller set always fits where the bigger one did not.
 */
async function rollBack(packs: Record<string, KnowledgeBase>, enabledId: string | null): Promise<void> {
  await writePacks(packs).catch(() => undefined);
  if (enabledId !== null) {
    const { settings } = await loadSettings();
    await saveSettings({ ...settings, enabledPacks: settings.enabledPacks.filter((p) => p !== enabledId) }).catch(() => undefined);
  }
  await recompile().catch(() => undefined);
}

/** Turns an imported pack on or off; if the matcher cannot be stored, the switch goes back. */
export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  const { settings } = await loadSettings();
  const before = settings.enabledPacks;
  const others = before.filter((p) => p !== id);
  await saveSettings({ ...settings, enabledPacks: enabled ? [...others, id] : others });
  try {
    await recompile();
  } catch (err) {
    const { settings: now } = await loadSettings();
    await saveSettings({ ...now, enabledPacks: before }).catch(() => undefined);
    await recompile().catch(() => undefined);
    throw err;
  }
}

export async function removePack(id: string): Promise<void> {
  if (id === builtInPack().source.id) return;
  const stored = await loadPacks();
  delete stored[id];
  await writePacks(stored);
  await setPackEnabled(id, false);
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

/** The pack as a file a reader can keep or share (the same format import takes). */
export async function exportPack(id: string): Promise<string | null> {
  const pack = id === builtInPack().source.id ? builtInPack() : (await loadPacks())[id];
  return pack ? `${JSON.stringify(pack, null, 2)}\n` : null;
}
