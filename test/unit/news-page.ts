/**
 * Test helper: renders article text as a news page with site chrome around it (navigation, a
 * "Most viewed" aside naming other people, a footer, the usual meta tags), at test time, and
 * parses it with linkedom or happy-dom as the CLI and the review page would. Nothing of the shared
 * source article is copied into the project: tests pass its text in.
 */
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';

export interface NewsPage {
  headline: string;
  standfirst?: string;
  body: string[];
  outlet?: string;
  /** article:published_time */
  published?: string;
  canonical?: string;
  byline?: string;
  lang?: string;
  /** Names in the "Most viewed" aside: other stories' people, never the article's. */
  mostViewed?: string[];
  /** Extra markup inside <article>, after the body (captions, credits). Constant test markup only. */
  extraArticleHtml?: string;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function newsPageHtml(page: NewsPage): string {
  const outlet = page.outlet ?? 'The Guardian';
  const meta = [
    `<meta property="og:site_name" content="${esc(outlet)}">`,
    `<meta property="og:title" content="${esc(page.headline)}">`,
    page.published ? `<meta property="article:published_time" content="${esc(page.published)}">` : '',
    page.canonical ? `<link rel="canonical" href="${esc(page.canonical)}">` : '',
    page.standfirst ? `<meta name="description" content="${esc(page.standfirst)}">` : '',
    page.byline ? `<meta name="author" content="${esc(page.byline)}">` : '',
  ].join('\n');
  const mostViewed = (page.mostViewed ?? []).map((n) => `<li><a href="/other">${esc(n)} says the week went well</a></li>`).join('');
  return `<!doctype html>
<html lang="${esc(page.lang ?? 'en-GB')}"><head><meta charset="utf-8"><title>${esc(page.headline)} | World news | ${esc(outlet)}</title>
${meta}</head>
<body>
<header><nav><ul><li><a href="/world">World</a></li><li><a href="/uk">UK</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main>
<article>
<h1>${esc(page.headline)}</h1>
${page.standfirst ? `<div class="standfirst"><p>${esc(page.standfirst)}</p></div>` : ''}
${page.byline ? `<p class="byline"><a rel="author" href="/profile">${esc(page.byline)}</a></p>` : ''}
<div class="article-body">
${page.body.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${page.extraArticleHtml ?? ''}
</div>
</article>
<aside class="most-viewed"><h2>Most viewed</h2><ol>${mostViewed}</ol></aside>
</main>
<footer><p>© 2022 ${esc(outlet)} News &amp; Media Limited or its affiliated companies. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact us</a></li></ul></footer>
</body></html>`;
}

/** The page parsed by linkedom (what `npm run pack -- --html` uses). */
export function linkedomDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The page parsed by happy-dom, the project's other Node DOM. */
export function happyDomDocument(html: string, url = 'https://example.org/'): { document: Document; close: () => Promise<void> } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
