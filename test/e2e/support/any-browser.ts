// One small interface over the Chromium (Playwright) and Firefox (Puppeteer/BiDi) sessions, so a
// browser test can be written once and run in both: open a page, run a function in it, poll, and
// write the extension's settings.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from './chromium';
import { launchFirefox, type FirefoxSession } from './firefox';
import { startServer, type StaticServer } from './server';
import { after, before } from 'node:test';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface AnyPage {
  /** Runs `fn(arg)` in the page (main world) and returns its JSON-able result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Polls `fn(arg)` in the page until it returns a truthy value; returns it. Return plain data
   * (a boolean, not an element): Firefox over BiDi hands DOM nodes back as nothing.
   */
  waitFor<A, R>(fn: (arg: A) => R, arg: A, timeoutMs?: number): Promise<R>;
  close(): Promise<void>;
  raw: PlaywrightPage | PuppeteerPage;
}

export interface AnySession {
  name: BrowserName;
  open(url: string): Promise<AnyPage>;
  /** Writes the extension's settings (storage.sync "settings") as an extension page would. */
  setSettings(settings: unknown): Promise<void>;
  offLoopback(): string[];
  pageErrors: string[];
  close(): Promise<void>;
  chromium?: ChromiumSession;
  firefox?: FirefoxSession;
}

const POLL_MS = 50;

type StorageApi = { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };
type StorageGlobal = { chrome: StorageApi; browser: StorageApi };

function wrap(raw: PlaywrightPage | PuppeteerPage): AnyPage {
  const evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    (raw as unknown as { evaluate(f: unknown, a: unknown): Promise<R> }).evaluate(fn, arg);
  return {
    raw,
    evaluate,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await evaluate(fn, arg);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${fn.toString().slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    close: () => raw.close(),
  };
}

/** Which unpacked extension to load (default: dist/chrome or dist/firefox). */
export interface LaunchOptions {
  extensionDir?: string;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<AnySession> {
  if (name === 'chromium') {
    const s = await launchChromium(options);
    return {
      name,
      chromium: s,
      async open(url) {
        const page = await s.newPage();
        await page.goto(url);
        return wrap(page);
      },
      async setSettings(settings) {
        // The worker may have been stopped (idle); any extension page can write storage too.
        const page = await s.newPage();
        await page.goto(s.extensionUrl('options.html'));
        await page.evaluate((v) => (globalThis as unknown as StorageGlobal).chrome.storage.sync.set({ settings: v }), settings);
        await page.close();
      },
      offLoopback: () => s.offLoopback(),
      pageErrors: s.pageErrors,
      close: () => s.close(),
    };
  }
  const s = await launchFirefox(options);
  return {
    name,
    firefox: s,
    async open(url) {
      const page = await s.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async setSettings(settings) {
      const page = await s.openExtensionPage('options.html', 'body');
      await page.evaluate((v) => (globalThis as unknown as StorageGlobal).browser.storage.sync.set({ settings: v }), settings);
      await page.close();
    },
    offLoopback: () => s.offLoopback(),
    pageErrors: s.pageErrors,
    close: () => s.close(),
  };
}

/**
 * One test server and one browser for the enclosing `describe` block (shared by its tests, as the
 * recipes advise): started before its first test, handed over through `use`, closed after its last.
 */
export function withBrowser(
  name: BrowserName,
  use: (server: StaticServer, browser: AnySession) => void,
  options: { beforeClose?: (browser: AnySession) => Promise<void> } = {},
): void {
  let server: StaticServer | undefined;
  let browser: AnySession | undefined;
  before(async () => {
    server = await startServer();
    browser = await launch(name);
    use(server, browser);
  });
  after(async () => {
    if (browser) await options.beforeClose?.(browser).catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
}
