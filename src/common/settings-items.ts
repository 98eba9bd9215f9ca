/**
 * How settings are laid out in storage.sync, and what fits there. Pure: no browser API.
 *
 * One item per value: `style`, `firstMentionOnly`, `type.person`…, and one item per entry of a
 * list (`site:example.com`, `mute:wang-yi`, its value the time it was added, which orders the
 * list). So a change writes only the items it changes, two windows changing different things
 * never overwrite each other, and no item comes near the 8 KB limit however long a list grows.
 * Writes that cannot go to storage.sync yet (its rate limits) or at all (it is full) wait in one
 * storage.local item, `settingsPending`, which readers lay over what storage.sync holds: a change
 * applies on this device at once and is synced when it can be (settings-store.ts).
 *
 * Backstory 0.1.0 kept all settings in one item, `settings` (LEGACY_KEY); it is read as a whole
 * snapshot and moved to this layout by the next flush.
 */
import { ENTITY_TYPES } from '../kb/types';
import { LIST_SETTINGS, parseSettings, SETTINGS_VERSION, type ListSetting, type ParsedSettings, type Settings } from './settings';

/** Chrome's storage.sync limits; Firefox enforces the first three too (docs/browser-notes.md). */
export const SYNC_QUOTA = {
  /** All items: keys plus JSON of values. */
  bytes: 102_400,
  /** One item: its key plus the JSON of its value. */
  bytesPerItem: 8_192,
  items: 512,
  /** Chrome only: set, remove and clear calls. */
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * Room left unused in storage.sync: another device may write at the same moment, and a scalar
 * setting must always find room even when the lists have filled the rest.
 */
const SYNC_RESERVE = { bytes: 2_048, items: 16 } as const;

export const LEGACY_KEY = 'settings';
export const VERSION_KEY = 'settingsVersion';
const TYPE_PREFIX = 'type.';
export const LIST_PREFIX: Record<ListSetting, string> = { disabledSites: 'site:', mutedEntities: 'mute:' };

export type Items = Record<string, unknown>;
/** Changes to items: a value to write, or null to remove the item. */
export type Ops = Record<string, unknown>;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Whether an item of storage.sync is one of the settings (anything else there is left alone). */
export function isSettingsKey(key: string): boolean {
  return (
    key === VERSION_KEY ||
    key === 'style' ||
    key === 'firstMentionOnly' ||
    key.startsWith(TYPE_PREFIX) ||
    LIST_SETTINGS.some((list) => key.startsWith(LIST_PREFIX[list]))
  );
}

/** The bytes an item counts for, as both browsers measure it. */
export const itemBytes = (key: string, value: unknown): number => key.length + JSON.stringify(value).length;

/**
 * Settings as items. List entries keep the value (time added) they have in `previous`; new ones
 * get `now`, `now + 1`… so the list keeps its order.
 */
export function settingsToItems(settings: Settings, previous: Items = {}, now = Date.now()): Items {
  const items: Items = { [VERSION_KEY]: SETTINGS_VERSION, style: settings.style, firstMentionOnly: settings.firstMentionOnly };
  for (const t of ENTITY_TYPES) items[TYPE_PREFIX + t] = settings.types[t];
  let next = now;
  for (const list of LIST_SETTINGS) {
    for (const entry of settings[list]) {
      const key = LIST_PREFIX[list] + entry;
      const kept = previous[key];
      items[key] = typeof kept === 'number' && Number.isFinite(kept) ? kept : next++;
    }
  }
  return items;
}

/** The entries of one list, oldest first (equal times by name, so every reader gets one order). */
function listOf(items: Items, list: ListSetting): string[] {
  const prefix = LIST_PREFIX[list];
  const order = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER);
  return Object.keys(items)
    .filter((k) => k.startsWith(prefix))
    .sort((a, b) => order(items[a]) - order(items[b]) || (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => k.slice(prefix.length));
}

/** Items back into the shape parseSettings reads; undefined when there are none (a first run). */
function itemsToRaw(items: Items): unknown {
  if (!Object.keys(items).some(isSettingsKey)) return undefined;
  const types: Record<string, unknown> = {};
  for (const t of ENTITY_TYPES) if (hasOwn(items, TYPE_PREFIX + t)) types[t] = items[TYPE_PREFIX + t];
  return {
    version: hasOwn(items, VERSION_KEY) ? items[VERSION_KEY] : SETTINGS_VERSION,
    style: items.style,
    firstMentionOnly: items.firstMentionOnly,
    types,
    disabledSites: listOf(items, 'disabledSites'),
    mutedEntities: listOf(items, 'mutedEntities'),
  };
}

/** `items` with `ops` applied. */
export function applyOps(items: Items, ops: Ops): Items {
  const out: Items = { ...items };
  for (const [k, v] of Object.entries(ops)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Whether a 0.1.0 `settings` item is in force: in storage.sync, and not yet taken over by this device. */
const legacyInForce = (sync: Items, pending: Ops): boolean => hasOwn(sync, LEGACY_KEY) && pending[LEGACY_KEY] !== null;

/** A 0.1.0 item as items, with what had to be repaired in it. */
function legacyItems(sync: Items): { items: Items; repairs: string[] } {
  const legacy = parseSettings(sync[LEGACY_KEY]);
  // The 0.1.0 list order becomes times 0, 1, 2…: older than anything added since.
  return { items: settingsToItems(legacy.settings, {}, 0), repairs: legacy.repairs };
}

/**
 * The settings items in force: storage.sync's, replaced by a 0.1.0 `settings` item where one is
 * still in force (written by 0.1.0, here or on another device, after anything of this layout),
 * then the pending changes of this device. Repairs of a damaged 0.1.0 item are returned with them.
 */
export function effectiveItems(sync: Items, pending: Ops): { items: Items; repairs: string[] } {
  let base: Items = {};
  let repairs: string[] = [];
  if (legacyInForce(sync, pending)) ({ items: base, repairs } = legacyItems(sync));
  else for (const [k, v] of Object.entries(sync)) if (isSettingsKey(k)) base[k] = v;
  const ops = { ...pending };
  delete ops[LEGACY_KEY];
  return { items: applyOps(base, ops), repairs };
}

/**
 * The pending changes that take over a 0.1.0 item in force: its values (repaired), and a removal
 * of the item itself. A writer does this first, under the lock, so that its own change is made on
 * top and a later read never finds the 0.1.0 item, or its damage, in force again.
 */
export function adoptLegacy(sync: Items, pending: Ops): Ops {
  if (!legacyInForce(sync, pending)) return pending;
  const { items } = legacyItems(sync);
  const perKey: Items = {};
  for (const [k, v] of Object.entries(sync)) if (isSettingsKey(k)) perKey[k] = v;
  const ops: Ops = { ...pending, [LEGACY_KEY]: null };
  for (const [k, v] of Object.entries(items)) if (!hasOwn(pending, k) && JSON.stringify(perKey[k]) !== JSON.stringify(v)) ops[k] = v;
  for (const k of Object.keys(perKey)) if (!hasOwn(items, k) && !hasOwn(pending, k)) ops[k] = null;
  return ops;
}

/** The settings stored in these areas, made safe, with what had to be repaired. */
export function readSettings(sync: Items, pending: Ops): ParsedSettings {
  const { items, repairs } = effectiveItems(sync, pending);
  const parsed = parseSettings(itemsToRaw(items));
  return { settings: parsed.settings, repairs: [...repairs, ...parsed.repairs] };
}

/**
 * The changes that take the stored items to `next`: items whose value differs, and removal of
 * settings items `next` does not have (damaged ones included).
 */
export function diffToSettings(current: Items, next: Settings, now = Date.now()): Ops {
  const wanted = settingsToItems(next, current, now);
  const ops: Ops = {};
  for (const [k, v] of Object.entries(wanted)) if (!hasOwn(current, k) || JSON.stringify(current[k]) !== JSON.stringify(v)) ops[k] = v;
  for (const k of Object.keys(current)) if (isSettingsKey(k) && !hasOwn(wanted, k)) ops[k] = null;
  return ops;
}

export interface FlushPlan {
  /** Items to write to storage.sync in one call. */
  set: Items;
  /** Items to remove from storage.sync in one call (the 0.1.0 item among them). */
  remove: string[];
  /** Pending changes that do not fit in storage.sync: they stay on this device. */
  deviceOnly: Ops;
}

/** Scalars first, then list entries oldest first: when storage.sync fills up, the newest wait. */
function priority(key: string, value: unknown): number {
  if (!LIST_SETTINGS.some((list) => key.startsWith(LIST_PREFIX[list]))) return -1;
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

/**
 * What one flush writes: storage.sync brought to the settings in force, within its quotas. A
 * 0.1.0 item is replaced by its items. Whatever would overflow (total bytes, item count, one
 * item's size) is left out and kept pending on this device.
 */
export function planFlush(sync: Items, pending: Ops): FlushPlan {
  const { items: target } = effectiveItems(sync, pending);
  const remove = Object.keys(sync).filter((k) => (isSettingsKey(k) && !hasOwn(target, k)) || k === LEGACY_KEY);
  const after: Items = { ...sync };
  // The 0.1.0 item is removed last, after the set (settings-store.ts): it still counts meanwhile.
  for (const k of remove) if (k !== LEGACY_KEY) delete after[k];
  let bytes = Object.entries(after).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  let count = Object.keys(after).length;
  const changed = Object.keys(target)
    .filter((k) => !hasOwn(after, k) || JSON.stringify(after[k]) !== JSON.stringify(target[k]))
    .sort((a, b) => priority(a, target[a]) - priority(b, target[b]) || (a < b ? -1 : 1));
  const set: Items = {};
  const deviceOnly: Ops = {};
  for (const k of changed) {
    const size = itemBytes(k, target[k]);
    const grows = hasOwn(after, k) ? size - itemBytes(k, after[k]) : size;
    const adds = hasOwn(after, k) ? 0 : 1;
    const fits =
      size <= SYNC_QUOTA.bytesPerItem &&
      bytes + grows <= SYNC_QUOTA.bytes - (priority(k, target[k]) < 0 ? 0 : SYNC_RESERVE.bytes) &&
      count + adds <= SYNC_QUOTA.items - (priority(k, target[k]) < 0 ? 0 : SYNC_RESERVE.items);
    if (fits) {
      set[k] = target[k];
      bytes += grows;
      count += adds;
    } else deviceOnly[k] = target[k];
  }
  return { set, remove, deviceOnly };
}

/**
 * Why a write to storage.sync failed, from the browser's message: Chromium says "This request
 * exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota." or "Resource::kQuotaBytes quota exceeded",
 * Firefox "QuotaExceededError: storage.sync API call exceeded its quota limitations."
 */
export type SyncProblem = 'minute' | 'hour' | 'full' | 'unavailable';

export function classifySyncError(message: string): SyncProblem {
  if (/PER_MINUTE/.test(message)) return 'minute';
  if (/PER_HOUR/.test(message)) return 'hour';
  if (/quota/i.test(message)) return 'full';
  return 'unavailable';
}

/** What the last flush left, for the options page and the popup (settings-store.ts writes it). */
export interface SyncStatus {
  /** Changes still waiting for storage.sync (those that fit, delayed by a problem). */
  waiting: number;
  /** Entries kept on this device only because storage.sync is full, per list. */
  deviceOnly: Record<ListSetting, number>;
  problem: SyncProblem | null;
  /** The browser's own words, for `unavailable`. */
  detail: string;
}

/** Counts the entries of each list among `ops` (what stays on this device). */
export function countLists(ops: Ops): Record<ListSetting, number> {
  const out = { disabledSites: 0, mutedEntities: 0 } as Record<ListSetting, number>;
  for (const k of Object.keys(ops)) for (const list of LIST_SETTINGS) if (k.startsWith(LIST_PREFIX[list]) && ops[k] !== null) out[list]++;
  return out;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the reader is told about synced settings, and what to do; empty when all is well. */
export function syncStatusMessages(status: SyncStatus | null): string[] {
  if (!status) return [];
  const out: string[] = [];
  if (status.problem === 'minute') {
    out.push(
      `The browser allows ${SYNC_QUOTA.writesPerMinute} changes of synced settings a minute, and that was reached. Your changes already apply on this device and will be synced in about a minute (or the next time the browser runs); nothing is lost.`,
    );
  } else if (status.problem === 'hour') {
    out.push(
      `The browser allows ${SYNC_QUOTA.writesPerHour.toLocaleString('en')} changes of synced settings an hour, and that was reached. Your changes already apply on this device and will be synced within the hour; nothing is lost.`,
    );
  } else if (status.problem === 'unavailable') {
    out.push(`Synced storage refused the change (${status.detail}). Your changes apply on this device and are kept here until they can be synced.`);
  }
  const { disabledSites: sites, mutedEntities: muted } = status.deviceOnly;
  if (sites > 0 || muted > 0) {
    const what = [sites > 0 ? plural(sites, 'site', 'sites') : '', muted > 0 ? plural(muted, 'muted name', 'muted names') : ''].filter(Boolean).join(' and ');
    out.push(
      `Too many entries for synced storage (${SYNC_QUOTA.items} items, ${SYNC_QUOTA.bytes / 1024} KB in all): the newest ${what} are kept on this device only and will not reach your other devices. Remove entries you no longer need and they will be synced.`,
    );
  }
  return out;
}
