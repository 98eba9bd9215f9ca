// The alias rules of a reading pack keep it accurate on OTHER pages: a pack built from one
// fictional article, compiled with the built-in pack as the extension does, marks the names in
// fresh text and none of the traps (Capitol Hill, the Washington Post, first names, common words).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/types';
import { compileMatcher } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { PageMentions } from '../match/page-mentions';
import { aliasRules, allowedNeighbours } from './alias-rules';
import { buildReadingPack, defaultEdits, draftPack } from './index';
import type { ExtractedArticle } from './types';

const builtIn = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/bali-talks.json'), 'utf8')) as KnowledgeBase;

describe('aliasRules', () => {
  test('a person: full name as it is; surname only as a standalone second reference; no first name', () => {
    const { aliases } = aliasRules({ name: 'Fiona Hill', type: 'person', forms: ['Fiona Hill', 'Hill', 'Fiona'] });
    assert.deepEqual(aliases, [
      { form: 'Fiona Hill' },
      // "Hill" is a common word too: exact case, so "HILL" in a headline is not her.
      { form: 'Hill', standalone: true, secondReference: true, exactCase: true },
    ]);
    const wang = aliasRules({ name: 'Wang Yi', type: 'person', forms: ['Wang Yi', 'Wang'] });
    assert.equal(wang.aliases[1]!.form, 'Wang');
    assert.ok(wang.aliases[1]!.standalone && wang.aliases[1]!.secondReference, 'a family name first is a second reference');
  });

  test('a capital standing for its country is a second reference, never in "<capital> Post" or "<capital> state"', () => {
    const { aliases, neverMatch } = aliasRules({ name: 'United States', type: 'country', forms: ['US', 'Washington'] });
    assert.deepEqual(aliases.find((a) => a.form === 'Washington'), { form: 'Washington', secondReference: true, standalone: true });
    assert.deepEqual(aliases.find((a) => a.form === 'US'), { form: 'US', exactCase: true, notInCapitalsRun: true });
    for (const phrase of ['Washington Post', 'Washington state', 'University of Washington']) assert.ok(neverMatch.includes(phrase), phrase);
  });

  test('short forms: acronyms exact case; two letters also need the pack’s other names on the page', () => {
    const imf = aliasRules({ name: 'International Monetary Fund', type: 'organisation', forms: ['IMF'] }).aliases;
    assert.deepEqual(imf[1], { form: 'IMF', exactCase: true, notInCapitalsRun: true });
    const ap = aliasRules({ name: 'Allied Press', type: 'organisation', forms: ['AP'] }).aliases;
    assert.deepEqual(ap[1], { form: 'AP', exactCase: true, notInCapitalsRun: true, contextFromPack: true });
  });

  test('a single common word as a name is exact case and needs the pack’s other names', () => {
    const { aliases } = aliasRules({ name: 'Reading', type: 'place', forms: ['Reading'] });
    assert.deepEqual(aliases, [{ form: 'Reading', exactCase: true, contextFromPack: true }]);
  });

  test('a name of a known pack keeps that pack’s rule for the same form', () => {
    const china = builtIn.entities.find((e) => e.id === 'china')!;
    const { aliases } = aliasRules({ name: 'China', type: 'country', forms: ['China', 'PRC', 'Beijing'], known: china });
    assert.deepEqual(aliases.find((a) => a.form === 'PRC'), { form: 'PRC', exactCase: true });
    assert.deepEqual(aliases.find((a) => a.form === 'Beijing'), { form: 'Beijing' });
  });

  test('allowed neighbours: titles and openers, never first names', () => {
    const words = allowedNeighbours(['China'], ['Chinese']);
    for (const w of ['President', 'Minister', 'The', 'But', 'Monday', 'Chinese', "China's"]) assert.ok(words.includes(w), w);
    for (const w of ['Hunter', 'Vera', 'Jill', 'Fiona']) assert.ok(!words.includes(w), w);
  });
});

const ARTICLE: ExtractedArticle = {
  meta: { headline: 'Adviser tells inquiry of pressure from Washington', outlet: 'The Example Times', url: 'https://times.example/inquiry' },
  paragraphs: [
    'Adviser tells inquiry of pressure from Washington',
    'A former adviser described months of pressure over the loan talks',
    'Fiona Hill, a former adviser to the United States government, told the inquiry on Tuesday that Washington had pressed the International Monetary Fund (IMF) to delay a loan.',
    '“We were told to wait until after the vote,” Hill said. The IMF declined to comment.',
    'Hill said the United States had also asked Turkey and Norway for support. Washington did not respond.',
    'The inquiry will hear from Hill again next month, when the IMF is expected to give evidence.',
  ],
};

/** The names a page gets, as the content script would mark them with these packs on. */
function marks(packs: KnowledgeBase[], text: string): { id: string; text: string }[] {
  const { compiled } = compileMatcher(packs);
  const matcher = matcherFromCompiled(compiled);
  const page = new PageMentions<number>(matcher, { firstMentionOnly: false, types: { person: true, country: true, place: true, organisation: true, topic: true } });
  return page.add([{ node: 0, result: matcher.scan(text) }]).map(({ mention }) => ({ id: matcher.entityId(mention.entity), text: text.slice(mention.start, mention.end) }));
}

describe('a reading pack on other pages', () => {
  const draft = draftPack(ARTICLE, { known: [builtIn] });
  const built = buildReadingPack(draft, { ...defaultEdits(draft), excluded: [] }, new Date('2024-01-01T00:00:00Z'));
  assert.ok(built.ok, built.ok ? '' : built.errors.join('\n'));
  const pack = built.pack;
  const packs = [builtIn, pack];

  test('the pack has the article’s names, linked to the built-in ids', () => {
    const ids = pack.entities.map((e) => e.id).sort();
    for (const id of ['fiona-hill', 'international-monetary-fund', 'united-states', 'turkey', 'norway']) assert.ok(ids.includes(id), `${id} (has ${ids.join(', ')})`);
    assert.deepEqual(pack.entities.find((e) => e.id === 'united-states')!.aliases.map((a) => a.form).sort(), ['United States', 'Washington']);
  });

  test('fresh text: the names are marked', () => {
    const found = marks(packs, 'Fiona Hill returned to the inquiry. Hill said the IMF had not called her, and the United States and Turkey said nothing.');
    assert.deepEqual(found, [
      { id: 'fiona-hill', text: 'Fiona Hill' },
      { id: 'fiona-hill', text: 'Hill' },
      { id: 'international-monetary-fund', text: 'IMF' },
      { id: 'united-states', text: 'United States' },
      { id: 'turkey', text: 'Turkey' },
    ]);
  });

  test('"Hill" alone, Capitol Hill and a hill are not Fiona Hill', () => {
    assert.deepEqual(marks(packs, 'Senators on Capitol Hill met. Hill said the vote was near. The hill town voted.'), []);
  });

  test('the Washington Post, Washington state and George Washington are not the United States', () => {
    const text = 'The United States election: the Washington Post reported that Washington state and the University of Washington honoured George Washington.';
    assert.deepEqual(marks(packs, text).map((m) => m.text), ['United States']);
  });

  test('Washington counts for the United States on a page that names it', () => {
    assert.deepEqual(marks(packs, 'Officials in Washington said the United States would act.').map((m) => `${m.id}:${m.text}`), ['united-states:Washington', 'united-states:United States']);
    assert.deepEqual(marks(packs, 'Officials in Washington said nothing.'), [], 'not on a page that never names it');
  });

  test('first names and common words are never marked', () => {
    assert.deepEqual(marks(packs, 'Fiona went home. The inquiry heard that the fund, the loan and the vote were delayed; officials said it was an adviser’s job.'), []);
    assert.deepEqual(marks(packs, 'HILL STREET BLUES'), []);
  });
});
