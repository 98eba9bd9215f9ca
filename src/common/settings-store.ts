/**
 * Settings in browser storage (layout: settings-items.ts). Every part reads them; extension pages
 * and the background change them through updateSettings, which puts the change in storage.local
 * at once (`settingsPending`, no rate limit) so it applies everywhere on this device; the
 * background then flushes pending changes to storage.sync in batches, within its quotas
 * (flushSettings), and says what it could not do (`settingsSyncStatus`).
 *
 * Changes are read-modify-write of the freshest state under one Web Lock shared by every
 * extension page and the background (one origin), so two windows changing settings at once never
 * lose each other's change. Content scripts run in the page's origin, outside that lock: they only
 * read.
 */
import browser from 'webextension-polyfill';
import { adoptLegacy, readSettings, diffToSettings, effectiveItems, planFlush, classifySyncError, countLists, LEGACY_KEY, type Items, type Ops, type SyncStatus } from './settings-items';
import type { ParsedSettings, Settings } from './settings';
import { withLock } from './web-lock';

/** storage.local: changes not yet in storage.sync (a value, or null for a removal). */
export const PENDING_KEY = 'settingsPending';
/** storage.local: what the last flush could not do (SyncStatus), for the options page and popup. */
export const SYNC_STATUS_KEY = 'settingsSyncStatus';
/** Set when stored settings had to be repaired, so the options page can say so once. */
export const REPAIR_NOTICE_KEY = 'settingsRepairNotice';
const LOCK = 'backstory-settings';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readAreas(): Promise<{ sync: Items; pending: Ops }> {
  // Pending first, then sync, one after the other: a flush writes sync before it clears pending,
  // so in this order a reader sees the changes in one place or the other. Read together, a flush
  // between the two reads could show neither, the defaults (seen in the storage browser test).
  // A page must never fail because storage does: unreadable areas read as empty.
  const local = await browser.storage.local.get(PENDING_KEY).catch(() => ({}) as Record<string, unknown>);
  const sync = await browser.storage.sync.get(null).catch(() => ({}));
  const pending = local[PENDING_KEY];
  return { sync, pending: isRecord(pending) ? pending : {} };
}

/** The settings in force on this device, made safe. Never writes. */
export async function loadSettings(): Promise<ParsedSettings> {
  const { sync, pending } = await readAreas();
  return readSettings(sync, pending);
}

/**
 * Applies `change` to the freshest settings and stores what it changed. Pass a function of the
 * settings, changing only what the reader changed: `(s) => ({ ...s, style })`. Resolves with the
 * settings now in force; rejects only when storage.local itself refuses.
 */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return withLock(LOCK, async () => {
    const { sync, pending: stored } = await readAreas();
    const pending = adoptLegacy(sync, stored);
    const current = readSettings(sync, pending).settings;
    const next = { ...pending, ...diffToSettings(effectiveItems(sync, pending).items, change(current)) };
    if (JSON.stringify(next) !== JSON.stringify(stored)) await browser.storage.local.set({ [PENDING_KEY]: next });
    return readSettings(sync, next).settings;
  });
}

/**
 * Writes safe values over damaged stored settings and leaves a notice for the options page.
 * Returns what was repaired (empty when nothing was).
 */
export function repairSettings(): Promise<string[]> {
  return withLock(LOCK, async () => {
    const { sync, pending: stored } = await readAreas();
    const { settings, repairs } = readSettings(sync, stored);
    if (repairs.length === 0) return [];
    const pending = adoptLegacy(sync, stored);
    const next = { ...pending, ...diffToSettings(effectiveItems(sync, pending).items, settings) };
    await browser.storage.local.set({ [PENDING_KEY]: next, [REPAIR_NOTICE_KEY]: repairs });
    return repairs;
  });
}

/**
 * Moves pending changes to storage.sync: at most one set and one remove call, with what fits.
 * What does not fit stays pending (device only); a refused write leaves everything pending, to be
 * tried again. Returns the status it stored.
 */
export function flushSettings(): Promise<SyncStatus> {
  return withLock(LOCK, async () => {
    const { sync, pending } = await readAreas();
    const plan = planFlush(sync, pending);
    let left: Ops = plan.deviceOnly;
    let problem: SyncStatus['problem'] = null;
    let detail = '';
    // Removals first (they make room), then the new values, then the 0.1.0 item, once its values
    // are written: whatever step fails, storage.sync holds no less than before.
    const removeFirst = plan.remove.filter((k) => k !== LEGACY_KEY);
    try {
      if (removeFirst.length > 0) await browser.storage.sync.remove(removeFirst);
      if (Object.keys(plan.set).length > 0) await browser.storage.sync.set(plan.set);
      if (plan.remove.includes(LEGACY_KEY)) await browser.storage.sync.remove(LEGACY_KEY);
    } catch (err) {
      detail = err instanceof Error ? err.message : String(err);
      problem = classifySyncError(detail);
      // Every pending change waits for the next try: writing one again changes nothing.
      left = { ...pending, ...plan.deviceOnly };
    }
    const status: SyncStatus = {
      waiting: Object.keys(left).filter((k) => !(k in plan.deviceOnly)).length,
      deviceOnly: countLists(plan.deviceOnly),
      problem,
      detail,
    };
    // Written only when something changed: the background flushes whenever pending changes change.
    const before = (await browser.storage.local.get(SYNC_STATUS_KEY).catch(() => ({}) as Record<string, unknown>))[SYNC_STATUS_KEY];
    const update: Record<string, unknown> = {};
    if (JSON.stringify(left) !== JSON.stringify(pending)) update[PENDING_KEY] = left;
    const clean = !status.problem && status.waiting === 0 && status.deviceOnly.disabledSites + status.deviceOnly.mutedEntities === 0;
    // A first run with nothing to say writes nothing.
    if (JSON.stringify(status) !== JSON.stringify(before) && !(before === undefined && clean)) update[SYNC_STATUS_KEY] = status;
    if (Object.keys(update).length > 0) await browser.storage.local.set(update);
    return status;
  });
}

/** What the last flush left (null before the first). */
export async function loadSyncStatus(): Promise<SyncStatus | null> {
  const stored = (await browser.storage.local.get(SYNC_STATUS_KEY).catch(() => ({}) as Record<string, unknown>))[SYNC_STATUS_KEY];
  return isRecord(stored) && isRecord(stored.deviceOnly) ? (stored as unknown as SyncStatus) : null;
}

/** Whether a storage change can change the settings in force. */
export const touchesSettings = (changes: Record<string, unknown>, area: string): boolean =>
  area === 'sync' || (area === 'local' && PENDING_KEY in changes);

/**
 * Calls `onChange` with the settings in force whenever they change, until `signal` aborts. A
 * flush (pending changes moving to storage.sync) changes where they are stored, not what they
 * are: it calls nothing.
 */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal, initial?: Settings): void {
  let last = initial ? JSON.stringify(initial) : '';
  let generation = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (!touchesSettings(changes, area)) return;
    const mine = ++generation;
    void loadSettings().then(({ settings }) => {
      // Only the newest read counts: two quick changes must not end on the older answer.
      if (signal.aborted || mine !== generation) return;
      const text = JSON.stringify(settings);
      if (text === last) return;
      last = text;
      onChange(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** Calls `onChange` with the sync status whenever it changes, until `signal` aborts. */
export function watchSyncStatus(onChange: (status: SyncStatus | null) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SYNC_STATUS_KEY in changes) void loadSyncStatus().then((s) => !signal.aborted && onChange(s));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
