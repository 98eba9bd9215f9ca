// Headless Chromium with the built extension (dist/chrome), offline and watched.
//
// Per ../shared/e2e-recipes.md §3: playwright-core's persistent context, --disable-extensions-except
// plus --load-extension (Playwright adds --disable-extensions, which would otherwise win), the
// extension id read from its service worker's URL.
//
// Nothing leaves 127.0.0.1, and every attempt is recorded, at two levels:
//   1. context.route: every request of pages, frames, content scripts and service workers (the
//      extension's too) is recorded in `requests`; those not for 127.0.0.1 are aborted.
//   2. --proxy-server pointing at a trap proxy (server.ts): Chromium never proxies loopback, so
//      any connection for elsewhere, including the browser's own background traffic that no page
//      event shows, is recorded in `proxyAttempts` and refused.
// `offLoopback()` lists both; tests assert it is empty.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './browsers';
import { ROOT, isLocalUrl, startTrapProxy } from './server';

export interface ObservedRequest {
  url: string;
  method: string;
  /** 'service-worker' for the extension's background (or any other worker), else 'page'. */
  source: 'page' | 'service-worker';
  /** Aborted because it was not for 127.0.0.1. */
  blocked: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Every request seen by the browser's network layer for pages and workers, in order. */
  requests: ObservedRequest[];
  /** Connections for other hosts that reached the trap proxy ("CONNECT host:443", "GET http://…"). */
  proxyAttempts: string[];
  /** Uncaught page errors ("pageerror"), with the page URL. */
  pageErrors: string[];
  /** Everything that tried to leave 127.0.0.1: non-local requests plus proxy attempts. */
  offLoopback(): string[];
  /** A new tab, 1280×900 (MOBILE_VIEWPORT when launched `mobile`). */
  newPage(): Promise<Page>;
  /** chrome-extension://<id>/<file> */
  extensionUrl(file: string): string;
  close(): Promise<void>;
}

/**
 * Flags that cut Chromium's own background traffic (all of it fails offline anyway). Playwright
 * already passes several of these and its own --disable-features list: do not pass another
 * --disable-features here, the last one given replaces Playwright's.
 */
export const CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--no-default-browser-check',
  // Debian's Chromium 156 still asks update.googleapis.com for component updates despite
  // --disable-component-update, and asks accounts.google.com (GAIA) at start-up: send both to a
  // closed loopback port (the "discard" port) instead. Found with the trap proxy below.
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--gaia-url=http://127.0.0.1:9/',
  // Pages with forms (the demo page has a search box and a comment form) make Chromium ask
  // content-autofill.googleapis.com for field types.
  '--autofill-server-url=http://127.0.0.1:9/',
];

export interface LaunchChromiumOptions {
  /** Unpacked extension folder; default $BACKSTORY_CHROME_EXT or dist/chrome. */
  extensionDir?: string;
  /** Default true; HEADLESS=0 shows the window (needs a display, e.g. xvfb-run -a). */
  headless?: boolean;
  /** A profile folder to keep (to test a restart on the same profile); default a temporary one. */
  userDataDir?: string;
  /** Emulate a phone: MOBILE_VIEWPORT, touch input, no hover (`hasTouch`, `isMobile`). */
  mobile?: boolean;
}

/** A common small phone, in CSS pixels. */
export const MOBILE_VIEWPORT = { width: 360, height: 740 };

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumSession> {
  const executablePath = chromiumPath();
  const extDir = path.resolve(ROOT, options.extensionDir ?? process.env.BACKSTORY_CHROME_EXT ?? 'dist/chrome');
  if (!existsSync(path.join(extDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extDir}: run \`node build.mjs\` first.`);
  }
  const proxy = await startTrapProxy();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
      executablePath,
      headless: options.headless ?? process.env.HEADLESS !== '0',
      ...(options.mobile ? { viewport: MOBILE_VIEWPORT, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 900 } }),
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        ...CHROMIUM_FLAGS,
        `--proxy-server=http://${proxy.host}:${proxy.port}`,
      ],
    });
  } catch (err) {
    await proxy.close();
    throw err;
  }

  const requests: ObservedRequest[] = [];
  const pageErrors: string[] = [];
  // Registered before anything navigates, so the first request is already covered.
  await context.route('**/*', async (route) => {
    const req = route.request();
    const local = isLocalUrl(req.url());
    requests.push({
      url: req.url(),
      method: req.method(),
      source: req.serviceWorker() ? 'service-worker' : 'page',
      blocked: !local,
    });
    if (local) await route.fallback();
    else await route.abort('blockedbyclient');
  });
  context.on('page', (page) => page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`)));

  const close = async () => {
    await context.close().catch(() => {});
    await proxy.close();
  };

  let serviceWorker: Worker;
  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  } catch (err) {
    await close();
    throw new Error(`The extension in ${extDir} did not start its service worker within 15 s: ${String(err)}`);
  }
  const extensionId = new URL(serviceWorker.url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    requests,
    proxyAttempts: proxy.attempts,
    pageErrors,
    offLoopback: () => [
      ...requests.filter((r) => !isLocalUrl(r.url)).map((r) => `${r.source} ${r.method} ${r.url}`),
      ...proxy.attempts.map((a) => `proxy ${a}`),
    ],
    async newPage() {
      const page = await context.newPage();
      return page;
    },
    extensionUrl: (file) => `chrome-extension://${extensionId}/${file.replace(/^\/+/, '')}`,
    close,
  };
}
