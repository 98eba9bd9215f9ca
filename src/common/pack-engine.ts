/**
 * The work on the reader's packs that can take long: reading and checking files, writing packs,
 * compiling the matcher of the enabled ones. No extension API, so it runs in a Worker for
 * extension pages (pack-worker.ts: the page never freezes) and inline in the background. Each
 * change returns the compiled matcher for the caller to store (packs-store.ts, which has the
 * extension API) and a token to undo the change, should that fail.
 */
import { COMPILED_MATCHER_VERSION } from '../match/compile';
import { compileResumable, extendMatcher, type ResumableMatcher } from '../match/extend-matcher';
import { matcherData } from '../match/matcher-data';
import type { KnowledgeBase } from '../kb/types';
import { validateKnowledgeBase } from '../kb/validate';
import { checkJsonValue, parseGuardedJson } from '../kb/json-guard';
import {
  byEnabledOrder,
  keepLastCompiled,
  listMeta,
  matchingPart,
  openPackDb,
  readEnabled,
  readLastCompiled,
  storyOf,
  undoChanges,
  writeChanges,
  type PackDb,
  type PackFrom,
  type PackMeta,
  type StoredPack,
  type Undo,
} from './pack-db';
import type { StoredCompiled } from './compiled-matcher-store';
import { builtInPack } from './built-in-pack';
import { MAX_ALIASES_PER_PACK, MAX_ENTITIES_PER_PACK, MAX_PACK_BYTES } from './pack-limits';

/** A refusal lists this many validation errors: enough to fix a file, short enough to read. */
const MAX_LISTED_ERRORS = 5;

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string };
/** A change made: the matcher to store, and the token that undoes the change if storing it fails. */
export interface Change {
  compiled: StoredCompiled;
  undo: string;
}

/**
 * What the last change replaced, kept here (in the Worker) rather than sent to the page: a
 * restored backup can replace a thousand packs. Changes are serialised by the caller's lock, so
 * only the last can still need undoing.
 */
let lastUndo: { token: string; undo: Undo } | null = null;
let undoCount = 0;

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Why a pack is refused, in one message (at most five errors listed). */
function refusal(errors: string[]): string {
  return errors.slice(0, MAX_LISTED_ERRORS).join('\n') + (errors.length > MAX_LISTED_ERRORS ? `\n… and ${errors.length - MAX_LISTED_ERRORS} more` : '');
}

/** A pack from anywhere (file, backup, the review page) checked as import needs it; `label` names it in errors. */
export function checkPack(value: unknown, label: string): Result<{ pack: KnowledgeBase; bytes: number }> {
  const problem = checkJsonValue(value);
  if (problem) return { ok: false, error: `${label}: ${problem}.` };
  const bytes = bytesOf(value);
  if (bytes > MAX_PACK_BYTES) return { ok: false, error: `${label} is ${mb(bytes)}; packs can be at most ${MAX_PACK_BYTES / 1e6} MB.` };
  const { kb, errors } = validateKnowledgeBase(value, label);
  if (!kb || errors.length > 0) return { ok: false, error: refusal(errors) };
  if (kb.entities.length > MAX_ENTITIES_PER_PACK) return { ok: false, error: `${label}: ${kb.entities.length} entities; a pack can have at most ${MAX_ENTITIES_PER_PACK}.` };
  const aliases = kb.entities.reduce((n, e) => n + e.aliases.length, 0);
  if (aliases > MAX_ALIASES_PER_PACK) return { ok: false, error: `${label}: ${aliases} aliases; a pack can have at most ${MAX_ALIASES_PER_PACK}.` };
  if (kb.source.id === builtInPack().source.id) return { ok: false, error: `${label}: "${kb.source.id}" is the built-in pack's id; give the pack another source id.` };
  return { ok: true, pack: kb, bytes };
}

/** The built-in pack's matching part as text: what a kept matcher must have been compiled with. */
let builtInKeyText: string | null = null;
const builtInKey = () => (builtInKeyText ??= JSON.stringify(matchingPart(builtInPack())));

/** The matcher as stored for pages, of packs at `revision`. */
const storedOf = (matcher: ResumableMatcher, revision: number): StoredCompiled => ({
  // The built-in pack (first) is always in, and not listed.
  packIds: matcher.packIds.slice(1).sort(),
  compiled: matcherData(matcher.compiled),
  conflicts: matcher.conflicts,
  revision,
});

/**
 * Compiles the matcher of the built-in pack and the enabled ones, from their matching parts, and
 * keeps it in the pack database so that the next new pack only extends it (matcherAfter).
 */
export async function compileEnabled(): Promise<StoredCompiled> {
  const db = await openPackDb();
  const { revision, packs } = await readEnabled(db, 'matching');
  const matcher = compileResumable([builtInPack(), ...packs]);
  await keepLastCompiled(db, { revision, builtIn: builtInKey(), matcher: JSON.stringify(matcher) });
  return storedOf(matcher, revision);
}

/**
 * Readies the engine for a Save while the review is on screen: opens the database and, only if no
 * matcher is kept to extend (a new version of the extension, an undone change), compiles and
 * keeps one. Compiling every pack here each time competed for the CPU with the page, and a Save
 * no longer needs it.
 */
export async function prepareSave(): Promise<void> {
  const last = await readLastCompiled(await openPackDb());
  if (!last || last.builtIn !== builtInKey()) await compileEnabled();
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The matcher once `entry` is stored, without compiling every pack again, when the matcher kept
 * is of the packs stored now (`metas`): a new pack switched on comes last in the order of enabled
 * packs, so it extends that matcher; a pack stored switched off that was off or new leaves it as
 * it is. Null when neither holds, or nothing fit is kept: every pack is then compiled.
 */
async function matcherAfter(db: PackDb, metas: PackMeta[], entry: StoredPack, replacing: PackMeta | undefined): Promise<ResumableMatcher | null> {
  const adds = entry.meta.enabledSeq !== null && replacing === undefined;
  const unchanged = entry.meta.enabledSeq === null && (replacing?.enabledSeq ?? null) === null;
  if (!adds && !unchanged) return null;
  const last = await readLastCompiled(db);
  if (!last || last.builtIn !== builtInKey()) return null;
  let previous: ResumableMatcher;
  try {
    previous = JSON.parse(last.matcher) as ResumableMatcher;
  } catch {
    return null;
  }
  const order = [builtInPack().source.id, ...byEnabledOrder(metas).map((m) => m.id)];
  if (previous.compiled?.version !== COMPILED_MATCHER_VERSION || !Array.isArray(previous.packIds) || !sameIds(previous.packIds, order)) return null;
  return adds ? extendMatcher(previous, entry.matching) : previous;
}

/** Why a write to IndexedDB failed, for the reader. */
function storageError(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError') return 'the browser has no more room for Backstory’s packs (QuotaExceededError); free some space, or remove packs you no longer need';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Makes a change (`apply`), then the matcher of the packs it leaves: `known` when the caller has
 * it already (written with the change by `apply`), else compiled from every enabled pack.
 */
async function change(apply: () => Promise<Undo>, what: string, known: ResumableMatcher | null = null): Promise<Result<Change>> {
  let undo: Undo;
  try {
    undo = await apply();
  } catch (err) {
    return { ok: false, error: `${what} could not be stored (${storageError(err)}); nothing was changed.` };
  }
  try {
    const compiled = known ? storedOf(known, undo.revision + 1) : await compileEnabled();
    lastUndo = { token: `undo-${++undoCount}`, undo };
    return { ok: true, compiled, undo: lastUndo.token };
  } catch (err) {
    await undoChanges(await openPackDb(), undo);
    return { ok: false, error: `${what}: the matcher could not be compiled (${storageError(err)}); nothing was changed.` };
  }
}

/** Undoes the last change (its matcher could not be stored). */
export async function undo(token: string): Promise<void> {
  if (lastUndo?.token !== token) throw new Error('that change can no longer be undone');
  const { undo: what } = lastUndo;
  lastUndo = null;
  await undoChanges(await openPackDb(), what);
}

export interface NewPack {
  pack: KnowledgeBase;
  from: PackFrom;
  enable: boolean;
  /** When it was added; default: the pack's `source.added`, else when first stored, else now. */
  added?: string;
}

/**
 * Stores packs (already checked with checkPack) in one transaction: a pack with the id of one
 * stored replaces it, keeping its place in the order of switches if it stays on. With
 * `replaceAll`, every other pack is removed.
 */
export async function storePacks(entries: NewPack[], what: string, options: { replaceAll?: boolean; now?: string } = {}): Promise<Result<Change & { stored: PackMeta[]; replaced: string[] }>> {
  const db = await openPackDb();
  const metas = await listMeta(db);
  const byId = new Map(metas.map((m) => [m.id, m]));
  let seq = Math.max(0, ...metas.map((m) => m.enabledSeq ?? 0));
  const now = options.now ?? new Date().toISOString();
  const put: StoredPack[] = entries.map(({ pack, from, enable, added }) => {
    const old = byId.get(pack.source.id);
    // Replacing everything takes the new order as given; otherwise a pack keeps its place.
    const enabledSeq = enable ? ((options.replaceAll ? null : old?.enabledSeq) ?? ++seq) : null;
    const meta: PackMeta = {
      id: pack.source.id,
      headline: pack.source.headline,
      outlet: pack.source.outlet,
      ...(pack.source.published ? { published: pack.source.published } : {}),
      ...(pack.source.url ? { url: pack.source.url } : {}),
      added: added ?? pack.source.added ?? old?.added ?? now,
      from,
      entityCount: pack.entities.length,
      enabledSeq,
      bytes: bytesOf(pack),
      story: storyOf(pack),
    };
    return { meta, pack, matching: matchingPart(pack) };
  });
  const keep = new Set(put.map((p) => p.meta.id));
  const remove = options.replaceAll ? metas.filter((m) => !keep.has(m.id)).map((m) => m.id) : [];
  // The common case, one more pack: only it is compiled (matcherAfter).
  const known = put.length === 1 && !options.replaceAll ? await matcherAfter(db, metas, put[0]!, byId.get(put[0]!.meta.id)) : null;
  const compiled = known ? { builtIn: builtInKey(), matcher: JSON.stringify(known) } : undefined;
  const result = await change(() => writeChanges(db, { put, delete: remove, compiled }), what, known);
  return result.ok ? { ...result, stored: put.map((p) => p.meta), replaced: put.filter((p) => byId.has(p.meta.id)).map((p) => p.meta.id) } : result;
}

/** Reads, checks and stores one pack file, switched on. */
export async function importPackFile(file: Blob, fileName: string): Promise<Result<Change & { meta: PackMeta; replaced: boolean }>> {
  // Refused before reading: a huge file should not be loaded into memory at all.
  if (file.size > MAX_PACK_BYTES) return { ok: false, error: `${fileName} is ${mb(file.size)}; packs can be at most ${MAX_PACK_BYTES / 1e6} MB.` };
  const parsed = parseGuardedJson(await file.text(), fileName);
  if (!parsed.ok) return parsed;
  const checked = checkPack(parsed.value, fileName);
  if (!checked.ok) return checked;
  const stored = await storePacks([{ pack: checked.pack, from: 'file', enable: true }], fileName);
  return stored.ok ? { ...stored, meta: stored.stored[0]!, replaced: stored.replaced.length > 0 } : stored;
}

/** Stores a pack the reader made ("Add this article"), switched on unless told otherwise. */
export async function saveReadingPack(value: unknown, enable: boolean): Promise<Result<Change & { replaced: boolean }>> {
  const label = `pack "${typeof value === 'object' && value !== null ? String((value as KnowledgeBase).source?.id) : '?'}"`;
  const checked = checkPack(value, label);
  if (!checked.ok) return checked;
  const stored = await storePacks([{ pack: checked.pack, from: 'reading', enable }], `“${checked.pack.source.headline}”`);
  return stored.ok ? { ...stored, replaced: stored.replaced.length > 0 } : stored;
}

/** Switches a pack on (last in the order) or off. */
export async function setEnabled(id: string, enabled: boolean): Promise<Result<Change>> {
  const db = await openPackDb();
  const metas = await listMeta(db);
  const meta = metas.find((m) => m.id === id);
  if (!meta) return { ok: false, error: 'That pack is no longer stored.' };
  if ((meta.enabledSeq !== null) === enabled) return change(() => writeChanges(db, {}), `“${meta.headline}”`);
  const enabledSeq = enabled ? Math.max(0, ...metas.map((m) => m.enabledSeq ?? 0)) + 1 : null;
  return change(() => writeChanges(db, { meta: [{ ...meta, enabledSeq }] }), `“${meta.headline}”`);
}

export async function removePack(id: string): Promise<Result<Change>> {
  const db = await openPackDb();
  return change(() => writeChanges(db, { delete: [id] }), 'Removing the pack');
}

/**
 * Brings in the packs Backstory 0.1.0 kept in storage.local (`packs`, JSON text or an object)
 * with its list of enabled ids. Packs already here are left as they are, so running it twice
 * changes nothing. Damaged entries are skipped and named.
 */
export async function importLegacyPacks(stored: unknown, enabledIds: string[], now: string): Promise<Result<Change & { imported: string[]; skipped: string[] }>> {
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch {
      return { ok: false, error: 'The packs stored by Backstory 0.1.0 are not readable (truncated JSON).' };
    }
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'The packs stored by Backstory 0.1.0 have the wrong shape.' };
  const db = await openPackDb();
  const have = new Set((await listMeta(db)).map((m) => m.id));
  const entries: NewPack[] = [];
  const skipped: string[] = [];
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (have.has(id)) continue;
    const checked = checkPack(value, `stored pack "${id}"`);
    if (checked.ok && checked.pack.source.id === id) entries.push({ pack: checked.pack, from: 'file', enable: false, added: now });
    else skipped.push(id);
  }
  // Switched on in 0.1.0's order: it decides which pack's alias rule wins a clash.
  const order = (id: string) => (enabledIds.includes(id) ? enabledIds.indexOf(id) : Infinity);
  entries.sort((a, b) => order(a.pack.source.id) - order(b.pack.source.id));
  for (const e of entries) e.enable = enabledIds.includes(e.pack.source.id);
  const stored2 = await storePacks(entries, 'The packs of Backstory 0.1.0');
  return stored2.ok ? { ...stored2, imported: entries.map((e) => e.pack.source.id), skipped } : stored2;
}

