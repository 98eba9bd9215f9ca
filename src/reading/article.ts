/**
 * Takes the article out of a page: `@mozilla/readability` on a copy of the document finds the
 * story among the site's navigation, "most viewed" lists and footers; this module adds the
 * metadata Readability does not give (canonical URL, standfirst, a clean byline and date), numbers
 * the paragraphs in reading order (¶ 1 headline, ¶ 2 standfirst or '', body from ¶ 3) and drops
 * credit lines (photo credits, "Additional reporting by …"), whose names are not the story's.
 *
 * It refuses, with a message for the reader and without throwing, a document that is not a web
 * page, a page too big to read within the time budget, a page with no article, and an article in
 * a language the name rules do not cover. The document it is given is never changed.
 *
 * Pure: works on any DOM `Document` (DOMParser in an extension page, linkedom or happy-dom in
 * Node); no browser or extension API.
 */
import { Readability } from '@mozilla/readability';
import { isCreditLine } from './credits';
import { judgeLanguage } from './language';
import type { ArticleMeta, ArticleResult } from './types';

/**
 * Pages with more elements are refused before Readability runs: it scores every element, reading
 * the text of each candidate again, so its cost grows faster than the page. Measured in Chromium
 * (docs/reading-memory.md): the Daily Mail's article page (5,800 elements, the heaviest news page
 * of the corpus) in about 0.3 s, a Reddit thread (11,500) in over 3 s. The limit keeps a page
 * within the 1 s budget.
 */
export const MAX_PAGE_ELEMENTS = 8_000;
/** Pages with more text than this (about 150,000 words; a long article is 10,000) are refused. */
export const MAX_PAGE_TEXT_CHARS = 1_000_000;
/** An "article" shorter than this (about 80 words) is a teaser, a search page or an error page. */
export const MIN_ARTICLE_CHARS = 500;
/** A story has at least this many body paragraphs; fewer is a caption, a list or a form. */
export const MIN_BODY_PARAGRAPHS = 2;
/** A standfirst is a sentence or two: longer or shorter blocks with that class are something else. */
const STANDFIRST_LENGTH = { min: 30, max: 600 };
/** Bylines longer than this picked up page furniture ("Updated: … Share Text Size …"). */
const MAX_BYLINE_CHARS = 80;

/** Elements whose text is one paragraph of the article. */
const BLOCKS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'DD', 'DT', 'PRE']);
const BLOCK_SELECTOR = [...BLOCKS].map((t) => t.toLowerCase()).join(', ');
/** Parts of Readability's output that are not the story's running text. */
const SKIPPED = new Set(['FIGURE', 'FIGCAPTION', 'TABLE', 'ASIDE', 'NAV', 'FOOTER', 'FORM', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'SVG', 'PICTURE', 'VIDEO', 'AUDIO']);

/** Where pages put the standfirst (dek, strapline, summary under the headline). */
const STANDFIRST_SELECTORS = [
  '[class*="standfirst"]',
  '[data-component*="standfirst"]',
  '[class*="article-dek"]',
  '[class~="dek"]',
  '[class*="strapline"]',
  '[class*="subheadline"]',
  '[class*="sub-headline"]',
  '[class*="article-summary"]',
  '[itemprop="description"]',
].join(', ');


/** A body paragraph shorter than this, without a full stop, is page furniture ("Sign In", "Caption"). */
const MIN_PARAGRAPH_WORDS = 5;
/** Trailing " | section", " | byline" parts of a page title are at most this many words. */
const MAX_TITLE_SUFFIX_WORDS = 4;

/** Lines that belong to the page, not the story: dates, image counters, bare addresses. */
const FURNITURE_LINES = [/^(?:updated|published|posted|last (?:updated|modified))\b/i, /^(?:image|photo|slide) \d+ of\b/i, /^https?:\/\/\S+$/i, /^by\s+\S/i];

/** One line, single spaces, no surrounding white space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}


/** Page furniture that Readability kept inside the article: short labels, dates, counters. */
export function isFurniture(text: string, byline: string | undefined): boolean {
  if (FURNITURE_LINES.some((re) => re.test(text))) return true;
  if (byline && text.toLowerCase() === byline.toLowerCase()) return true;
  const words = text.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  return words < MIN_PARAGRAPH_WORDS && !/[.!?]["'’”)]*$/u.test(text);
}

/** The headline: the page's <h1> when the title agrees with it, else the title minus " | Section" parts. */
function chooseHeadline(doc: Document, title: string): string {
  const ogTitle = meta(doc, 'og:title', 'twitter:title') ?? '';
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    if (h1.closest('nav, aside, footer, [role="navigation"]')) continue;
    const text = cleanText(h1.textContent ?? '');
    if (text.length >= 10 && ((title !== '' && (title.includes(text) || text.startsWith(title.replace(/\.\.\.$|…$/, '')))) || ogTitle.includes(text))) return text;
  }
  let headline = title || ogTitle;
  for (;;) {
    const cut = headline.lastIndexOf(' | ');
    if (cut <= 0 || headline.slice(cut + 3).split(' ').length > MAX_TITLE_SUFFIX_WORDS) break;
    headline = headline.slice(0, cut);
  }
  return headline;
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content');
    if (value && value.trim() !== '') return cleanText(value);
  }
  return undefined;
}

/** An absolute http(s) address without its fragment, or undefined. */
function httpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** "2022-07-09", an ISO date and time as written, or any parseable date as UTC ISO; else undefined. */
export function isoDate(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** "By ROBERT BURNS, AP National Security Writer" → as written minus "By"; page furniture cut off. */
export function cleanByline(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let b = cleanText(raw).replace(/^by\s+/i, '');
  // Furniture after the names: "/ TNN / Updated: Oct 9", "| Published …", a date.
  b = b.split(/\s+[/|•·]\s+|\s+(?:updated|published|posted|last modified)\b/i)[0]!.trim();
  b = b.replace(/[,;:\s]+$/, '');
  if (b === '' || b.length > MAX_BYLINE_CHARS) return undefined;
  return b;
}

/** The declared language: <html lang>, Content-Language, og:locale ("en_GB" → "en-GB"). */
function declaredLanguage(doc: Document): string | undefined {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
    meta(doc, 'og:locale')?.replace('_', '-'),
  ];
  for (const c of candidates) {
    const tag = c?.trim().split(/[,\s]/)[0];
    if (tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return tag;
  }
  return undefined;
}

/** When a page names no site and has no address. */
const UNKNOWN_OUTLET = 'Unknown source';

/** The outlet's name, or the page's host name without "www.". */
function outletName(doc: Document, siteName: string | null | undefined, url: string | undefined): string {
  const named = cleanText(siteName ?? '') || meta(doc, 'og:site_name', 'application-name', 'publisher');
  // "The Tico Times | Costa Rica News | Travel": the name is the first part.
  if (named) return named.split(' | ')[0]!;
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : UNKNOWN_OUTLET;
  } catch {
    return UNKNOWN_OUTLET;
  }
}

/** Text blocks of Readability's article element, in reading order. */
function blockTexts(root: Element): string[] {
  const out: string[] = [];
  const visit = (el: Element) => {
    if (SKIPPED.has(el.tagName.toUpperCase())) return;
    const tag = el.tagName.toUpperCase();
    const hasBlockChild = el.querySelector(BLOCK_SELECTOR) !== null;
    if (BLOCKS.has(tag) && !hasBlockChild) {
      const text = cleanText(el.textContent ?? '');
      if (text !== '') out.push(text);
      return;
    }
    // Text directly inside a container (Readability keeps some DIVs) is a paragraph of its own.
    let loose = '';
    const flush = () => {
      const text = cleanText(loose);
      if (text !== '') out.push(text);
      loose = '';
    };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) loose += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as Element;
        const childTag = child.tagName.toUpperCase();
        if (BLOCKS.has(childTag) || child.children.length > 0 || SKIPPED.has(childTag) || childTag === 'DIV' || childTag === 'SECTION') {
          flush();
          visit(child);
        } else loose += child.textContent ?? '';
      }
    }
    flush();
  };
  visit(root);
  return out;
}

function findStandfirst(doc: Document, headline: string): string {
  for (const el of Array.from(doc.querySelectorAll(STANDFIRST_SELECTORS))) {
    if (el.closest('nav, aside, footer, header nav, [role="navigation"]')) continue;
    const text = cleanText(el.textContent ?? '');
    if (text.length >= STANDFIRST_LENGTH.min && text.length <= STANDFIRST_LENGTH.max && text !== headline) return text;
  }
  return '';
}

const failure = (reason: 'no-article' | 'too-large' | 'language' | 'not-html', message: string): ArticleResult => ({ ok: false, reason, message });

export interface ExtractOptions {
  /** For the ablation report only: keep credit lines as paragraphs. */
  keepCredits?: boolean;
  /** The page's own content type, when `doc` is a copy parsed from its markup (which always reads as HTML). */
  contentType?: string;
}

/** The article of a page, or a reader-facing reason why there is none. Never modifies `doc`. */
export function extractArticle(doc: Document, pageUrl: string, options: ExtractOptions = {}): ArticleResult {
  const type = options.contentType ?? (doc as { contentType?: string }).contentType;
  if (type && !/^(?:text\/html|application\/xhtml\+xml)$/i.test(type)) {
    return failure('not-html', `This is not a web page but a document of type ${type}. Backstory can add articles from web pages only, so nothing was added.`);
  }
  if (!doc.body || doc.querySelector('body > embed[type="application/pdf"], body > embed[type="application/x-google-chrome-pdf"]')) {
    return failure('not-html', 'This is not a web page (it looks like a PDF or another kind of document). Backstory can add articles from web pages only, so nothing was added.');
  }

  // Cheap size measures first: Readability's cost grows with the page, and the budget is 1 s.
  const elements = doc.body.querySelectorAll('*').length;
  if (elements > MAX_PAGE_ELEMENTS) {
    return failure('too-large', `This page is too big to read as an article (${elements.toLocaleString('en')} elements; the limit is ${MAX_PAGE_ELEMENTS.toLocaleString('en')}), so nothing was added.`);
  }
  const textLength = doc.body.textContent?.length ?? 0;
  if (textLength > MAX_PAGE_TEXT_CHARS) {
    return failure('too-large', `This page is too big to read as an article (${textLength.toLocaleString('en')} characters of text; the limit is ${MAX_PAGE_TEXT_CHARS.toLocaleString('en')}), so nothing was added.`);
  }

  const declared = declaredLanguage(doc);
  // Readability rewrites the document it reads: give it a copy.
  const copy = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(copy, { serializer: (node) => node, charThreshold: MIN_ARTICLE_CHARS }).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content as Element | null | undefined;
  const noArticle = 'Backstory found no article on this page (no run of story text long enough to be one), so nothing was added.';
  if (!parsed || !content) return failure('no-article', noArticle);

  const headline = chooseHeadline(doc, cleanText(parsed.title ?? '')) || cleanText(doc.querySelector('h1')?.textContent ?? '');
  if (headline === '') return failure('no-article', 'This page has no headline, so Backstory cannot tell what its article is; nothing was added.');
  const standfirst = findStandfirst(doc, headline);
  const byline = cleanByline(parsed.byline);
  const credit = (p: string) => !options.keepCredits && isCreditLine(p);
  const body = blockTexts(content).filter((p) => p !== headline && p !== standfirst && !credit(p) && !isFurniture(p, byline));
  const bodyChars = body.reduce((n, p) => n + p.length, 0);
  if (body.length < MIN_BODY_PARAGRAPHS || bodyChars < MIN_ARTICLE_CHARS) return failure('no-article', noArticle);

  const language = judgeLanguage(declared ?? parsed.lang ?? undefined, body.join(' '));
  if (!language.ok) return failure('language', language.message);

  const url =
    httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl) ??
    httpUrl(meta(doc, 'og:url'), pageUrl) ??
    httpUrl(pageUrl, '');
  const published = isoDate(parsed.publishedTime) ?? isoDate(meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate')) ?? isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const articleMeta: ArticleMeta = { headline, outlet: outletName(doc, parsed.siteName, url) };
  if (byline) articleMeta.byline = byline;
  if (published) articleMeta.published = published;
  if (url) articleMeta.url = url;
  const lang = declared ?? parsed.lang ?? undefined;
  articleMeta.language = lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
  return { ok: true, article: { meta: articleMeta, paragraphs: [headline, standfirst, ...body] } };
}
