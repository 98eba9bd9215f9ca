// The built-in pack's own article, rendered at test time as a Guardian news page with site chrome
// (navigation, a "Most viewed" list of other people, a footer), through the whole pipeline: the
// 16 core entities of ../shared/eval/ENTITIES.md, each once and merged, and little else.
// Needs ../shared (the article text is never copied into the project).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/types';
import { validateKnowledgeBase } from '../kb/validate';
import { linkedomDocument, newsPageHtml } from '../../test/unit/news-page';
import { buildReadingPack, defaultEdits, draftPack, extractArticle } from './index';
import type { Candidate, ExtractedArticle } from './types';

const root = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.resolve(root, '../shared/source-article.txt');
const ENTITIES_MD = path.resolve(root, '../shared/eval/ENTITIES.md');
const builtIn = JSON.parse(readFileSync(path.join(root, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;

/** People of other stories in the page's "Most viewed" list: never the article's names. */
const MOST_VIEWED = ['Rishi Sunak', 'Taylor Swift', 'Novak Djokovic', 'Boris Johnson'];

if (!existsSync(ARTICLE) || !existsSync(ENTITIES_MD)) {
  console.log('# ../shared not found: skipping the source-article extraction test');
} else {
  const lines = readFileSync(ARTICLE, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const coreIds = [...readFileSync(ENTITIES_MD, 'utf8').matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]!).filter((id) => id !== 'id');
  const html = newsPageHtml({
    headline: lines[0]!,
    standfirst: lines[1]!,
    body: lines.slice(2),
    outlet: 'The Guardian',
    published: '2022-07-09',
    canonical: 'https://www.theguardian.com/us-news/2022/jul/09/blinken-wang-yi-talks-bali',
    mostViewed: MOST_VIEWED,
  });
  const extracted = extractArticle(linkedomDocument(html), 'https://www.theguardian.com/us-news/2022/jul/09/blinken-wang-yi-talks-bali?CMP=share');

  describe('the source article as a Guardian news page', () => {
    test('the core list has 16 ids', () => assert.equal(coreIds.length, 16));

    test('the article is found, numbered as the article text (¶1 headline, ¶2 standfirst, body from ¶3)', () => {
      assert.ok(extracted.ok, extracted.ok ? '' : extracted.message);
      const { meta, paragraphs } = extracted.article;
      assert.deepEqual(paragraphs, lines);
      assert.equal(meta.outlet, 'The Guardian');
      assert.equal(meta.published, '2022-07-09');
      assert.equal(meta.url, 'https://www.theguardian.com/us-news/2022/jul/09/blinken-wang-yi-talks-bali');
    });

    const article = (extracted as { article: ExtractedArticle }).article;
    const hasForm = (c: Candidate | undefined, form: string) => c?.forms.includes(form) ?? false;

    test('on its own (no known packs) it finds every core entity once, merged', () => {
      const draft = draftPack(article);
      const byKey = new Map(draft.candidates.map((c) => [c.key, c]));
      // Without the built-in pack, "Biden" (of "the Biden administration") has no first name to give it.
      const expected = coreIds.map((id) => (id === 'joe-biden' ? 'biden' : id));
      for (const id of expected) assert.ok(byKey.has(id), `${id} found (found: ${[...byKey.keys()].join(', ')})`);
      assert.ok(hasForm(byKey.get('antony-blinken'), 'Blinken') && hasForm(byKey.get('antony-blinken'), 'Antony Blinken'), 'Blinken once');
      assert.ok(hasForm(byKey.get('wang-yi'), 'Wang'), 'Wang Yi once, with "Wang"');
      assert.ok(hasForm(byKey.get('china'), 'Beijing') && hasForm(byKey.get('china'), 'PRC'), 'China with Beijing and PRC');
      assert.ok(hasForm(byKey.get('united-states'), 'US'));
      const extra = draft.candidates.filter((c) => !expected.includes(c.key));
      assert.ok(extra.length <= 2, `little else: ${extra.map((c) => c.name).join(', ')}`);
      for (const c of draft.candidates) for (const person of MOST_VIEWED) assert.ok(!c.forms.some((f) => person.includes(f)), `${person} is not the story's`);
    });

    test('with the built-in pack known, the default pack holds the 16 core ids and little else', () => {
      const draft = draftPack(article, { known: [builtIn] });
      const built = buildReadingPack(draft, defaultEdits(draft), new Date('2024-05-01T12:00:00Z'));
      assert.ok(built.ok, built.ok ? '' : built.errors.join('\n'));
      const pack = built.pack;
      assert.deepEqual(validateKnowledgeBase(pack, 'reading pack').errors, []);
      const ids = pack.entities.map((e) => e.id);
      for (const id of coreIds) assert.ok(ids.includes(id), `${id} in the pack (has: ${ids.join(', ')})`);
      assert.ok(ids.length - coreIds.length <= 2, `little else: ${ids.filter((id) => !coreIds.includes(id)).join(', ')}`);
      assert.equal(new Set(ids).size, ids.length, 'no entity twice');
      const byId = new Map(pack.entities.map((e) => [e.id, e]));
      assert.equal(byId.get('joe-biden')!.name, 'Joe Biden', 'the known name');
      assert.equal(byId.get('wang-yi')!.description, 'The Chinese foreign minister');

      // Cited paragraphs are the article's line numbers.
      for (const e of pack.entities) {
        for (const f of e.facts) assert.ok(lines[f.paragraphs[0]! - 1]!.includes(f.text), `${e.id}: "${f.text}" is in line ${f.paragraphs[0]}`);
        for (const q of e.quotes) assert.ok(lines[q.paragraph - 1]!.includes(q.text), `${e.id}: quote in line ${q.paragraph}`);
        assert.ok(e.role === e.description || lines.some((l) => l.includes(e.role)), `${e.id}: role is a sentence of the article`);
      }
      assert.deepEqual(byId.get('sergei-lavrov')!.mentions, [9]);
      const blinken = byId.get('antony-blinken')!;
      assert.ok(blinken.quotes.some((q) => q.text === 'We are concerned about the PRC’s alignment with Russia' && q.paragraph === 5), 'Blinken quoted in ¶5');
      assert.ok(blinken.facts.some((f) => f.paragraphs[0] === 8 && f.text.startsWith('However, Blinken said he believed Russia')));
    });
  });
}
