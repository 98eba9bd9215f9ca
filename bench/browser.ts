/**
 * One headless Chromium per variant (an extension, or none for the baseline), offline.
 *
 * Launched as in ../shared/e2e-recipes.md §3 with the project's flags (test/e2e/support/chromium.ts),
 * but without its request routing: Playwright's route() costs an IPC round trip per request,
 * which would slow every load and blur the timings. Instead every request not for 127.0.0.1 is
 * aborted by the network stack itself: the proxy is a closed loopback port, and Chromium never
 * proxies loopback. Requests for elsewhere are still counted, to show that none got an answer.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../test/e2e/support/browsers';
import { CHROMIUM_FLAGS } from '../test/e2e/support/chromium';
import { isLocalUrl } from '../test/e2e/support/server';

/** The "discard" port: nothing listens there, so every proxied connection fails at once. */
const CLOSED_PROXY = 'http://127.0.0.1:9';
/** Same viewport as the e2e tests, so "visible part first" sees the same first screen. */
const VIEWPORT = { width: 1280, height: 900 };

export interface BenchBrowser {
  /** Variant name, as in the tables. */
  name: string;
  context: BrowserContext;
  /** chrome-extension://<id>/ of the loaded extension, or null for the baseline. */
  extensionOrigin: string | null;
  /** Requests for other hosts that got a response (must stay 0). */
  leaked: string[];
  close(): Promise<void>;
}

/** Chromium's id for an unpacked extension without a "key": sha256 of its absolute path, hex digits as a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

export async function launchBrowser(name: string, extensionDir: string | null): Promise<BenchBrowser> {
  const args = [...CHROMIUM_FLAGS, `--proxy-server=${CLOSED_PROXY}`, '--disable-site-isolation-trials'];
  if (extensionDir) {
    if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no extension at ${extensionDir}`);
    // --disable-extensions-except is required: Playwright adds --disable-extensions.
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    viewport: VIEWPORT,
    args,
  });
  const leaked: string[] = [];
  context.on('requestfinished', (req) => {
    if (isLocalUrl(req.url())) return;
    // Chromium answers http:// for HSTS hosts itself, with an internal 307 to https:// (which then fails).
    void req.response().then((res) => {
      if (!res?.headers()['non-authoritative-reason']) leaked.push(req.url());
    });
  });
  return {
    name,
    context,
    extensionOrigin: extensionDir ? `chrome-extension://${unpackedExtensionId(extensionDir)}/` : null,
    leaked,
    close: () => context.close().catch(() => undefined),
  };
}
