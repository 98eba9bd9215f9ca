/**
 * Issue 13's "memory of 1,000 articles": MEMORY_ARTICLES generated reading packs ("Add this
 * article" packs, origin "reading") of NAMES_PER_ARTICLE people each, stored through the real
 * extension (one backup file restored on its options page: the pack engine in its Worker checks
 * and stores them and compiles the one matcher), and what a reader then pays:
 *   - the matcher ready on the page (the content script's `backstory:matcher-ready` measure: from
 *     asking storage for the compiled matcher to the matcher built);
 *   - adding one more article (the review page's Save: savePack → the Worker → compile every
 *     enabled pack → storage; until the page says it is saved);
 *   - the card's first open (first hover on a name → the card on screen, through the test hook).
 * The page cost and the heap are measured by main.ts with the same loads as the other suites.
 */
import type { Page } from 'playwright-core';
import type { Entity, KnowledgeBase } from '../src/kb/types';
import { validateKnowledgeBase } from '../src/kb/validate';
import { backupSettings, BACKUP_FORMAT, BACKUP_VERSION } from '../src/common/backup';
import { defaultSettings } from '../src/common/settings';
import type { BenchBrowser } from './browser';
import { PEOPLE } from './kb';
import { MATCHER_READY_MEASURE } from './config';
import { ARTICLE_WORDS, generatedArticle } from './reading';
import type { StaticServer } from '../test/e2e/support/server';
import { generatedReadingPack } from '../test/unit/reading-packs';

export const MEMORY_ARTICLES = 1_000;
/** The "about 30,000 names" over 1,000 articles. */
export const NAMES_PER_ARTICLE = 30;
/** Restoring 1,000 packs checks, stores and compiles them all: tens of seconds on a busy machine is slow, minutes is a hang. */
const RESTORE_TIMEOUT_MS = 300_000;
/** Saving one article: the target is 1 s; past this it is a hang. */
const SAVE_TIMEOUT_MS = 60_000;
/** The review page's list (or its message) on screen. */
const REVIEW_TIMEOUT_MS = 30_000;
/**
 * How long the reader looks at the names before pressing Save. Saving is prepared meanwhile (the
 * Worker compiles once while the review is on screen: prepareToSave in packs-store.ts); no reader
 * reviews thirty names in under a few seconds.
 */
const REVIEW_READING_MS = 4_000;
/** The card must open well within this after a hover (its dwell is 200 ms): past it, a failure. */
const CARD_TIMEOUT_MS = 10_000;


const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Article k's NAMES_PER_ARTICLE people: a window of the generated people list, so that articles
 * share people as a reader's do (15,600 people over 30,000 names), no two with one surname in an
 * article (the validator refuses clashing second references in one pack).
 */
function articlePeople(k: number): string[] {
  const out: string[] = [];
  const surnames = new Set<string>();
  for (let i = k * NAMES_PER_ARTICLE; out.length < NAMES_PER_ARTICLE; i++) {
    const name = PEOPLE[i % PEOPLE.length]!;
    const surname = name.slice(name.indexOf(' ') + 1);
    if (surnames.has(surname)) continue;
    surnames.add(surname);
    out.push(name);
  }
  return out;
}

/** Article k (0-based) as "Add this article" stores it: its paragraphs, and each person citing one. */
export function memoryPack(k: number): KnowledgeBase {
  const people = articlePeople(k);
  const paragraphs = [`Generated story ${k + 1}`, '', ...people.map((name, i) => `${name} spoke about item ${i + 1} of story ${k + 1} on a quiet morning. Officials promised a fuller account later in the week.`)];
  const entities: Entity[] = people.map((name, i) => {
    const sentence = paragraphs[i + 2]!.split('. ')[0]! + '.';
    return {
      id: kebab(name),
      name,
      type: 'person',
      description: `${name}, as named in generated story ${k + 1}.`,
      role: sentence,
      facts: [{ text: sentence, paragraphs: [i + 3] }],
      quotes: [],
      related: [],
      aliases: [{ form: name }, { form: name.slice(name.indexOf(' ') + 1), standalone: true, secondReference: true }],
    };
  });
  return generatedReadingPack(`reading-bench-${String(k).padStart(5, '0')}`, k, paragraphs, entities);
}

/** The backup file of a reader with MEMORY_ARTICLES articles added, all on, and default settings. */
export function memoryBackup(count = MEMORY_ARTICLES): string {
  const packs = Array.from({ length: count }, (_, k) => memoryPack(k));
  const { errors } = validateKnowledgeBase(packs[0]!, packs[0]!.source.id);
  if (errors.length > 0) throw new Error(`generated article pack is invalid:\n${errors.join('\n')}`);
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: '2026-12-01T00:00:00.000Z',
    settings: backupSettings(defaultSettings()),
    packs: packs.map((pack) => ({ from: 'reading', added: pack.source.added, enabled: true, pack })),
  });
}

export interface RestoreFigures {
  /** From choosing the file to the options page saying it is restored. */
  restoreMs: number;
  /** The compiled matcher every page reads from storage.local, bytes. */
  compiledBytes: number;
}

/** Restores the backup on the extension's options page, as a reader would (Merge). */
export async function restoreMemory(browser: BenchBrowser, backup: string): Promise<RestoreFigures> {
  if (!browser.extensionOrigin) throw new Error('the memory needs an extension');
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.extensionOrigin}options.html`);
    await page.waitForSelector('#backup-file:not([disabled])');
    const started = Date.now();
    await page.setInputFiles('#backup-file', { name: 'backstory-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await page.waitForSelector('.backup-apply, .backup-error', { timeout: RESTORE_TIMEOUT_MS });
    const refused = await page.$('.backup-error');
    if (refused) throw new Error(`options page refused the backup: ${await refused.textContent()}`);
    await page.click('.backup-apply');
    await page.waitForSelector('.backup-outcome, .backup-error', { timeout: RESTORE_TIMEOUT_MS });
    const failed = await page.$('.backup-error');
    if (failed) throw new Error(`restoring the backup failed: ${await failed.textContent()}`);
    const restoreMs = Date.now() - started;
    const compiledBytes = (await page.evaluate(`chrome.storage.local.getBytesInUse('compiledMatcher')`)) as number;
    return { restoreMs, compiledBytes };
  } finally {
    await page.close();
  }
}

/** The content script's matcher-ready measure on a loaded page, ms (null: none yet). */
export const matcherReadyMs = (page: Page): Promise<number | null> =>
  page.evaluate((name) => {
    const entries = performance.getEntriesByName(name, 'measure');
    return entries.length > 0 ? entries[0]!.duration : null;
  }, MATCHER_READY_MEASURE);

/**
 * `count` articles to add, each its own (the pack's id comes from the headline and the canonical
 * address): every Save then adds one more pack, as the issue asks, rather than replacing one.
 */
export function registerMemoryArticles(server: StaticServer, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const at = `/generated/memory-article-${i + 1}.html`;
    const html = generatedArticle(ARTICLE_WORDS).replace('/generated/article.html', at).replace(/Talks in Bali: a generated article/g, `Talks in Bali: generated article ${i + 1}`);
    return server.addPage(at, html);
  });
}

/** The part of the extension API used in an extension page. */
declare const chrome: { tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> } };

/**
 * Adds the article at `url` through the review page and returns the time from pressing Save, after
 * a reader's look at the names, to the page saying it is saved (savePack → the Worker → compile →
 * storage).
 */
export async function addOneArticle(browser: BenchBrowser, url: string): Promise<number> {
  const origin = browser.extensionOrigin!;
  const lookup = await browser.context.newPage();
  const article = await browser.context.newPage();
  const review = await browser.context.newPage();
  try {
    await lookup.goto(`${origin}options.html`);
    await article.goto(url, { waitUntil: 'load' });
    await article.bringToFront();
    const tabId = await lookup.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    await review.goto(`${origin}review.html?tab=${tabId}`);
    await review.waitForSelector('button[type=submit].primary:not([disabled]), .review .notice[role=alert]', { timeout: REVIEW_TIMEOUT_MS });
    const notice = await review.$('.review .notice[role=alert]');
    if (notice) throw new Error(`the review page found nothing to add: ${await notice.textContent()}`);
    // The reader looks at the review in its tab, in front: a tab left behind the article's got its
    // click about 1 s late from Playwright (its checks before clicking wait for frames).
    await review.bringToFront();
    await new Promise((r) => setTimeout(r, REVIEW_READING_MS));
    const started = Date.now();
    await review.click('button[type=submit].primary');
    await review.waitForSelector('.notice.saved, .import-error', { timeout: SAVE_TIMEOUT_MS });
    const ms = Date.now() - started;
    const error = await review.$('.import-error');
    if (error) throw new Error(`saving the article failed: ${await error.textContent()}`);
    return ms;
  } finally {
    for (const p of [review, article, lookup]) await p.close();
  }
}

export interface CardOpen {
  /** First hover on a name of a freshly loaded page → the card on screen (card.js loaded meanwhile). */
  firstMs: number;
  /** The same for a second name on the same page (card.js already loaded). */
  laterMs: number;
}

/**
 * In-page code (a string: tsx's helpers must not reach the page) that resolves with the time from
 * the pointer's arrival on a name to the first frame in which the card's test hook reports it open.
 */
const watchCardOpen = (timeoutMs: number) => `new Promise((resolve, reject) => {
  document.documentElement.dataset.backstoryTest = '1';
  let hoveredAt = null;
  const onOver = (e) => { if (hoveredAt === null && e.target.closest && e.target.closest('mark.backstory-mark')) hoveredAt = performance.now(); };
  document.addEventListener('pointerover', onOver, true);
  const giveUp = setTimeout(() => reject(new Error('the card did not open')), ${timeoutMs});
  const frame = () => {
    let snap = null;
    const reply = (e) => { snap = JSON.parse(e.detail); };
    document.addEventListener('backstory-test-hook-reply', reply, { once: true });
    document.dispatchEvent(new CustomEvent('backstory-test-hook'));
    document.removeEventListener('backstory-test-hook-reply', reply);
    if (hoveredAt !== null && snap && snap.open) {
      clearTimeout(giveUp);
      document.removeEventListener('pointerover', onOver, true);
      resolve(performance.now() - hoveredAt);
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/**
 * Hovers a name and measures, on the page's own clock, from the pointer's arrival on the name to
 * the first frame in which the card's test hook reports it open.
 */
async function timeCardOpen(page: Page, index: number): Promise<number> {
  const marks = page.locator('mark.backstory-mark');
  // Start from nowhere: the pointer off every name, no card.
  await page.mouse.move(1, 1);
  const watching = page.evaluate(watchCardOpen(CARD_TIMEOUT_MS)) as Promise<number>;
  await marks.nth(index).scrollIntoViewIfNeeded();
  await marks.nth(index).hover();
  return watching;
}

/** The card's first open and a later one, on `url` (a page with at least two names). */
export async function cardOpen(browser: BenchBrowser, url: string): Promise<CardOpen> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('mark.backstory-mark').length >= 2 && performance.getEntriesByName('backstory:highlighted').length > 0);
    const firstMs = await timeCardOpen(page, 0);
    await page.mouse.move(1, 1);
    await page.waitForFunction(`(() => {
      let open = true;
      document.addEventListener('backstory-test-hook-reply', (e) => { open = JSON.parse(e.detail).open; }, { once: true });
      document.dispatchEvent(new CustomEvent('backstory-test-hook'));
      return !open;
    })()`);
    const laterMs = await timeCardOpen(page, 1);
    return { firstMs, laterMs };
  } finally {
    await page.close();
  }
}
