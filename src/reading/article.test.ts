// extractArticle on small fictional pages: metadata, paragraph numbering, credits, and the pages it
// refuses with a message for the reader (not HTML, too big, no article, not English).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedomDocument, newsPageHtml, type NewsPage } from '../../test/unit/news-page';
import { MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS, cleanByline, extractArticle, isoDate } from './article';

const BODY = [
  'The council of Eastmere voted on Tuesday to close the old harbour bridge to traffic for a year while engineers repair its ironwork.',
  'Councillor Ada Brennan, who chairs the transport committee, said the repairs could not wait any longer after inspectors found rust in the main supports.',
  'Shopkeepers on the far side of the river said they feared losing trade during the busiest months of the season.',
  'A temporary ferry will carry pedestrians across the harbour every twenty minutes from next week, the council said in a statement.',
];
const PAGE: NewsPage = { headline: 'Eastmere closes harbour bridge for a year of repairs', standfirst: 'Engineers found rust in the supports of the Victorian bridge during a routine inspection', body: BODY, outlet: 'Eastmere Echo', published: '2023-05-02T08:00:00+01:00', canonical: '/news/bridge-closed', byline: 'By Tom Ferris' };

const extract = (page: NewsPage, url = 'https://echo.example/news/bridge-closed?ref=home') => extractArticle(linkedomDocument(newsPageHtml(page)), url);

describe('extractArticle: the article and its metadata', () => {
  test('headline ¶1, standfirst ¶2, body from ¶3; site chrome left out', () => {
    const r = extract({ ...PAGE, mostViewed: ['Someone Else'] });
    assert.ok(r.ok);
    assert.deepEqual(r.article.paragraphs, [PAGE.headline, PAGE.standfirst, ...BODY]);
    assert.deepEqual(r.article.meta, {
      headline: PAGE.headline,
      outlet: 'Eastmere Echo',
      byline: 'Tom Ferris',
      published: '2023-05-02T08:00:00+01:00',
      url: 'https://echo.example/news/bridge-closed',
      language: 'en-GB',
    });
  });

  test('no standfirst: ¶2 is empty and the body still starts at ¶3', () => {
    const r = extract({ ...PAGE, standfirst: undefined });
    assert.ok(r.ok);
    assert.equal(r.article.paragraphs[1], '');
    assert.equal(r.article.paragraphs[2], BODY[0]);
  });

  test('the address: canonical link, else og:url, else the page’s own (without its fragment); never a non-http one', () => {
    const noCanonical = extract({ ...PAGE, canonical: undefined }, 'https://echo.example/a#comments');
    assert.ok(noCanonical.ok);
    assert.equal(noCanonical.article.meta.url, 'https://echo.example/a');
    const local = extract({ ...PAGE, canonical: undefined }, 'file:///home/me/saved.html');
    assert.ok(local.ok);
    assert.equal(local.article.meta.url, undefined);
  });

  test('photo captions, credits and "Additional reporting by" are not paragraphs of the story', () => {
    const r = extract({
      ...PAGE,
      body: [...BODY, 'Additional reporting by Nadia Okafor in Westport', 'Photograph: Lars Hemming/Eastmere Echo'],
      extraArticleHtml: '<figure><img src="x.jpg" alt=""><figcaption>The bridge in 1890. Photograph: Greta Vole/Archive</figcaption></figure>',
    });
    assert.ok(r.ok);
    assert.deepEqual(r.article.paragraphs.slice(2), BODY);
  });

  test('the page is not changed', () => {
    const doc = linkedomDocument(newsPageHtml(PAGE));
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, 'https://echo.example/x');
    assert.equal(doc.documentElement.outerHTML, before);
  });

  test('bylines and dates as pages write them', () => {
    assert.equal(cleanByline('By ROBERT BURNS, AP National Security Writer'), 'ROBERT BURNS, AP National Security Writer');
    assert.equal(cleanByline('Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST'), 'Saibal Dasgupta');
    assert.equal(cleanByline(''), undefined);
    assert.equal(isoDate('2022-07-09'), '2022-07-09');
    assert.equal(isoDate('2019-11-20T11:19:29+0000'), '2019-11-20T11:19:29+0000');
    assert.equal(isoDate('Wed, 20 Nov 2019 11:19:29 GMT'), '2019-11-20T11:19:29.000Z');
    assert.equal(isoDate('yesterday'), undefined);
  });
});

describe('extractArticle: pages it refuses, with a reason and a message', () => {
  test('a page with no article: a search page, an empty page', () => {
    const search = linkedomDocument(
      '<html lang="en"><head><title>Search results</title></head><body><nav><a href="/">Home</a></nav><h1>Results for "bridge"</h1><ul>' +
        Array.from({ length: 8 }, (_, i) => `<li><a href="/r${i}">Result ${i}: bridge news</a></li>`).join('') +
        '</ul></body></html>',
    );
    for (const doc of [search, linkedomDocument('<html><head></head><body></body></html>')]) {
      const r = extractArticle(doc, 'https://echo.example/search?q=bridge');
      assert.ok(!r.ok);
      assert.equal(r.reason, 'no-article');
      assert.match(r.message, /no article/i);
    }
  });

  test('a PDF or another document type', () => {
    const pdf = linkedomDocument('<html><body><embed type="application/pdf" src="x.pdf"></body></html>');
    const r = extractArticle(pdf, 'https://echo.example/report.pdf');
    assert.ok(!r.ok);
    assert.equal(r.reason, 'not-html');
    const xml = { contentType: 'application/pdf', body: null } as unknown as Document;
    const r2 = extractArticle(xml, 'https://echo.example/report.pdf');
    assert.ok(!r2.ok && r2.reason === 'not-html' && r2.message.includes('application/pdf'));
    // A copy parsed from the markup of the browser's PDF viewer reads as HTML: the page's own type decides.
    const copy = linkedomDocument('<html><body><div id="viewer"></div></body></html>');
    const r3 = extractArticle(copy, 'https://echo.example/report.pdf', { contentType: 'application/pdf' });
    assert.ok(!r3.ok && r3.reason === 'not-html' && r3.message.includes('application/pdf'));
  });

  test('a 5 MB page is refused before Readability runs, saying how big it is and the limit', () => {
    const paragraph = `<p>${'Harbour news and more harbour news. '.repeat(140)}</p>`;
    const html = `<html lang="en"><body><article><h1>Very long page</h1>${paragraph.repeat(1000)}</article></body></html>`;
    assert.ok(html.length > 5_000_000);
    const r = extractArticle(linkedomDocument(html), 'https://echo.example/long');
    assert.ok(!r.ok);
    assert.equal(r.reason, 'too-large');
    assert.match(r.message, new RegExp(`characters of text; the limit is ${MAX_PAGE_TEXT_CHARS.toLocaleString('en')}`));
  });

  test('a page with too many elements is refused too', () => {
    const html = `<html lang="en"><body>${'<div><span>x</span></div>'.repeat(MAX_PAGE_ELEMENTS / 2 + 10)}</body></html>`;
    const r = extractArticle(linkedomDocument(html), 'https://echo.example/grid');
    assert.ok(!r.ok);
    assert.equal(r.reason, 'too-large');
    assert.match(r.message, new RegExp(`elements; the limit is ${MAX_PAGE_ELEMENTS.toLocaleString('en')}\\)`));
  });

  test('an article in another language: declared, or undeclared and not English', () => {
    const french = [
      'Le conseil municipal a voté mardi la fermeture du vieux pont du port pendant un an pour des travaux de réparation.',
      'La conseillère Ada Brennan, qui préside la commission des transports, a déclaré que les travaux ne pouvaient plus attendre.',
      'Les commerçants de l’autre rive craignent de perdre des clients pendant les mois les plus chargés de la saison.',
      'Un bac temporaire transportera les piétons toutes les vingt minutes à partir de la semaine prochaine.',
      'Les ingénieurs estiment que la structure métallique du pont devra être entièrement repeinte avant sa réouverture au public.',
    ];
    const declared = extract({ ...PAGE, body: french, lang: 'fr' });
    assert.ok(!declared.ok);
    assert.equal(declared.reason, 'language');
    assert.match(declared.message, /French \(fr\)/);
    const mislabelled = extract({ ...PAGE, headline: 'Le pont du port fermé pendant un an', standfirst: undefined, body: french, lang: 'en' });
    assert.ok(!mislabelled.ok);
    assert.equal(mislabelled.reason, 'language');
    assert.match(mislabelled.message, /does not read as English/);
  });
});
