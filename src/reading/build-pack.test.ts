// From a reviewed draft to a pack: the reviewer's edits (untick, rename, retype, merge), the pack
// id from the URL, and the clear errors when edits cannot make a pack.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateKnowledgeBase } from '../kb/validate';
import { buildReadingPack } from './build-pack';
import { defaultEdits, draftPack } from './draft';
import { kebabId, readingPackId, shortHash } from './ids';
import type { ExtractedArticle } from './types';

const ARTICLE: ExtractedArticle = {
  meta: { headline: 'Norland and Estavia agree ferry link', outlet: 'The Harbour Herald', url: 'https://herald.example/ferry', published: '2024-03-14', byline: 'Petra Lindqvist', language: 'en' },
  paragraphs: [
    'Norland and Estavia agree ferry link',
    '',
    'Maren Osterholt, the Norland transport minister, met Tomas Quill in Kelvik on Thursday.',
    '“This link will bring our islands closer than ever,” Osterholt told reporters in Kelvik.',
    'Quill said Estavia would pay for the terminal. The Harbour Trust will run the sailings, with a stop at Saltby.',
    'Osterholt and Quill will meet again in Kelvik next month. Norland and Estavia hope to open the crossing in May.',
    'Mr Q. said little.',
  ],
};
const ADDED = new Date('2024-03-15T10:00:00Z');

describe('buildReadingPack', () => {
  const draft = draftPack(ARTICLE);
  const keys = draft.candidates.map((c) => c.key);

  test('the draft: names, types, counts and weak ones', () => {
    for (const k of ['maren-osterholt', 'tomas-quill', 'kelvik', 'norland', 'estavia', 'harbour-trust']) assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    const byKey = new Map(draft.candidates.map((c) => [c.key, c]));
    assert.equal(byKey.get('kelvik')!.count, 3);
    assert.equal(byKey.get('saltby')!.weak, true, 'one word named once');
    assert.equal(byKey.get('saltby')!.weakReason, 'one word, named once');
    assert.equal(byKey.get('harbour-trust')!.weak, false, 'a name of two words named once is not weak');
    assert.equal(byKey.get('maren-osterholt')!.weak, false);
    assert.deepEqual(defaultEdits(draft).excluded, draft.candidates.filter((c) => c.weak).map((c) => c.key));
  });

  test('default edits: a valid reading pack without the weak names; its source says where it is from', () => {
    const r = buildReadingPack(draft, defaultEdits(draft), ADDED);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.deepEqual(validateKnowledgeBase(r.pack, 'x').errors, []);
    const { source } = r.pack;
    assert.equal(source.origin, 'reading');
    assert.equal(source.id, readingPackId(ARTICLE.meta.headline, ARTICLE.meta.url));
    assert.equal(source.standfirst, '');
    assert.equal(source.summary, ARTICLE.paragraphs[2], 'no standfirst: the summary is the opening paragraph');
    assert.deepEqual(source.paragraphs, ARTICLE.paragraphs);
    assert.equal(source.paragraphCount, ARTICLE.paragraphs.length);
    assert.equal(source.byline, 'Petra Lindqvist');
    assert.equal(source.added, '2024-03-15T10:00:00.000Z');
    assert.ok(!r.pack.entities.some((e) => e.id === 'saltby'));
    assert.ok(r.pack.entities.some((e) => e.id === 'harbour-trust'));
    const quill = r.pack.entities.find((e) => e.id === 'tomas-quill')!;
    assert.deepEqual(quill.mentions, [3, 5, 6]);
    assert.ok(quill.related.some((x) => x.id === 'maren-osterholt'));
  });

  test('rename, retype, merge and untick', () => {
    const r = buildReadingPack(
      draft,
      {
        excluded: ['norland'],
        names: { 'tomas-quill': 'Tomas J. Quill' },
        types: { 'harbour-trust': 'organisation', kelvik: 'place' },
        merges: [{ from: 'estavia', into: 'kelvik' }],
      },
      ADDED,
    );
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    const byId = new Map(r.pack.entities.map((e) => [e.id, e]));
    assert.ok(!byId.has('norland') && !byId.has('estavia') && !byId.has('tomas-quill'));
    const quill = byId.get('tomas-j-quill')!;
    assert.equal(quill.name, 'Tomas J. Quill');
    assert.ok(quill.aliases.some((a) => a.form === 'Tomas J. Quill') && quill.aliases.some((a) => a.form === 'Tomas Quill'));
    assert.equal(byId.get('harbour-trust')!.type, 'organisation');
    const kelvik = byId.get('kelvik')!;
    assert.ok(kelvik.aliases.some((a) => a.form === 'Estavia'), 'merged forms are aliases of the entity kept');
    assert.deepEqual(kelvik.mentions, [1, 3, 4, 5, 6]);
    for (const e of r.pack.entities) for (const rel of e.related) assert.ok(byId.has(rel.id), `${e.id} → ${rel.id} exists`);
  });

  test('merging a quoted person keeps the quote under the kept id', () => {
    const r = buildReadingPack(draft, { merges: [{ from: 'maren-osterholt', into: 'tomas-quill' }] }, ADDED);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    const quill = r.pack.entities.find((e) => e.id === 'tomas-quill')!;
    assert.deepEqual(quill.quotes, [{ text: 'This link will bring our islands closer than ever', speaker: 'tomas-quill', paragraph: 4 }]);
  });

  test('a person retyped as a place loses its quotes (only people speak)', () => {
    const r = buildReadingPack(draft, { types: { 'maren-osterholt': 'place' } }, ADDED);
    assert.ok(r.ok);
    assert.deepEqual(r.pack.entities.find((e) => e.id === 'maren-osterholt')!.quotes, []);
  });

  test('edits that cannot make a pack: clear errors, no pack', () => {
    const cases: [Parameters<typeof buildReadingPack>[1], RegExp][] = [
      [{ excluded: keys }, /Nothing to save: every name is unticked/],
      [{ names: { kelvik: 'Norland' } }, /"Norland" and "Norland" would both be saved as "norland": merge them or rename one/],
      [{ names: { kelvik: '  ' } }, /The new name of "Kelvik" is empty/],
      [{ merges: [{ from: 'nobody', into: 'kelvik' }] }, /Cannot merge "nobody" into "kelvik": "nobody" is not a name of this draft/],
      [{ types: { kelvik: 'topic' as never } }, /"topic" is not a type/],
      [{ names: { kelvik: '!!!' } }, /no letters or digits/],
    ];
    for (const [edits, message] of cases) {
      const r = buildReadingPack(draft, edits, ADDED);
      assert.ok(!r.ok, `refused: ${JSON.stringify(edits)}`);
      assert.match(r.errors.join('\n'), message);
    }
  });
});

describe('ids', () => {
  test('entity ids as the built-in pack writes them', () => {
    assert.equal(kebabId('Antony Blinken'), 'antony-blinken');
    assert.equal(kebabId('United States'), 'united-states');
    assert.equal(kebabId('G20'), 'g20');
    assert.equal(kebabId("People's Republic of China"), 'peoples-republic-of-china');
    assert.equal(kebabId('Whangārei'), 'whangarei');
  });

  test('the pack id: from the address alone (a changed headline keeps it), from the headline without one', () => {
    const url = 'https://herald.example/world/2026/nov/02/norland-estavia-ferry-link-deal';
    const a = readingPackId('Norland and Estavia agree ferry link', url);
    assert.equal(a, `reading-norland-estavia-ferry-link-deal-${shortHash(url)}`);
    assert.equal(readingPackId('A changed headline', url), a);
    assert.equal(readingPackId('Norland and Estavia agree ferry link', `${url}#comments`), a, 'a #fragment is the same article');
    assert.notEqual(readingPackId('Norland and Estavia agree ferry link', 'https://herald.example/other-story'), a);
    assert.equal(readingPackId('Any', 'https://herald.example/article/123456.html'), `reading-herald-example-${shortHash('https://herald.example/article/123456.html')}`, 'a number is no name: the host instead');
    assert.match(readingPackId('Norland and Estavia agree ferry link', undefined), /^reading-norland-and-estavia-agree-ferry-[0-9a-f]{8}$/);
    assert.match(a, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
