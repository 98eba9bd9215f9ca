// Waiting without fixed sleeps, shared by the browser tests: read something until it is what the
// test wants, and evaluate a string of JavaScript in either driver's page.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** How long a test waits for anything the extension does by default. */
export const WAIT = 15_000;
/** How often a reading is repeated while waiting. */
export const POLL_MS = 50;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Repeats `read` until `pred` holds and returns that value; fails after `timeoutMs`, naming `what` and the last value. */
export async function poll<T>(read: () => Promise<T>, pred: (v: T) => boolean, what: string, timeoutMs = WAIT, intervalMs = POLL_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (pred(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms; last: ${JSON.stringify(v)?.slice(0, 400)}`);
    await sleep(intervalMs);
  }
}

export type RawPage = PlaywrightPage | PuppeteerPage;

/** Evaluates JavaScript source in a Playwright or Puppeteer page (strings survive both drivers' serialisation). */
export const evalJs = <T>(page: RawPage, js: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(js);
