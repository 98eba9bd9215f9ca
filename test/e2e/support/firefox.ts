// Headless Firefox ESR with the built extension (dist/firefox), offline and watched.
//
// Per ../shared/e2e-recipes.md §4: puppeteer-core 24 over WebDriver BiDi, --remote-allow-system-access
// (else moz-extension:// navigation is refused), a fixed UUID for our gecko id set before launch
// (else the moz-extension:// host is random per profile), and an awaited installExtension().
//
// Nothing leaves 127.0.0.1, and every attempt is recorded, at two levels:
//   1. pages opened with newPage(): BiDi request interception records each request of the page
//      (content-script requests included) in `requests`, and aborts those not for 127.0.0.1.
//   2. Firefox's HTTP and HTTPS proxy is a trap proxy (server.ts): Firefox never proxies loopback,
//      so any connection for elsewhere, from pages, the extension's background page (which BiDi
//      does not expose) or Firefox itself, is recorded in `proxyAttempts` and refused.
// `offLoopback()` lists both; tests assert it is empty. See docs/browser-notes.md.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers';
import { ROOT, isLocalUrl, startTrapProxy } from './server';

/** browser_specific_settings.gecko.id in manifest.json. */
export const GECKO_ID = 'backstory@backstory-reader';
/** Any fixed UUID: the extension's pages are then at moz-extension://<this>/. */
export const EXTENSION_UUID = '5b7d9e0c-3a41-4f62-8d15-b2c4e6f80a13';

/** A closed loopback port ("discard"): where Firefox's own services are sent instead of the internet. */
const NOWHERE = 'http://127.0.0.1:9/';

/** Prefs that stop Firefox's own traffic, on top of the ones Puppeteer sets (updates, safe browsing, telemetry…). */
export function quietPrefs(): Record<string, unknown> {
  return {
    // Remote Settings (blocklists, and more): Puppeteer points it at dummy.test, which would go to the proxy.
    'services.settings.server': NOWHERE,
    // Web Push keeps a WebSocket to push.services.mozilla.com.
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': NOWHERE,
    // Captive portal and connectivity checks (detectportal.firefox.com).
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // No DNS over HTTPS, no DNS prefetch, no link prefetch, no speculative connections.
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.http.http3.enable': false,
    // Telemetry, studies, experiments, region lookup, sponsored tiles, accounts.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': NOWHERE,
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'identity.fxaccounts.enabled': false,
    // Add-on metadata, recommendations and system add-on updates.
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    // Safe-browsing list updates (Puppeteer turns the checks off, not the list downloads).
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    // Media plug-in downloads (OpenH264, Widevine).
    'media.gmp-manager.url': NOWHERE,
    'media.gmp-gmpopenh264.enabled': false,
    // Geolocation provider.
    'geo.provider.network.url': '',
  };
}

/** Prefs that send every non-loopback connection to the trap proxy at 127.0.0.1:port. */
function proxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1, // manual
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    // The default: localhost and 127.0.0.1 never go through the proxy, so the test server is reached directly.
    'network.proxy.allow_hijacking_localhost': false,
    // Leave DNS to the proxy (which resolves nothing).
    'network.proxy.socks_remote_dns': true,
  };
}

export interface ObservedRequest {
  url: string;
  method: string;
  /** Aborted because it was not for 127.0.0.1. */
  blocked: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  /** The fixed moz-extension:// host. */
  extensionUuid: string;
  /** What installExtension() returned (the gecko id). */
  extensionId: string;
  /** Requests of pages opened with newPage(), in order. */
  requests: ObservedRequest[];
  /** Connections for other hosts that reached the trap proxy. */
  proxyAttempts: string[];
  /** Uncaught page errors ("pageerror") of pages opened with newPage(). */
  pageErrors: string[];
  /** Everything that tried to leave 127.0.0.1: non-local requests plus proxy attempts. */
  offLoopback(): string[];
  /** A new tab whose requests are recorded, and aborted unless for 127.0.0.1. For web pages. */
  newPage(): Promise<Page>;
  /** moz-extension://<uuid>/<file> */
  extensionUrl(file: string): string;
  /** Opens an extension page in a new tab and waits for readySelector (see openExtensionPage). */
  openExtensionPage(file: string, readySelector: string, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Navigates `page` to a moz-extension:// URL and waits for `readySelector`. page.goto() never
 * resolves for extension pages in Firefox (no domContentLoaded/load events reach BiDi), so
 * navigate through the BiDi browsing context and poll, retrying a wait that the document swap
 * aborted. From ../shared/e2e-recipes.md §4.
 */
export async function openExtensionPage(
  page: Page,
  url: string,
  readySelector: string,
  timeoutMs = 10_000,
): Promise<ElementHandle<Element>> {
  // Puppeteer internal, not public API: the BiDi browsing context behind the main frame.
  const bidi = (page.mainFrame() as unknown as { browsingContext?: { navigate?: (u: string, wait: string) => Promise<unknown> } })
    .browsingContext;
  if (typeof bidi?.navigate === 'function') await bidi.navigate(url, 'complete');
  else page.goto(url).catch(() => {}); // fire and forget
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      if (handle) return handle;
    } catch (err) {
      if (Date.now() >= deadline) {
        throw new Error(`${url}: "${readySelector}" did not appear within ${timeoutMs} ms (${String(err)})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface LaunchFirefoxOptions {
  /** Unpacked extension folder (or .zip); default $BACKSTORY_FIREFOX_EXT or dist/firefox. */
  extensionDir?: string;
  /** Default true; HEADLESS=0 shows the window (needs a display, e.g. xvfb-run -a). */
  headless?: boolean;
  /**
   * A profile folder to keep (to test a restart on the same profile), with the extension installed
   * in it as an ordinary add-on (its zip in the profile's extensions/ folder, unsigned add-ons
   * allowed, as Firefox ESR permits) rather than as a temporary one, which Firefox removes, with
   * its storage, when it closes. Needs the zip: `extensionDir` must be one, default
   * dist/backstory-firefox-<version>.zip.
   */
  profileDir?: string;
  /** More preferences for this launch. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const executablePath = firefoxPath();
  const kept = options.profileDir !== undefined;
  const defaultExt = kept ? `dist/backstory-firefox-${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}.zip` : 'dist/firefox';
  const extDir = path.resolve(ROOT, options.extensionDir ?? process.env.BACKSTORY_FIREFOX_EXT ?? defaultExt);
  if (!existsSync(extDir.endsWith('.zip') ? extDir : path.join(extDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extDir}: run \`node build.mjs\` first.`);
  }
  const proxy = await startTrapProxy();
  // A fresh profile per run (Puppeteer would also make one; ours is removed for certain on close),
  // or the caller's, kept.
  const profile = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'backstory-firefox-'));
  if (kept) {
    if (!extDir.endsWith('.zip')) throw new Error('launchFirefox: a kept profile installs the extension from its zip');
    mkdirSync(path.join(profile, 'extensions'), { recursive: true });
    copyFileSync(extDir, path.join(profile, 'extensions', `${GECKO_ID}.xpi`));
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? process.env.HEADLESS !== '0',
      userDataDir: profile,
      args: ['--remote-allow-system-access', '--no-remote'],
      defaultViewport: { width: 1280, height: 900 },
      // Release builds honour services.settings.server only with this set (Remote Settings' own switch).
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        ...quietPrefs(),
        ...proxyPrefs(proxy.port),
        // An add-on in the profile: enabled at start-up without asking, unsigned allowed (ESR).
        ...(kept ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 } : {}),
        ...options.prefs,
      },
    });
  } catch (err) {
    await proxy.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    await browser.close().catch(() => {});
    await proxy.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
  };

  let extensionId = GECKO_ID;
  if (!kept) {
    try {
      // Awaited: launch({ enableExtensions }) does not wait, and a page opened too early may fail.
      extensionId = await browser.installExtension(extDir);
    } catch (err) {
      await close();
      throw new Error(`Firefox refused the extension in ${extDir}: ${String(err)}`);
    }
  }

  const requests: ObservedRequest[] = [];
  const pageErrors: string[] = [];
  const extensionUrl = (file: string) => `moz-extension://${EXTENSION_UUID}/${file.replace(/^\/+/, '')}`;

  return {
    browser,
    extensionUuid: EXTENSION_UUID,
    extensionId,
    requests,
    proxyAttempts: proxy.attempts,
    pageErrors,
    offLoopback: () => [
      ...requests.filter((r) => !isLocalUrl(r.url)).map((r) => `page ${r.method} ${r.url}`),
      ...proxy.attempts.map((a) => `proxy ${a}`),
    ],
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err instanceof Error ? err.message : String(err)}`));
      await page.setRequestInterception(true);
      page.on('request', (req: HTTPRequest) => {
        if (req.isInterceptResolutionHandled()) return;
        const local = isLocalUrl(req.url());
        requests.push({ url: req.url(), method: req.method(), blocked: !local });
        (local ? req.continue() : req.abort('blockedbyclient')).catch(() => {});
      });
      return page;
    },
    extensionUrl,
    async openExtensionPage(file, readySelector, timeoutMs) {
      // A plain tab: BiDi interception of moz-extension:// loads is not needed (they are local).
      const page = await browser.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${extensionUrl(file)}: ${err instanceof Error ? err.message : String(err)}`));
      await openExtensionPage(page, extensionUrl(file), readySelector, timeoutMs);
      return page;
    },
    close,
  };
}
