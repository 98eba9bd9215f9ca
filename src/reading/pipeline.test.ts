// End to end on a fictional news page: extractArticle → draftPack → defaultEdits →
// buildReadingPack gives a valid reading pack, in both Node DOMs (linkedom and happy-dom).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateKnowledgeBase } from '../kb/validate';
import { happyDomDocument, linkedomDocument, newsPageHtml } from '../../test/unit/news-page';
import { HARBOUR_PAGE } from '../../test/unit/reading-fixtures';
import { buildReadingPack, defaultEdits, draftPack, extractArticle } from './index';


for (const [dom, parse] of [
  ['linkedom', (html: string) => ({ document: linkedomDocument(html), close: async () => {} })],
  ['happy-dom', (html: string) => happyDomDocument(html)],
] as const) {
  test(`${dom}: a fictional news page becomes a valid reading pack`, async () => {
    const { document, close } = parse(newsPageHtml(HARBOUR_PAGE));
    try {
      const before = document.documentElement.outerHTML;
      const result = extractArticle(document, 'https://herald.example/news/2024/mar/14/ferry-link?utm=x#top');
      assert.equal(document.documentElement.outerHTML, before, 'the page is not changed');
      assert.ok(result.ok, result.ok ? '' : result.message);
      const { article } = result;
      assert.equal(article.meta.headline, HARBOUR_PAGE.headline);
      assert.equal(article.meta.outlet, 'The Harbour Herald');
      assert.equal(article.meta.published, '2024-03-14T09:30:00Z');
      assert.equal(article.meta.url, 'https://herald.example/news/2024/mar/14/ferry-link');
      assert.equal(article.meta.language, 'en-GB');
      assert.deepEqual(article.paragraphs, [HARBOUR_PAGE.headline, HARBOUR_PAGE.standfirst, ...HARBOUR_PAGE.body]);

      const draft = draftPack(article);
      const names = Object.fromEntries(draft.candidates.map((c) => [c.key, c]));
      for (const key of ['maren-osterholt', 'tomas-quill', 'norland', 'estavia', 'kelvik', 'baltic-ferry-company']) assert.ok(names[key], `${key} found`);
      for (const other of ['gregor-samsa', 'olivia-stonebridge', 'marcus-vell', 'petra-lindqvist']) assert.equal(names[other], undefined, `${other} is not the story's`);
      assert.deepEqual(names['maren-osterholt']!.forms.sort(), ['Maren Osterholt', 'Osterholt']);
      assert.deepEqual(names['baltic-ferry-company']!.forms.sort(), ['BFC', 'Baltic Ferry Company']);
      assert.equal(names['maren-osterholt']!.type, 'person');
      assert.equal(names['baltic-ferry-company']!.type, 'organisation');
      assert.equal(names['maren-osterholt']!.description, 'The Norland transport minister');
      assert.equal(names['tomas-quill']!.description, 'The Estavian foreign minister');

      const pack = buildReadingPack(draft, defaultEdits(draft), new Date('2024-03-15T10:00:00Z'));
      assert.ok(pack.ok, pack.ok ? '' : pack.errors.join('\n'));
      assert.deepEqual(validateKnowledgeBase(pack.pack, 'pack').errors, []);
      assert.equal(pack.pack.source.origin, 'reading');
      assert.equal(pack.pack.source.added, '2024-03-15T10:00:00.000Z');
      assert.equal(pack.pack.source.id, draft.packId);
      assert.match(pack.pack.source.id, /^reading-ferry-link-[0-9a-f]{8}$/, "from the article’s address (…/ferry-link)");
      const osterholt = pack.pack.entities.find((e) => e.id === 'maren-osterholt')!;
      assert.deepEqual(osterholt.quotes.map((q) => q.text), ['This link will bring our islands closer than they have been for a generation']);
      assert.deepEqual(osterholt.mentions, [4, 7]);
    } finally {
      await close();
    }
  });
}
