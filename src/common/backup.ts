/**
 * The backup file: everything the reader made (settings, sites, muted names, their packs with
 * their switches and dates) in one JSON file, and what restoring one would change. Pure.
 *
 *   { "format": "backstory-backup", "version": 1, "exported": "2026-12-03T09:00:00.000Z",
 *     "settings": { "style": …, "disabledSites": […], "mutedEntities": […], … },
 *     "packs": [ { "from": "reading", "added": "…", "enabled": true, "pack": { …a pack… } }, … ] }
 *
 * Enabled packs come first, in the order they were switched on. Restoring *merges* (the backup's
 * sites, muted names and packs are added; a pack with the same id is replaced by the backup's;
 * nothing is removed, other settings stay) or *replaces* (everything becomes as in the backup).
 */
import { defaultSettings, LIST_SETTINGS, parseSettings, type Settings } from './settings';
import type { PackFrom, PackMeta } from './pack-db';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;
export type RestoreMode = 'merge' | 'replace';

export interface BackupPackEntry {
  from: PackFrom;
  added: string;
  enabled: boolean;
  /** Checked by the pack engine (checkPack), not here. */
  pack: unknown;
}

export interface BackupContents {
  settings: Settings;
  packs: BackupPackEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** The settings a backup keeps: all of them (the version is the file's). */
export function backupSettings(settings: Settings): Omit<Settings, 'version'> {
  const { version: _version, ...rest } = settings;
  return rest;
}

/** The file's text for these settings and packs (packs: enabled first, in their order). */
export function backupText(settings: Settings, packs: { meta: PackMeta; pack: unknown }[], exported: string): string {
  return `${JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exported,
      settings: backupSettings(settings),
      packs: packs.map(({ meta, pack }) => ({ from: meta.from, added: meta.added, enabled: meta.enabledSeq !== null, pack })),
    },
    null,
    1,
  )}\n`;
}

/** Reads a parsed backup file (already through json-guard); each refusal says what and where. */
export function readBackup(value: unknown, fileName: string): { ok: true; backup: BackupContents } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `${fileName}: ${error}` });
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    return fail(`not a Backstory backup (a backup says "format": "${BACKUP_FORMAT}"; a single pack is imported under Packs).`);
  }
  if (value.version !== BACKUP_VERSION) return fail(`backup version ${String(value.version)} is not supported (supported: ${BACKUP_VERSION}); use the Backstory that wrote it, or a newer one.`);
  const unknown = Object.keys(value).filter((k) => !['format', 'version', 'exported', 'settings', 'packs'].includes(k));
  if (unknown.length > 0) return fail(`unknown field "${unknown[0]}".`);
  if (!isRecord(value.settings)) return fail('settings: missing or not an object.');
  // parseSettings is the one place that judges settings values; any repair means a damaged file.
  const parsed = parseSettings({ ...value.settings, version: defaultSettings().version });
  if (parsed.repairs.length > 0) return fail(`settings: ${parsed.repairs.join(' ')}`);
  if (!Array.isArray(value.packs)) return fail('packs: missing or not a list.');
  const packs: BackupPackEntry[] = [];
  const ids = new Set<string>();
  for (const [i, entry] of value.packs.entries()) {
    const where = `packs[${i}]`;
    if (!isRecord(entry)) return fail(`${where}: must be an object.`);
    const extra = Object.keys(entry).find((k) => !['from', 'added', 'enabled', 'pack'].includes(k));
    if (extra) return fail(`${where}: unknown field "${extra}".`);
    if (entry.from !== 'reading' && entry.from !== 'file') return fail(`${where}.from: must be "reading" or "file".`);
    if (typeof entry.added !== 'string' || !ISO_TIME.test(entry.added)) return fail(`${where}.added: must be a date and time (ISO 8601).`);
    if (typeof entry.enabled !== 'boolean') return fail(`${where}.enabled: must be true or false.`);
    const id = isRecord(entry.pack) && isRecord(entry.pack.source) ? entry.pack.source.id : undefined;
    if (typeof id === 'string') {
      if (ids.has(id)) return fail(`${where}: the pack "${id}" is in the backup twice.`);
      ids.add(id);
    }
    packs.push({ from: entry.from, added: entry.added, enabled: entry.enabled, pack: entry.pack });
  }
  return { ok: true, backup: { settings: parsed.settings, packs } };
}

/** The settings after a restore. */
export function restoredSettings(current: Settings, backup: Settings, mode: RestoreMode): Settings {
  if (mode === 'replace') return { ...backup, version: current.version };
  const next: Settings = { ...current };
  for (const list of LIST_SETTINGS) next[list] = [...current[list], ...backup[list].filter((x) => !current[list].includes(x))];
  return next;
}

export interface ListChange {
  add: string[];
  remove: string[];
}

export interface SettingsPreview {
  /** "Highlight style: underline → tint". */
  changed: string[];
  disabledSites: ListChange;
  mutedEntities: ListChange;
}

const LABELS: Record<string, string> = { style: 'Highlight style', firstMentionOnly: 'First mention only' };
const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));

/** What a restore would change in the settings. */
export function previewSettings(current: Settings, next: Settings): SettingsPreview {
  const changed: string[] = [];
  for (const key of ['style', 'firstMentionOnly'] as const) {
    if (current[key] !== next[key]) changed.push(`${LABELS[key]}: ${show(current[key])} → ${show(next[key])}`);
  }
  for (const [t, on] of Object.entries(next.types)) {
    if (current.types[t as keyof Settings['types']] !== on) changed.push(`Highlight ${t} names: ${show(!on)} → ${show(on)}`);
  }
  const diff = (a: string[], b: string[]): ListChange => ({ add: b.filter((x) => !a.includes(x)), remove: a.filter((x) => !b.includes(x)) });
  return { changed, disabledSites: diff(current.disabledSites, next.disabledSites), mutedEntities: diff(current.mutedEntities, next.mutedEntities) };
}

/** One pack named in a preview. */
export interface PackLine {
  id: string;
  headline: string;
  outlet: string;
}

export interface PacksPreview {
  add: PackLine[];
  /** Same id, other content: the backup's copy replaces the stored one. */
  replace: PackLine[];
  /** Stored packs not in the backup (replace only). */
  remove: PackLine[];
  /** Same id and content, switched on or off by the backup. */
  switchOn: PackLine[];
  switchOff: PackLine[];
  /** Same id, same content, same switch. */
  same: number;
}
