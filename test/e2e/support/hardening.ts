// Helpers for the hardening tests (issue 7): read the hover card through its test hook, hover a
// mark with the real pointer, check that a mark is visible, and a second static server on
// 127.0.0.1 (another port, so another origin) that can also send response headers (CSP).
// Page functions stay flat (no nested named functions, see checks.ts) and return plain data.
import http from 'node:http';
import net from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { AnyPage, AnySession } from './any-browser';
import type { CardSnapshot, Rect } from '../../../src/content/card/test-hook';
import { PAGES_DIR } from './server';

export const HOSTILE_DIR = path.join(PAGES_DIR, 'hostile');

/** Runs in the page: asks the card's test hook for a snapshot (null when nothing answered). */
export function cardSnapshotInPage(): Promise<CardSnapshot | null> {
  return new Promise((resolve) => {
    document.documentElement.dataset.backstoryTest = '1';
    document.addEventListener('backstory-test-hook-reply', (e) => resolve(JSON.parse((e as CustomEvent<string>).detail) as CardSnapshot), { once: true });
    document.dispatchEvent(new CustomEvent('backstory-test-hook'));
    resolve(null);
  });
}

export interface MarkLook {
  display: string;
  visibility: string;
  opacity: string;
  rect: Rect;
  /** The mark (or its text) is what the page shows at the mark's centre. */
  onTop: boolean;
}

/** Runs in the page: how the first mark for `id` looks (null when there is none). */
export function markLook(id: string): MarkLook | null {
  const m = document.querySelector(`mark.backstory-mark[data-entity-id="${id}"]`);
  if (!m) return null;
  const s = getComputedStyle(m);
  const r = m.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return {
    display: s.display,
    visibility: s.visibility,
    opacity: s.opacity,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    onTop: hit === m || (!!hit && m.contains(hit)),
  };
}

/** Runs in the page: the element the page shows at a point is the card's host (the card is on top). */
export function cardHostAt(p: { x: number; y: number }): boolean {
  const hit = document.elementFromPoint(p.x, p.y);
  return !!hit && hit.hasAttribute('data-backstory-card');
}

export function assertVisible(look: MarkLook | null, what: string): asserts look is MarkLook {
  assert.ok(look, `${what}: no mark`);
  assert.equal(look.display, 'inline', `${what}: display`);
  assert.equal(look.visibility, 'visible', `${what}: visibility`);
  assert.equal(look.opacity, '1', `${what}: opacity`);
  assert.ok(look.rect.width > 0 && look.rect.height > 0, `${what}: empty rect ${JSON.stringify(look.rect)}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function cardSnapshot(page: AnyPage): Promise<CardSnapshot> {
  const snap = await page.evaluate(cardSnapshotInPage, undefined);
  assert.ok(snap, 'the card test hook did not answer (is the content script running?)');
  return snap;
}

export async function waitForCard(page: AnyPage, pred: (s: CardSnapshot) => boolean, what: string, timeoutMs = 15_000): Promise<CardSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await cardSnapshot(page);
    if (pred(s)) return s;
    if (Date.now() > deadline) throw new Error(`card: ${what} not seen within ${timeoutMs} ms; last: ${JSON.stringify(s).slice(0, 400)}`);
    await sleep(25);
  }
}

/** Moves the real pointer (Playwright or Puppeteer) to a point of the page. */
export async function movePointer(page: AnyPage, x: number, y: number): Promise<void> {
  const raw = page.raw as unknown as { mouse: { move(x: number, y: number, o?: { steps?: number }): Promise<void> } };
  await raw.mouse.move(x, y, { steps: 2 });
}

/** Clicks the real pointer (Playwright or Puppeteer) at a point of the page. */
export async function clickAt(page: AnyPage, x: number, y: number): Promise<void> {
  const raw = page.raw as unknown as { mouse: { click(x: number, y: number): Promise<void> } };
  await raw.mouse.click(x, y);
}

/**
 * Hovers the first mark for `id` and waits for its card to open with its content loaded; checks
 * that the card names the entity and lies inside the viewport with a non-zero size.
 */
export async function hoverCard(page: AnyPage, id: string, name: string): Promise<CardSnapshot> {
  const look = await page.evaluate(markLook, id);
  assert.ok(look, `no mark for ${id}`);
  // Away first, so that the move onto the mark is a fresh enter.
  await movePointer(page, 1, 1);
  await movePointer(page, look.rect.x + Math.min(look.rect.width / 2, 20), look.rect.y + look.rect.height / 2);
  const vp = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }), undefined);
  const inside = (r: CardSnapshot['rect']) =>
    !!r && r.width > 0 && r.height > 0 && r.x >= 0 && r.y >= 0 && r.x + r.width <= vp.width + 0.5 && r.y + r.height <= vp.height + 0.5;
  // Open, then its content rendered (first the frame and its close button, then the entity), then
  // placed: floating-ui places the card again when its content makes it grow, a frame later.
  const rendered = (s: CardSnapshot) => s.open && s.entityId === id && !s.text.includes('Loading') && s.text.includes(name);
  let last: CardSnapshot | undefined;
  const snap = await waitForCard(page, (s) => ((last = s), rendered(s) && inside(s.rect)), `open for ${id}, naming ${name}, inside the viewport`).catch((err: unknown) => {
    if (last && rendered(last)) assert.fail(`card ${JSON.stringify(last.rect)} inside the viewport ${JSON.stringify(vp)}`);
    throw err;
  });
  return snap;
}

/** Opens a page and waits until marks for all of `ids` are present. */
export async function openWithMarks(b: AnySession, url: string, ids: string[], timeoutMs = 15_000): Promise<AnyPage> {
  const page = await b.open(url);
  await page.waitFor((want) => want.every((id) => !!document.querySelector(`mark.backstory-mark[data-entity-id="${id}"]`)), ids, timeoutMs);
  return page;
}

export interface SideServer {
  origin: string;
  url(pathname: string): string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A second static server on 127.0.0.1 (another port: another origin) serving test/e2e/pages/hostile/
 * at /, with extra response headers per path. The harness lets only 127.0.0.1 through, so this
 * is how a page gets a cross-origin frame; it is also how a page gets a CSP *header*.
 */
export async function startSideServer(headers: Record<string, Record<string, string>> = {}): Promise<SideServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const file = path.resolve(HOSTILE_DIR, `.${pathname}`);
    if (!file.startsWith(HOSTILE_DIR + path.sep) || !file.endsWith('.html')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(headers[pathname] ?? {}) });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    origin,
    url: (p) => new URL(p, origin).href,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
