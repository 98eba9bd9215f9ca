// The store zips install and work: Chromium loads the unpacked contents of
// dist/backstory-chrome-<version>.zip (the Chrome Web Store takes the zip as it is), and Firefox
// installs dist/backstory-firefox-<version>.zip itself, as a temporary add-on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { ROOT, startServer, type StaticServer } from './support/server';
import { markIds, waitUntilStable } from './support/checks';

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const zip = (browser: string) => path.join(ROOT, `dist/backstory-${browser}-${version}.zip`);
const EXPECTED = ['antony-blinken', 'wang-yi', 'china'];
const WAIT = 15_000;

describe('store zip: Chromium', { timeout: 120_000 }, () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let dir: string;
  before(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-zip-'));
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip('chrome'))))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    browser = await launchChromium({ extensionDir: dir });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the zip’s extension highlights a page', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/core-entities.html'));
    await page.locator('mark[data-entity-id="antony-blinken"]').first().waitFor({ state: 'attached', timeout: WAIT });
    const ids = await waitUntilStable(() => page.evaluate(markIds));
    for (const id of EXPECTED) assert.ok(ids.includes(id), `no mark for ${id}`);
    await page.close();
  });
});

describe('store zip: Firefox', { timeout: 120_000 }, () => {
  let server: StaticServer;
  let browser: FirefoxSession;
  before(async () => {
    server = await startServer();
    browser = await launchFirefox({ extensionDir: zip('firefox') });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the zip installs as an add-on and highlights a page', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/core-entities.html'));
    await page.waitForSelector('mark[data-entity-id="antony-blinken"]', { timeout: WAIT });
    const ids = await waitUntilStable(() => page.evaluate(markIds));
    for (const id of EXPECTED) assert.ok(ids.includes(id), `no mark for ${id}`);
    await page.close();
  });
});
