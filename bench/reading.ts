/**
 * "Add this article" speed: the time from opening the review page to the list of names on
 * screen (the page's own `backstory:review-ready` mark), which covers loading the review bundle,
 * asking the tab for its page, Readability, finding the names and rendering them. A fresh browser
 * per load, as a reader's first "Add this article" after starting the browser: no code cache.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { paragraphs } from './pages';
import { fmt, spread, type Spread } from './stats';
import type { StaticServer } from '../test/e2e/support/server';

/** What the review page marks once the names are listed (src/review/ReviewApp.tsx). */
const REVIEW_READY_MARK = 'backstory:review-ready';
/** The review is done when its list or a message is on screen. */
const REVIEW_DONE = 'ul.candidates > li.candidate, .review .notice';
/** A review that takes longer than this is reported as timed out. */
const REVIEW_TIMEOUT_MS = 30_000;
/** The article length for the speed target. */
export const ARTICLE_WORDS = 2_000;
/** The target: extracted and ready for review within a second. */
export const READY_TARGET_MS = 1_000;

/** The part of the extension API used in the lookup page. */
declare const chrome: { tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> } };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A generated news article of at least `words` words inside site chrome, with the metadata a news page has. */
export function generatedArticle(words: number): string {
  const body: string[] = [];
  let count = 0;
  for (const text of paragraphs({ count: 200 })) {
    if (count >= words) break;
    body.push(`<p>${escapeHtml(text)}</p>`);
    count += text.split(/\s+/).length;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Talks in Bali: a generated article | Bench Times</title>
<meta property="og:site_name" content="Bench Times"><meta property="article:published_time" content="2026-11-02T09:00:00Z">
<link rel="canonical" href="/generated/article.html"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>Talks in Bali: a generated article</h1>
<p class="standfirst">Generated for Backstory's benchmark; not real news.</p>
${body.join('\n')}
</article></main>
<aside><h2>Most viewed</h2><ul><li><a href="/a">Mary Smith wins the local election</a></li><li><a href="/b">John Brown retires</a></li></ul></aside>
<footer>© Bench Times</footer></body></html>`;
}

export interface ReadingFigures {
  label: string;
  words: number;
  ready: Spread | null;
  /** Names listed in the review (last load), or the message shown instead. */
  outcome: string;
}

async function activeTabId(lookup: Page): Promise<number> {
  return lookup.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/** `runs` loads of the review of `url`, each in a fresh browser with the extension in `distDir`. */
export async function reviewSpeed(distDir: string, label: string, url: string, runs: number): Promise<ReadingFigures> {
  const times: number[] = [];
  let outcome = '';
  let words = 0;
  for (let i = 0; i < runs; i++) {
    const b = await launchBrowser('Backstory', distDir);
    try {
      const origin = b.extensionOrigin!;
      const lookup = await b.context.newPage();
      await lookup.goto(`${origin}options.html`);
      const article = await b.context.newPage();
      await article.goto(url, { waitUntil: 'load' });
      words = await article.evaluate(() => (document.querySelector('article')?.textContent ?? document.body.textContent ?? '').split(/\s+/).filter(Boolean).length);
      // The content script runs at document_idle: wait for it to answer before asking it for the page.
      await article.waitForFunction(() => document.readyState === 'complete');
      await article.bringToFront();
      const tabId = await activeTabId(lookup);
      const review = await b.context.newPage();
      await review.goto(`${origin}review.html?tab=${tabId}`);
      await review.waitForSelector(REVIEW_DONE, { timeout: REVIEW_TIMEOUT_MS });
      const result = await review.evaluate((mark) => {
        const entry = performance.getEntriesByName(mark)[0];
        const rows = document.querySelectorAll('ul.candidates > li.candidate').length;
        return { at: entry ? entry.startTime : null, rows, notice: document.querySelector('.review .notice')?.textContent ?? '' };
      }, REVIEW_READY_MARK);
      if (result.at !== null) times.push(result.at);
      outcome = result.at !== null ? `${result.rows} names` : `message: ${result.notice.slice(0, 80)}`;
    } finally {
      await b.close();
    }
  }
  return { label, words, ready: spread(times), outcome };
}

export const readyCell = (f: ReadingFigures) => fmt(f.ready, ' ms');

export function registerArticle(server: StaticServer): string {
  return server.addPage('/generated/article.html', generatedArticle(ARTICLE_WORDS));
}
