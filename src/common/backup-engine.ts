/**
 * Backups, the slow part (runs in the pack Worker for the options page): reading and checking a
 * backup file, saying what restoring it would change, restoring its packs in one transaction, and
 * writing the file. The settings part is applied by the page (settings-store.ts).
 */
import { parseGuardedJson } from '../kb/json-guard';
import type { KnowledgeBase } from '../kb/types';
import { backupText, readBackup, type PackLine, type PacksPreview, type RestoreMode } from './backup';
import { checkPack, storePacks, type Change, type NewPack, type Result } from './pack-engine';
import { byEnabledOrder, listMeta, openPackDb, readPack } from './pack-db';
import type { Settings } from './settings';

/**
 * The largest backup file read: 1,000 reading packs of 60 KB with room to spare. Larger files are
 * refused before they are read.
 */
export const MAX_BACKUP_BYTES = 200_000_000;
/** IndexedDB keeps each pack twice (whole, and its matching part) plus indexes: room asked for per byte. */
const STORAGE_PER_BYTE = 2;

/** Backups read and checked, waiting for the reader to confirm or cancel. */
const waiting = new Map<string, { packs: NewPack[]; settings: Settings; bytes: number }>();
let nextToken = 0;

export interface BackupPreview {
  token: string;
  settings: Settings;
  packs: Record<RestoreMode, PacksPreview>;
  exported: string | null;
}

const lineOf = (p: { id: string; headline: string; outlet: string }): PackLine => ({ id: p.id, headline: p.headline, outlet: p.outlet });
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Reads and checks a backup file; nothing is changed. */
export async function previewBackup(file: Blob, fileName: string): Promise<Result<{ preview: BackupPreview }>> {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, error: `${fileName} is ${mb(file.size)}; a backup can be at most ${MAX_BACKUP_BYTES / 1e6} MB.` };
  const parsed = parseGuardedJson(await file.text(), fileName);
  if (!parsed.ok) return parsed;
  const read = readBackup(parsed.value, fileName);
  if (!read.ok) return read;
  const packs: NewPack[] = [];
  let bytes = 0;
  for (const [i, entry] of read.backup.packs.entries()) {
    const checked = checkPack(entry.pack, `${fileName}: packs[${i}]`);
    if (!checked.ok) return checked;
    bytes += checked.bytes;
    packs.push({ pack: checked.pack, from: entry.from, enable: entry.enabled, added: entry.added });
  }
  const db = await openPackDb();
  const stored = await listMeta(db);
  const storedById = new Map(stored.map((m) => [m.id, m]));
  const add: PackLine[] = [];
  const replace: PackLine[] = [];
  const switchOn: PackLine[] = [];
  const switchOff: PackLine[] = [];
  let same = 0;
  for (const { pack, enable } of packs) {
    const line = lineOf({ id: pack.source.id, headline: pack.source.headline, outlet: pack.source.outlet });
    const stored = storedById.get(pack.source.id);
    if (!stored) add.push(line);
    else if (JSON.stringify(await readPack(db, pack.source.id)) !== JSON.stringify(pack)) replace.push(line);
    else if (enable !== (stored.enabledSeq !== null)) (enable ? switchOn : switchOff).push(line);
    else same++;
  }
  const inBackup = new Set(packs.map((p) => p.pack.source.id));
  const remove = stored.filter((m) => !inBackup.has(m.id)).map(lineOf);
  const token = `backup-${++nextToken}`;
  waiting.set(token, { packs, settings: read.backup.settings, bytes });
  const exported = (parsed.value as { exported?: unknown }).exported;
  return {
    ok: true,
    preview: {
      token,
      settings: read.backup.settings,
      packs: { merge: { add, replace, remove: [], switchOn, switchOff, same }, replace: { add, replace, remove, switchOn, switchOff, same } },
      exported: typeof exported === 'string' ? exported : null,
    },
  };
}

/** Forgets a backup read by previewBackup (the reader cancelled). */
export async function dropBackup(token: string): Promise<void> {
  waiting.delete(token);
}

/**
 * Restores the packs of a backup read by previewBackup, in one transaction: all or nothing. A
 * backup the browser has no room for is refused before anything is written.
 */
export async function restoreBackupPacks(token: string, mode: RestoreMode): Promise<Result<Change>> {
  const backup = waiting.get(token);
  if (!backup) return { ok: false, error: 'That backup is no longer open; choose the file again.' };
  waiting.delete(token);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (estimate?.quota !== undefined && estimate.usage !== undefined) {
    const free = estimate.quota - estimate.usage;
    const needed = backup.bytes * STORAGE_PER_BYTE;
    if (needed > free) {
      return { ok: false, error: `The backup does not fit: its packs need about ${mb(needed)} and the browser allows Backstory ${mb(free)} more. Nothing was changed.` };
    }
  }
  return storePacks(backup.packs, 'The backup', { replaceAll: mode === 'replace' });
}

/** The backup file's text: these settings and every stored pack (enabled first, in their order). */
export async function exportBackup(settings: Settings, exported: string): Promise<string> {
  const db = await openPackDb();
  const metas = await listMeta(db);
  const ordered = [...byEnabledOrder(metas), ...metas.filter((m) => m.enabledSeq === null).sort((a, b) => (a.added < b.added ? -1 : 1))];
  const packs: { meta: (typeof metas)[number]; pack: KnowledgeBase }[] = [];
  for (const meta of ordered) {
    const pack = await readPack(db, meta.id);
    if (pack) packs.push({ meta, pack });
  }
  return backupText(settings, packs, exported);
}
