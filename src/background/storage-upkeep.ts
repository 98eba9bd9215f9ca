/**
 * The background's care of stored data: at start, Backstory 0.1.0's packs and settings are moved
 * to their new places and the compiled matcher is checked; then every pending settings change is
 * flushed to storage.sync in batches, at a pace within its write limits, and tried again when the
 * browser refused it. Holds nothing only in memory: a stopped worker finds the pending changes in
 * storage.local when it next starts.
 */
import browser from 'webextension-polyfill';
import { PACK_OPS } from '../common/pack-ops';
import { ensureCompiled, migrateLegacyPacks, usePackEngine } from '../common/packs-store';
import { flushSettings, PENDING_KEY, repairSettings } from '../common/settings-store';
import { LEGACY_KEY, type SyncProblem } from '../common/settings-items';

/**
 * Wait after a change before flushing: changes made in a burst (400 sites added one after another)
 * go in one write. Two writes a flush at most, so at most 60 a minute: half of Chrome's 120.
 */
const FLUSH_DELAY_MS = 2_000;
/** When to try again after the browser refused a write, by why. */
const RETRY_MS: Record<SyncProblem, number> = {
  /** Chrome counts writes over a sliding minute. */
  minute: 61_000,
  /** …and over an hour: a few minutes frees a few of them. */
  hour: 5 * 60_000,
  /** storage.sync full (another device filled it): its next change may make room. */
  full: 5 * 60_000,
  unavailable: 5 * 60_000,
};

let timer: ReturnType<typeof setTimeout> | undefined;
let ready: Promise<void> = Promise.resolve();

function scheduleFlush(delay = FLUSH_DELAY_MS): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    void ready
      // Packs first, each time: their 0.1.0 switches are in the 0.1.0 settings item the flush removes.
      .then(() => migrateLegacyPacks().catch(() => null))
      .then(() => repairSettings().catch(() => []))
      .then(flushSettings)
      .then((status) => {
        if (status.problem) {
          clearTimeout(timer);
          timer = undefined;
          scheduleFlush(RETRY_MS[status.problem]);
        }
      })
      .catch(() => scheduleFlush(RETRY_MS.unavailable));
  }, delay);
}

/** Starts the upkeep; call once, synchronously, at the top level of the background. */
export function startStorageUpkeep(): void {
  usePackEngine(PACK_OPS);
  // Packs first: their 0.1.0 switches are in the 0.1.0 settings item, which the flush removes.
  ready = (async () => {
    await migrateLegacyPacks().catch(() => null);
    await ensureCompiled().catch(() => undefined);
    await repairSettings().catch(() => []);
  })();
  scheduleFlush(0);
  browser.storage.onChanged.addListener((changes, area) => {
    // A change on this device, or a 0.1.0 item synced from another device.
    if ((area === 'local' && PENDING_KEY in changes) || (area === 'sync' && LEGACY_KEY in changes && changes[LEGACY_KEY]?.newValue !== undefined)) {
      scheduleFlush();
    }
  });
}
