// Browser tests of stored data (issue 16): one session over either browser that can be restarted
// on the same profile, and what the extension has stored, read from one of its pages.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { evalJs, poll as sharedPoll, type RawPage } from './poll';
import type { BrowserName } from './any-browser';
import { launchChromium, type ChromiumSession } from './chromium';
import { launchFirefox, type FirefoxSession } from './firefox';
import { readSettings } from '../../../src/common/settings-items';
import type { Settings } from '../../../src/common/settings';

export { evalJs, type RawPage };

/** Stored data takes longer: writes go through the pack Worker and batched settings flushes. */
export const WAIT = 20_000;
const POLL_MS = 100;

export const poll = <T>(read: () => Promise<T>, pred: (v: T) => boolean, what: string, timeoutMs = WAIT): Promise<T> => sharedPoll(read, pred, what, timeoutMs, POLL_MS);

/** A browser on a profile kept across restarts. */
export interface KeptSession {
  name: BrowserName;
  /** The extension page `file` (options.html…), once `ready` is in it. */
  extensionPage(file: string, ready: string): Promise<RawPage>;
  /** A web page. */
  page(url: string): Promise<RawPage>;
  /** Sets the files of `<input type=file>`. */
  upload(page: RawPage, selector: string, file: string): Promise<void>;
  restart(prefs?: Record<string, unknown>): Promise<void>;
  offLoopback(): string[];
  pageErrors(): string[];
  close(): Promise<void>;
  chromium(): ChromiumSession | null;
  firefox(): FirefoxSession | null;
}

export async function keptSession(name: BrowserName, prefs?: Record<string, unknown>): Promise<KeptSession> {
  const profile = mkdtempSync(path.join(os.tmpdir(), `backstory-storage-${name}-`));
  let chromium: ChromiumSession | null = null;
  let firefox: FirefoxSession | null = null;
  const errors: string[] = [];
  const offLoopback: string[] = [];
  const start = async (p?: Record<string, unknown>) => {
    if (name === 'chromium') chromium = await launchChromium({ userDataDir: profile });
    else firefox = await launchFirefox({ profileDir: profile, prefs: p });
  };
  const stop = async () => {
    offLoopback.push(...(chromium?.offLoopback() ?? firefox?.offLoopback() ?? []));
    errors.push(...(chromium?.pageErrors ?? firefox?.pageErrors ?? []));
    await chromium?.close();
    await firefox?.close();
    chromium = null;
    firefox = null;
  };
  await start(prefs);
  return {
    name,
    async extensionPage(file, ready) {
      if (chromium) {
        const page = await chromium.newPage();
        await page.goto(chromium.extensionUrl(file));
        await page.waitForSelector(ready, { timeout: WAIT });
        return page;
      }
      return firefox!.openExtensionPage(file, ready, WAIT);
    },
    async page(url) {
      const page = chromium ? await chromium.newPage() : await firefox!.newPage();
      await page.goto(url);
      return page;
    },
    async upload(page, selector, file) {
      if (chromium) await (page as PlaywrightPage).setInputFiles(selector, file);
      else {
        const input = await (page as PuppeteerPage).$(selector);
        if (!input) throw new Error(`no ${selector}`);
        await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
      }
    },
    async restart(p) {
      await stop();
      await start(p);
    },
    offLoopback: () => [...offLoopback, ...(chromium?.offLoopback() ?? firefox?.offLoopback() ?? [])],
    pageErrors: () => [...errors, ...(chromium?.pageErrors ?? firefox?.pageErrors ?? [])],
    async close() {
      await stop();
      rmSync(profile, { recursive: true, force: true });
    },
    chromium: () => chromium,
    firefox: () => firefox,
  };
}

export interface StoredState {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  /** The packs' records in IndexedDB (none when the database does not exist yet). */
  metas: { id: string; on: boolean; seq: number | null; from: string; added: string; headline: string }[];
}

/**
 * Everything stored, read from an extension page. IndexedDB is looked at only if it exists:
 * opening it here would create it empty, at the version the extension would then not upgrade.
 */
export const STATE_JS = `(async () => {
  const api = globalThis.browser || globalThis.chrome;
  // Local (pending settings) before sync, as the extension reads them (settings-store.ts readAreas).
  const local = await api.storage.local.get(null);
  const sync = await api.storage.sync.get(null);
  let metas = [];
  if ((await indexedDB.databases()).some((d) => d.name === 'backstory-packs')) {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('backstory-packs'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    if (db.objectStoreNames.contains('meta')) {
      metas = await new Promise((res, rej) => { const r = db.transaction('meta').objectStore('meta').getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    }
    db.close();
  }
  if (local.compiledMatcher) local.compiledMatcher = { packIds: local.compiledMatcher.packIds, revision: local.compiledMatcher.revision, bytes: JSON.stringify(local.compiledMatcher.compiled).length };
  return { sync, local, metas: metas.map((m) => ({ id: m.id, on: m.enabledSeq !== null, seq: m.enabledSeq, from: m.from, added: m.added, headline: m.headline })) };
})()`;

export const storedState = (page: RawPage) => evalJs<StoredState>(page, STATE_JS);

/** The settings in force, as the extension reads them from these areas. */
export function settingsOf(state: StoredState): Settings {
  const pending = state.local.settingsPending;
  return readSettings(state.sync, typeof pending === 'object' && pending !== null ? (pending as Record<string, unknown>) : {}).settings;
}

/** The enabled packs' ids in the order they were switched on. */
export const enabledOrder = (state: StoredState) =>
  state.metas
    .filter((m) => m.on)
    .sort((a, b) => a.seq! - b.seq!)
    .map((m) => m.id);

/**
 * Watches the main thread of an extension page from inside: a timer heartbeat records the longest
 * gap between turns (both browsers), and Chromium's long-task observer the longest task.
 */
export const WATCH_JS = `(() => {
  const w = { maxGap: 0, longest: 0, tasks: 0, last: performance.now() };
  window.__freeze = w;
  const beat = () => { const now = performance.now(); w.maxGap = Math.max(w.maxGap, now - w.last); w.last = now; w.timer = setTimeout(beat, 0); };
  beat();
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { w.tasks++; w.longest = Math.max(w.longest, e.duration); } }).observe({ type: 'longtask' });
  } else w.longest = null;
})()`;

export interface Freeze {
  /** Longest gap between two turns of the page's event loop (ms). */
  maxGap: number;
  /** Longest task (ms); null where the browser reports none (Firefox). */
  longest: number | null;
  tasks: number;
}

export const readFreeze = (page: RawPage) =>
  evalJs<Freeze>(page, `(() => { const w = window.__freeze; const out = { maxGap: Math.round(w.maxGap), longest: w.longest === null ? null : Math.round(w.longest), tasks: w.tasks }; w.maxGap = 0; w.longest = w.longest === null ? null : 0; w.tasks = 0; w.last = performance.now(); return out; })()`);
