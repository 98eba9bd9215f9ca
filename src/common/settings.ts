/**
 * User settings: schema, defaults and repair. Pure (no browser API); storage lives in
 * settings-store.ts. Anything read from storage goes through parseSettings, which never throws:
 * missing, older or corrupted settings come back as safe values plus a list of what was repaired.
 */
import { ENTITY_TYPES, type EntityType } from '../kb/types';

export const SETTINGS_VERSION = 1;

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
  /** Hostnames where Backstory is off ("example.com"). */
  disabledSites: string[];
  /** Ids of enabled context packs (the built-in pack is always available). */
  enabledPacks: string[];
  /** Entity ids the reader asked not to highlight ("Don't highlight <name>"), in the order muted. */
  mutedEntities: string[];
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    style: 'underline',
    firstMentionOnly: false,
    types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
    disabledSites: [],
    enabledPacks: [],
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
  if (value.version !== SETTINGS_VERSION) {
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
  if (Array.isArray(value.disabledSites)) {
    const sites = value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0);
    if (sites.length !== value.disabledSites.length) repairs.push('Some entries in the list of sites were invalid and were dropped.');
    settings.disabledSites = [...new Set(sites.map((s) => s.toLowerCase()))];
  } else if (value.disabledSites !== undefined) repairs.push('The list of sites where Backstory is off was invalid; it is now empty.');
  if (Array.isArray(value.enabledPacks)) {
    settings.enabledPacks = value.enabledPacks.filter((s): s is string => typeof s === 'string');
  } else if (value.enabledPacks !== undefined) repairs.push('The list of enabled packs was invalid; it is now empty.');
  if (Array.isArray(value.mutedEntities)) {
    const ids = value.mutedEntities.filter((s): s is string => typeof s === 'string' && s.length > 0);
    if (ids.length !== value.mutedEntities.length) repairs.push('Some entries in the list of names not to highlight were invalid and were dropped.');
    settings.mutedEntities = [...new Set(ids)];
  } else if (value.mutedEntities !== undefined) repairs.push('The list of names not to highlight was invalid; every name is highlighted again.');
  return { settings, repairs };
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
