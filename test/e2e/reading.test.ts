// "Add this article" (issue 12) in real browsers with the built extension (npm run build first).
// On a fictional news page with site chrome (test/e2e/pages/reading/), the popup offers "Add this
// article" and opens the review in a tab of its own; the review lists the article's names (not the
// byline, the photo credit, "additional reporting by" or the "Most viewed" list), weak ones
// unticked; the reader renames, retypes, unticks and merges, then saves; without a reload, a page
// that was already open and a later page highlight the saved names (not a first name alone, not
// "Halvorsen Street"); adding the same article again updates its pack; a search page, an empty
// page, a page in Norwegian, a 5 MB page and a page Backstory cannot read each get a clear message
// and store nothing; closing the review stores nothing; nothing leaves 127.0.0.1. Polls, no sleeps.
// Saves docs/screenshots/review.png (Chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import { BROWSERS, withBrowser, type AnyPage, type AnySession } from './support/any-browser';
import { ROOT, type StaticServer } from './support/server';
import { markIds, waitUntilStable } from './support/checks';
import { axeViolations, describeViolations } from './support/axe';
import { hoverCard, movePointer, waitForCard } from './support/hardening';
import { tinyPdf } from './support/tiny-pdf';

const ARTICLE = '/reading/article.html';
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const LATER = '/reading/later.html';
const TEST_TIMEOUT = 120_000;
const REVIEW_DONE = '.review .notice, ul.candidates > li.candidate';

interface CandidateView {
  key: string;
  name: string;
  type: string;
  included: boolean;
  meta: string;
}

/** Runs in the review page: every name listed, as the reader sees it. */
function candidates(): CandidateView[] {
  return Array.from(document.querySelectorAll('ul.candidates > li.candidate'), (li) => ({
    key: li.getAttribute('data-key') ?? '',
    name: (li.querySelector('input.candidate-name') as HTMLInputElement).value,
    type: (li.querySelector('.candidate-type select') as HTMLSelectElement).value,
    included: (li.querySelector('input.include') as HTMLInputElement).checked,
    meta: li.querySelector('.candidate-meta')?.textContent ?? '',
  }));
}

/** Runs in the review page: one edit made as a reader's input would (the same events). */
function edit(a: { key: string; what: 'include' | 'name' | 'type' | 'merge'; value: string | boolean }): boolean {
  const li = document.querySelector(`li.candidate[data-key="${a.key}"]`);
  if (!li) return false;
  if (a.what === 'include') {
    const box = li.querySelector('input.include') as HTMLInputElement;
    if (box.checked !== a.value) box.click();
    return true;
  }
  const field = li.querySelector(a.what === 'name' ? 'input.candidate-name' : a.what === 'type' ? '.candidate-type select' : '.candidate-merge select') as
    | HTMLInputElement
    | HTMLSelectElement;
  field.value = String(a.value);
  field.dispatchEvent(new Event(a.what === 'name' ? 'input' : 'change', { bubbles: true }));
  return true;
}

function clickButton(text: string): boolean {
  const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim().startsWith(text));
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

const bodyText = () => document.body.textContent ?? '';

/** The reading packs stored (in the extension's IndexedDB), read from one of its pages. */
async function readingPacks(b: AnySession): Promise<{ id: string; headline: string; url?: string; names: Record<string, string> }[]> {
  const page = await b.openExtension('options.html', 'body');
  try {
    type Pack = { source: { id: string; headline: string; url?: string; origin?: string }; entities: { id: string; name: string }[] };
    const packs = (await (page.raw as unknown as { evaluate(js: string): Promise<Pack[]> }).evaluate(`(async () => {
      // Opening a database that does not exist would create it empty: look first.
      if (!(await indexedDB.databases()).some((d) => d.name === 'backstory-packs')) return [];
      const db = await new Promise((res, rej) => { const r = indexedDB.open('backstory-packs'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const all = db.objectStoreNames.contains('packs')
        ? await new Promise((res, rej) => { const r = db.transaction('packs').objectStore('packs').getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); })
        : [];
      db.close();
      return all;
    })()`)) ?? [];
    return packs
      .filter((p) => p.source.origin === 'reading')
      .map((p) => ({ id: p.source.id, headline: p.source.headline, url: p.source.url, names: Object.fromEntries(p.entities.map((e) => [e.id, e.name])) }));
  } finally {
    await page.close();
  }
}

async function openReviewFor(b: AnySession, tabId: number): Promise<AnyPage> {
  return b.openExtension(`review.html?tab=${tabId}`, REVIEW_DONE);
}

async function openArticle(b: AnySession, server: StaticServer, path = ARTICLE): Promise<{ page: AnyPage; tabId: number }> {
  const page = await b.open(server.url(path));
  await page.waitFor(() => document.readyState === 'complete', null);
  return { page, tabId: await b.tabIdOf(server.url(path)) };
}

for (const name of BROWSERS) {
  describe(`reading memory: ${name}`, { timeout: 600_000 }, () => {
    let server: StaticServer;
    let b: AnySession;
    withBrowser(name, (s, browser) => {
      server = s;
      b = browser;
    });

    test('the popup offers "Add this article" and opens the review of that tab', { timeout: TEST_TIMEOUT }, async () => {
      const { page, tabId } = await openArticle(b, server);
      // The page must be readable first (the popup asks its content script).
      await page.waitFor(() => document.querySelector('mark.backstory-mark') !== null || document.readyState === 'complete', null);
      const popup = await b.openExtension(`popup.html?tab=${tabId}`, 'section.add-article button');
      const label = await popup.evaluate(() => {
        const button = document.querySelector('section.add-article button') as HTMLButtonElement;
        return button.textContent?.trim();
      }, null);
      assert.equal(label, 'Add this article');
      await popup.evaluate(() => (document.querySelector('section.add-article button') as HTMLButtonElement).click(), null);
      const reviewId = await pollTab(b, b.extensionUrl(`review.html?tab=${tabId}`));
      assert.ok(reviewId > 0);
      assert.deepEqual(await readingPacks(b), [], 'opening the review stores nothing');
      await popup.close();
      await page.close();
    });

    test('review, edit and save; open and later pages highlight the saved names without a reload', { timeout: TEST_TIMEOUT }, async () => {
      const { page: article, tabId } = await openArticle(b, server);
      // A page open before the save: it must follow without a reload.
      const later = await b.open(server.url(LATER));
      const review = await openReviewFor(b, tabId);
      const listed = await review.waitFor(() => {
        const rows = Array.from(document.querySelectorAll('ul.candidates > li.candidate'));
        return rows.length > 0 ? rows.length : 0;
      }, null);
      assert.ok(listed >= 5, `names listed: ${listed}`);
      const rows = await review.evaluate(candidates, null);
      const byName = (n: string) => rows.find((r) => r.name === n);
      for (const [n, type] of [
        ['Ingrid Halvorsen', 'person'],
        ['Einar Thorvaldsson', 'person'],
        ['Nordic Ferry Authority', 'organisation'],
        ['Norway', 'country'],
        ['Iceland', 'country'],
      ] as const) {
        assert.equal(byName(n)?.type, type, `${n} listed as a ${type}: ${JSON.stringify(rows.map((r) => [r.name, r.type]))}`);
        assert.equal(byName(n)?.included, true, `${n} ticked`);
      }
      const names = rows.map((r) => r.name).join(' | ');
      for (const credit of ['Clara Osei', 'Piet Sanders', 'Mikko Laine', 'Kylie Brandt', 'Oskar Lindqvist', 'Northern Ledger']) {
        assert.ok(!names.includes(credit), `"${credit}" is not one of the story's names: ${names}`);
      }
      // "Halvorsen" alone is the same person, merged rather than listed apart.
      assert.equal(rows.filter((r) => /Halvorsen/.test(r.name)).length, 1, names);
      assert.match(byName('Ingrid Halvorsen')!.meta, /fisheries minister/, 'described in the article’s own words');
      const weak = rows.filter((r) => !r.included);
      for (const w of weak) assert.match(w.meta, /left out: /, `a weak name says why: ${w.meta}`);
      const violations = await axeViolations(review.raw as unknown as { evaluate(js: string): Promise<unknown> });
      assert.deepEqual(violations, [], describeViolations(violations));
      if (name === 'chromium') {
        const raw = review.raw as PlaywrightPage;
        await raw.setViewportSize({ width: 900, height: 1100 });
        await mkdir(SCREENSHOTS, { recursive: true });
        await raw.screenshot({ path: path.join(SCREENSHOTS, 'review.png') });
      }

      // The reader's edits: rename, retype, untick, and merge a weak name into a kept one.
      const thorvaldsson = byName('Einar Thorvaldsson')!;
      const iceland = byName('Iceland')!;
      assert.ok(await review.evaluate(edit, { key: thorvaldsson.key, what: 'name', value: 'Einar Thorvaldsson (minister)' }));
      const ferry = byName('Nordic Ferry Authority')!;
      assert.ok(await review.evaluate(edit, { key: ferry.key, what: 'type', value: 'place' }));
      const norway = byName('Norway')!;
      assert.ok(await review.evaluate(edit, { key: norway.key, what: 'include', value: false }));
      const mergeable = rows.find((r) => r.key !== iceland.key && r.key !== norway.key && r.key !== ferry.key && r.key !== thorvaldsson.key && r.name !== 'Ingrid Halvorsen');
      if (mergeable) assert.ok(await review.evaluate(edit, { key: mergeable.key, what: 'merge', value: iceland.key }));
      const after = await review.evaluate(candidates, null);
      if (mergeable) assert.equal(after.find((r) => r.key === mergeable.key), undefined, 'a merged name leaves the list');

      assert.ok(await review.waitFor(clickButton, 'Save'));
      await review.waitFor(() => /now highlighted on every page/.test(document.querySelector('.notice.saved')?.textContent ?? ''), null);
      const [pack] = await readingPacks(b);
      assert.ok(pack, 'one reading pack stored');
      assert.equal(pack.headline, 'Harbour towns sign the Skerry Accord on shared ferries');
      assert.equal(pack.url, server.url(ARTICLE), 'the canonical address, resolved against the page');
      assert.equal(pack.names[thorvaldsson.key] ?? Object.values(pack.names).find((n) => n.startsWith('Einar')), 'Einar Thorvaldsson (minister)');
      assert.ok(!Object.values(pack.names).includes('Norway'), 'an unticked name is not saved');
      assert.ok(Object.values(pack.names).includes('Ingrid Halvorsen'));

      // The page that was open all along, and the article itself, follow without a reload.
      const ids = Object.keys(pack.names);
      const halvorsen = ids.find((id) => pack.names[id] === 'Ingrid Halvorsen')!;
      await later.waitFor((id: string) => document.querySelectorAll(`mark[data-entity-id="${id}"]`).length >= 2, halvorsen);
      await waitUntilStable(() => later.evaluate(markIds, null));
      const laterMarks = await later.evaluate(() => Array.from(document.querySelectorAll('mark[data-entity-id]'), (m) => [m.getAttribute('data-entity-id'), m.textContent]), null);
      const texts = laterMarks.filter(([id]) => id === halvorsen).map(([, t]) => t);
      assert.deepEqual(texts, ['Ingrid Halvorsen', 'Halvorsen'], `the full name and a second reference; not "Ingrid Jensen", not "Halvorsen Street": ${JSON.stringify(laterMarks)}`);
      assert.ok(laterMarks.some(([, t]) => t === 'Nordic Ferry Authority'), JSON.stringify(laterMarks));
      await article.waitFor((id: string) => document.querySelector(`mark[data-entity-id="${id}"]`) !== null, halvorsen);

      // The card: the background "from your reading", dated, with the article's sentences, and
      // citations that open the article at the cited sentence.
      await later.evaluate(() => document.documentElement.setAttribute('data-backstory-test', '1'), null);
      const card = await hoverCard(later, halvorsen, 'Ingrid Halvorsen');
      assert.ok(card.text.includes('From your reading · The Northern Ledger · 20 Nov 2026'), card.text);
      assert.ok(card.text.includes('“Harbour towns sign the Skerry Accord'), card.text);
      const more = card.buttons.find((x) => x.label === 'More');
      assert.ok(more, `a More button: ${JSON.stringify(card.buttons.map((x) => x.label))}`);
      await movePointer(later, more.x + more.width / 2, more.y + more.height / 2);
      await (later.raw as unknown as { mouse: { down(): Promise<void>; up(): Promise<void> } }).mouse.down();
      await (later.raw as unknown as { mouse: { down(): Promise<void>; up(): Promise<void> } }).mouse.up();
      const expanded = await waitForCard(later, (x) => x.open && x.links.length > 0, 'citations once expanded');
      const articleUrl = server.url(ARTICLE);
      assert.ok(expanded.links.every((l) => l.href.startsWith(`${articleUrl}#:~:text=`) && l.target === '_blank'), JSON.stringify(expanded.links));
      assert.ok(/Halvorsen/.test(expanded.text), expanded.text);
      assert.deepEqual(b.offLoopback(), [], 'nothing left 127.0.0.1');
      for (const p of [review, later, article]) await p.close();
    });

    test('adding the same article again updates its pack instead of adding another', { timeout: TEST_TIMEOUT }, async () => {
      const before = await readingPacks(b);
      assert.equal(before.length, 1);
      const { page, tabId } = await openArticle(b, server);
      const review = await openReviewFor(b, tabId);
      await review.waitFor(() => /You added this article on/.test(document.body.textContent ?? ''), null);
      assert.ok(await review.waitFor(clickButton, 'Save'));
      await review.waitFor(() => /^Updated/.test(document.querySelector('.notice.saved')?.textContent?.trim() ?? ''), null);
      const now = await readingPacks(b);
      assert.deepEqual(now.map((p) => p.id), before.map((p) => p.id));
      await review.close();
      await page.close();
    });

    test('closing the review without saving stores nothing', { timeout: TEST_TIMEOUT }, async () => {
      server.addPage('/reading/other.html', (await fetchText(server, ARTICLE)).replace(/Skerry Accord on shared ferries/g, 'Fjord Pact on night buses').replace('/reading/article.html', '/reading/other.html'));
      const before = await readingPacks(b);
      const { page, tabId } = await openArticle(b, server, '/reading/other.html');
      const review = await openReviewFor(b, tabId);
      await review.waitFor(() => document.querySelector('ul.candidates > li.candidate') !== null, null);
      await review.close();
      assert.deepEqual(await readingPacks(b), before);
      await page.close();
    });

    test('pages without a usable article get a clear message and store nothing', { timeout: TEST_TIMEOUT }, async () => {
      const before = await readingPacks(b);
      server.addPage('/reading/empty.html', '<!doctype html><html lang="en"><head><title>Nothing here</title></head><body></body></html>');
      const paragraph = `<p>${'The committee met again on Tuesday to discuss the harbour budget and the ferry timetable for the winter season. '.repeat(40)}</p>\n`;
      server.addPage('/reading/huge.html', `<!doctype html><html lang="en"><head><title>Huge</title></head><body><article><h1>A very long page</h1>${paragraph.repeat(1_200)}</article></body></html>`);
      const cases: [string, RegExp][] = [
        ['/reading/search.html', /no article|not find an article|find no article/i],
        ['/reading/empty.html', /no article|not find an article|find no article/i],
        ['/reading/norsk.html', /English|language/i],
        ['/reading/huge.html', /too (large|long|big)/i],
      ];
      for (const [path, expected] of cases) {
        const { page, tabId } = await openArticle(b, server, path);
        const review = await openReviewFor(b, tabId);
        const message = await review.waitFor(() => document.querySelector('.review .notice[role="alert"]')?.textContent ?? '', null, 30_000);
        assert.match(message, expected, `${path}: ${message}`);
        assert.equal(await review.evaluate(() => document.querySelector('ul.candidates'), null), null, `${path}: nothing to review`);
        await review.close();
        await page.close();
      }
      // A PDF in the browser's own viewer: Chromium runs the content script on the viewer's page,
      // Firefox does not; either way the review says this is not a web page or cannot be read.
      const pdfUrl = server.addPage('/reading/report.pdf', tinyPdf('Antony Blinken met Wang Yi in Bali for five hours.'), 'application/pdf');
      const pdfPage = await b.open(pdfUrl);
      const pdfTab = await pollTab(b, pdfUrl);
      const pdfReview = await openReviewFor(b, pdfTab);
      const pdfMessage = await pdfReview.waitFor(() => document.querySelector('.review .notice[role="alert"]')?.textContent ?? '', null, 30_000);
      assert.match(pdfMessage, /not a web page|could not read that page/, pdfMessage);
      assert.equal(await pdfReview.evaluate(() => document.querySelector('ul.candidates'), null), null, 'a PDF: nothing to review');
      await pdfReview.close();
      await pdfPage.close();
      // A tab Backstory cannot read (an extension page stands in for a browser page: no content
      // script runs there): the popup offers nothing to add, and the review says why.
      const options = await b.openExtension('options.html', 'body');
      const optionsTab = await b.tabIdOf(b.extensionUrl('options.html'));
      const popup = await b.openExtension(`popup.html?tab=${optionsTab}`, '.note');
      await popup.waitFor(() => /cannot read this page/.test(document.body.textContent ?? ''), null);
      assert.equal(await popup.evaluate(() => document.querySelector('section.add-article'), null), null);
      const review = await openReviewFor(b, optionsTab);
      assert.match(await review.evaluate(bodyText, null), /could not read that page/);
      for (const p of [review, popup, options]) await p.close();
      assert.deepEqual(await readingPacks(b), before, 'nothing stored');
      assert.deepEqual(b.offLoopback(), []);
    });
  });
}

async function pollTab(b: AnySession, url: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await b.tabIdOf(url);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function fetchText(server: StaticServer, path: string): Promise<string> {
  return (await fetch(server.url(path))).text();
}
