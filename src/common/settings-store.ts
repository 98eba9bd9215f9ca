/** Settings in browser.storage.sync: load (repairing what is broken), save, and watch for changes. */
import browser from 'webextension-polyfill';
import { parseSettings, type ParsedSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';
/** Set when a load had to repair stored settings, so the options page can say so once. */
export const REPAIR_NOTICE_KEY = 'settingsRepairNotice';

/** Loads settings; anything broken is replaced by safe values and written back repaired. */
export async function loadSettings(): Promise<ParsedSettings> {
  let raw: unknown;
  try {
    raw = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    raw = undefined;
  }
  const parsed = parseSettings(raw);
  if (parsed.repairs.length > 0) {
    // Best effort: a page must never fail because storage is read-only or full.
    await browser.storage.sync.set({ [SETTINGS_KEY]: parsed.settings }).catch(() => undefined);
    await browser.storage.local.set({ [REPAIR_NOTICE_KEY]: parsed.repairs }).catch(() => undefined);
  }
  return parsed;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    onChange(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
