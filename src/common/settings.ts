/**
 * User settings: schema, defaults and repair. Pure (no browser API); how they are laid out in
 * storage is settings-items.ts, reading and writing them settings-store.ts. Anything read from
 * storage (or a backup file) goes through parseSettings, which never throws: missing, older or
 * corrupted settings come back as safe values plus a list of what was repaired.
 */
import { ENTITY_TYPES, type EntityType } from '../kb/types';

/**
 * 2: one storage.sync item per value (settings-items.ts); the switches of packs moved to the
 * packs' own records on the device. Version 1 (Backstory 0.1.0) was one item, `settings`.
 */
export const SETTINGS_VERSION = 2;
/** Versions read without a repair note: an upgrade is not damage. */
const KNOWN_VERSIONS: readonly unknown[] = [1, SETTINGS_VERSION];
/** The longest hostname DNS allows. */
const MAX_SITE_LENGTH = 253;
/** Entity ids are kebab-case and short; anything longer is not one. */
const MAX_ENTITY_ID_LENGTH = 200;
const SITE_PATTERN = /^[a-z0-9.-]+$/;
const ENTITY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HIGHLIGHT_STYLES = ['underline', 'tint', 'hover'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Highlight style: a quiet underline, a soft tint, or nothing until hovered. */
  style: HighlightStyle;
  /** Highlight only the first mention of each entity on a page. */
  firstMentionOnly: boolean;
  /** Entity types to highlight. */
  types: Record<EntityType, boolean>;
  /** Hostnames where Backstory is off ("example.com"), in the order they were added. */
  disabledSites: string[];
  /** Entity ids the reader muted: never highlighted, in the order they were muted. */
  mutedEntities: string[];
}

/** The settings that are lists, each stored one entry per item (settings-items.ts). */
export const LIST_SETTINGS = ['disabledSites', 'mutedEntities'] as const;
export type ListSetting = (typeof LIST_SETTINGS)[number];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    style: 'underline',
    firstMentionOnly: false,
    types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
    disabledSites: [],
    mutedEntities: [],
  };
}

export interface ParsedSettings {
  settings: Settings;
  /** Human-readable notes on what was missing or repaired; empty when the stored value was fine. */
  repairs: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Turns whatever storage held into valid settings, keeping every value that is still good. */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultSettings();
  const repairs: string[] = [];
  let value = raw;
  if (value === undefined) return { settings, repairs };
  if (typeof value === 'string') {
    // An older build or a hand edit may have stored JSON text.
    try {
      value = JSON.parse(value);
    } catch {
      return { settings, repairs: ['Settings were not readable (truncated JSON); defaults restored.'] };
    }
  }
  if (!isRecord(value)) {
    return { settings, repairs: ['Settings had the wrong shape; defaults restored.'] };
  }
  if (!KNOWN_VERSIONS.includes(value.version)) {
    repairs.push(`Settings were from schema version ${String(value.version)}; upgraded to ${SETTINGS_VERSION}.`);
  }
  if ((HIGHLIGHT_STYLES as readonly unknown[]).includes(value.style)) settings.style = value.style as HighlightStyle;
  else if (value.style !== undefined) repairs.push('Highlight style was invalid; reset to underline.');
  if (typeof value.firstMentionOnly === 'boolean') settings.firstMentionOnly = value.firstMentionOnly;
  else if (value.firstMentionOnly !== undefined) repairs.push('"First mention only" was invalid; reset to off.');
  if (isRecord(value.types)) {
    for (const t of ENTITY_TYPES) {
      const v = value.types[t];
      if (typeof v === 'boolean') settings.types[t] = v;
      else if (v !== undefined) repairs.push(`Entity type "${t}" setting was invalid; reset to on.`);
    }
  } else if (value.types !== undefined) repairs.push('Entity types were invalid; all types turned on.');
  const sites = parseList(value.disabledSites, (v) => v.length <= MAX_SITE_LENGTH && SITE_PATTERN.test(v), (v) => v.toLowerCase());
  if (sites.damaged === 'shape') repairs.push('The list of sites where Backstory is off was invalid; it is now empty.');
  else if (sites.damaged === 'entries') repairs.push('Some entries in the list of sites were invalid and were dropped.');
  settings.disabledSites = sites.list;
  const muted = parseList(value.mutedEntities, (v) => v.length <= MAX_ENTITY_ID_LENGTH && ENTITY_ID_PATTERN.test(v), (v) => v);
  if (muted.damaged === 'shape') repairs.push('The list of names not to highlight was invalid; every name is highlighted again.');
  else if (muted.damaged === 'entries') repairs.push('Some entries in the list of names not to highlight were invalid and were dropped.');
  settings.mutedEntities = muted.list;
  return { settings, repairs };
}

/** The good entries of a stored list, without repeats, and whether anything had to go. */
function parseList(
  value: unknown,
  good: (entry: string) => boolean,
  normalise: (entry: string) => string,
): { list: string[]; damaged: 'shape' | 'entries' | null } {
  if (value === undefined) return { list: [], damaged: null };
  if (!Array.isArray(value)) return { list: [], damaged: 'shape' };
  const kept = value.filter((v): v is string => typeof v === 'string' && v.length > 0).map(normalise).filter(good);
  return { list: [...new Set(kept)], damaged: kept.length === value.length ? null : 'entries' };
}

/** Whether highlighting is on for a page on this hostname. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return !settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The settings with `id` muted (not highlighted on any page) or highlighted again. */
export function withMuted(settings: Settings, id: string, muted: boolean): Settings {
  const others = settings.mutedEntities.filter((m) => m !== id);
  return { ...settings, mutedEntities: muted ? [...others, id] : others };
}
