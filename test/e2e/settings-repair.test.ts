// Hardening (issue 7), damaged settings in real browsers (Chromium and Firefox): a settings item
// in the one-item form of Backstory 0.1.0 that is of an older schema version or corrupted (wrong
// types, a truncated JSON string, the wrong shape) loads as safe values in the content script, so
// the page is highlighted; the background repairs it and moves it to the layout of one item per
// value (src/common/settings-items.ts), so storage holds valid settings afterwards; the options
// page says they were repaired. Missing settings (a first run) are the defaults: nothing is
// written and no notice is shown.
// (test/e2e/popup.test.ts covers the notice being shown once and the options page's own repair.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Page as PlaywrightPage } from 'playwright-core';
import { BROWSERS, launch, type AnySession } from './support/any-browser';
import { startServer, type StaticServer } from './support/server';
import { openWithMarks } from './support/hardening';
import { defaultSettings } from '../../src/common/settings';
import { isSettingsKey, LEGACY_KEY, readSettings } from '../../src/common/settings-items';

// src/common/settings-store.ts's keys (that module loads the extension API, so it cannot be imported in Node).
const SETTINGS_KEY = LEGACY_KEY;
const REPAIR_NOTICE_KEY = 'settingsRepairNotice';
const PENDING_KEY = 'settingsPending';

const TEST_TIMEOUT = 60_000;

type Area = { get(k: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> };
type StorageGlobal = { chrome?: { storage: { sync: Area; local: Area } }; browser?: { storage: { sync: Area; local: Area } } };

interface Case {
  what: string;
  /** undefined: the key is removed. */
  stored: unknown;
  /** The mark class the page must get (the style kept or restored). */
  markClass: string;
  /** A fragment of the notice; null: no notice. */
  notice: RegExp | null;
}

const CASES: Case[] = [
  { what: 'missing (first run)', stored: undefined, markClass: 'backstory-mark--underline', notice: null },
  {
    what: 'an older schema version (good values kept)',
    stored: { version: 0, style: 'tint', firstMentionOnly: false, disabledSites: ['example.com'] },
    markClass: 'backstory-mark--tint',
    notice: /schema version 0; upgraded to 2/,
  },
  {
    what: 'wrong types in every field',
    stored: { version: '1', style: 42, firstMentionOnly: 'yes', types: { person: 'on' }, disabledSites: 'all', enabledPacks: {} },
    markClass: 'backstory-mark--underline',
    notice: /Highlight style was invalid/,
  },
  {
    what: 'a truncated JSON string',
    stored: '{"version":1,"style":"tint","disabledSi',
    markClass: 'backstory-mark--underline',
    notice: /not readable \(truncated JSON\)/,
  },
  { what: 'the wrong shape (a list)', stored: [1, 2, 3], markClass: 'backstory-mark--underline', notice: /wrong shape/ },
];

for (const name of BROWSERS) {
  describe(`damaged settings: ${name}`, { timeout: 240_000 }, () => {
    let server: StaticServer;
    let b: AnySession;
    before(async () => {
      server = await startServer();
      b = await launch(name);
    });
    after(async () => {
      await b?.setSettings(defaultSettings()).catch(() => undefined);
      await b?.close();
      await server?.close();
    });

    /**
     * A document of the extension that runs none of its code (content.css shown as text; it has
     * the extension API), to read and write storage. The popup and options pages load settings
     * themselves, and repair them as soon as they change: a repair started there and cut short by
     * closing the page left valid settings without the notice.
     */
    async function storagePage(): Promise<{ run<R>(fn: (arg: unknown) => Promise<R>, arg?: unknown): Promise<R>; close(): Promise<void> }> {
      let page: PlaywrightPage | PuppeteerPage;
      if (b.chromium) {
        page = await b.chromium.newPage();
        await page.goto(b.chromium.extensionUrl('content.css'));
      } else {
        page = await b.firefox!.openExtensionPage('content.css', 'body');
      }
      return {
        run: <R>(fn: (arg: unknown) => Promise<R>, arg?: unknown) =>
          (page as unknown as { evaluate(f: unknown, a: unknown): Promise<R> }).evaluate(fn, arg ?? null),
        close: () => page.close(),
      };
    }

    for (const c of CASES) {
      test(`settings ${c.what}: safe values, the page highlighted, storage repaired, the options page says so`, { timeout: TEST_TIMEOUT }, async () => {
        const store = await storagePage();
        try {
          await store.run(
            async (arg) => {
              const { key, notice, value, remove } = arg as { key: string; notice: string; value: unknown; remove: boolean };
              const g = globalThis as unknown as StorageGlobal;
              const s = (g.browser ?? g.chrome)!.storage;
              await s.local.remove(notice);
              if (remove) await s.sync.remove(key);
              else await s.sync.set({ [key]: value });
            },
            { key: SETTINGS_KEY, notice: REPAIR_NOTICE_KEY, value: c.stored ?? null, remove: c.stored === undefined },
          );
        } finally {
          await store.close();
        }

        // The content script reads the damaged value first: the page is highlighted with safe values.
        const page = await openWithMarks(b, server.url('/hostile/lifecycle.html'), ['antony-blinken', 'united-states']);
        try {
          const classes = await page.evaluate(() => Array.from(document.querySelectorAll('mark[data-entity-id]'), (m) => m.className), undefined);
          assert.ok(classes.every((k) => k.includes('backstory-mark')), 'marks');
          assert.ok(classes.every((k) => k.split(' ').includes(c.markClass)), `every mark has ${c.markClass}: ${classes.join(' | ')}`);
        } finally {
          await page.close();
        }

        // Storage now holds valid settings (or, for a first run, still nothing).
        const reader = await storagePage();
        try {
          const deadline = Date.now() + 10_000;
          let stored: { sync: Record<string, unknown>; pending: Record<string, unknown>; notice: unknown };
          for (;;) {
            stored = await reader.run(
              async (arg) => {
                const { pending, notice } = arg as { pending: string; notice: string };
                const g = globalThis as unknown as StorageGlobal;
                const s = (g.browser ?? g.chrome)!.storage;
                const local = await s.local.get(null);
                return { sync: await s.sync.get(null), pending: (local[pending] as Record<string, unknown>) ?? {}, notice: local[notice] ?? null };
              },
              { pending: PENDING_KEY, notice: REPAIR_NOTICE_KEY },
            );
            // The background writes the notice, then moves the repaired values to storage.sync: wait for both.
            const repaired = readSettings(stored.sync, stored.pending).repairs.length === 0 && !(SETTINGS_KEY in stored.sync) && Array.isArray(stored.notice);
            if (c.stored === undefined || repaired || Date.now() > deadline) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          if (c.stored === undefined) {
            assert.deepEqual(Object.keys(stored.sync).filter(isSettingsKey), [], 'a first run writes nothing');
            assert.equal(stored.notice, null, 'and leaves no notice');
          } else {
            assert.deepEqual(readSettings(stored.sync, stored.pending).repairs, [], `stored settings are valid: ${JSON.stringify(stored.sync)}`);
            assert.equal(SETTINGS_KEY in stored.sync, false, 'the one-item form was moved');
            assert.equal(stored.sync.settingsVersion, 2);
            assert.ok(Array.isArray(stored.notice) && stored.notice.length > 0, `a repair notice is waiting for the options page: ${JSON.stringify(stored)}`);
          }
        } finally {
          await reader.close();
        }

        // The options page says so (or, for a first run, says nothing).
        const options = b.chromium ? await b.chromium.newPage() : await b.firefox!.openExtensionPage('options.html', 'fieldset');
        try {
          if (b.chromium) {
            await (options as PlaywrightPage).goto(b.chromium.extensionUrl('options.html'));
            await (options as PlaywrightPage).waitForSelector('fieldset');
          }
          const text = await (options as unknown as { evaluate<R>(f: () => R): Promise<R> }).evaluate(() => document.querySelector('.notice')?.textContent ?? null);
          if (c.notice === null) assert.equal(text, null, 'no notice on a first run');
          else {
            assert.ok(text, 'the options page shows a notice');
            assert.match(text, /Your saved settings were damaged and have been repaired/);
            assert.match(text, c.notice);
          }
        } finally {
          await options.close();
        }
      });
    }
  });
}
