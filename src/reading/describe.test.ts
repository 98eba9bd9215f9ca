// Descriptions, roles, facts, quotes and related names, all in the article's own words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUOTE_WORDS } from '../kb/validate';
import { appositive, typeOfDescription, factsFor, quotesBySpeaker, relatedNames, shortQuote, type Located, type PersonMention } from './describe';
import { articleSentences, type ArticleSentence } from './names';

/** Where `name` stands in `sentence` (its first occurrence). */
function at(sentence: ArticleSentence, name: string): Located {
  const start = sentence.text.indexOf(name);
  assert.ok(start !== -1, `${name} in "${sentence.text}"`);
  return { sentence, start, end: start + name.length };
}

describe('appositive', () => {
  const cases: [string, string, string | undefined][] = [
    ['Antony Blinken, the US secretary of state, said on Saturday.', 'Antony Blinken', 'the US secretary of state'],
    ['He spoke to the Chinese foreign minister, Wang Yi, about trade.', 'Wang Yi', 'the Chinese foreign minister'],
    ['The Estavian foreign minister, Tomas Quill, said no.', 'Tomas Quill', 'The Estavian foreign minister'],
    ['Kelvik is a port city on the northern coast.', 'Kelvik', 'a port city on the northern coast'],
    ['Quill, who said little, left.', 'Quill', undefined],
    ['Ukraine, Europe, a slowdown in his view, and more.', 'Europe', undefined],
    ['Quill said the deal was done.', 'Quill', undefined],
    ['Ingrid Halvorsen, Norway’s fisheries minister, signed the accord.', 'Ingrid Halvorsen', 'Norway’s fisheries minister'],
    ["Tomas Quill, the Estavian Republic's envoy, left.", 'Tomas Quill', "the Estavian Republic's envoy"],
    ['He met China’s foreign minister, Wang Yi, in Bali.', 'Wang Yi', 'China’s foreign minister'],
    ['She signed it with her Icelandic counterpart, Einar Thorvaldsson, in Tromsø.', 'Einar Thorvaldsson', 'her Icelandic counterpart'],
    ['Quill, her rival, left.', 'Quill', 'her rival'],
    ['Quill, Osterholt, Brandt and others left.', 'Quill', undefined],
    ['Quill, his party said, would stand.', 'Quill', undefined],
  ];
  for (const [sentence, name, want] of cases) {
    test(`${name} in "${sentence}"`, () => {
      const start = sentence.indexOf(name);
      assert.equal(appositive(sentence, start, start + name.length), want);
    });
  }
});

test('a description’s head noun types a name: organisations and places, never people', () => {
  assert.equal(typeOfDescription('Norway’s parliament'), 'organisation');
  assert.equal(typeOfDescription('the country’s largest bank'), 'organisation');
  assert.equal(typeOfDescription('a port city on the northern coast'), 'place');
  assert.equal(typeOfDescription('the ministry of fisheries'), 'organisation');
  assert.equal(typeOfDescription('the owner of the ferry company'), undefined);
  assert.equal(typeOfDescription('her Icelandic counterpart'), undefined);
});

describe('facts and quotes', () => {
  const paragraphs = [
    'Quill and Osterholt agree ferry deal',
    '',
    'Tomas Quill met Maren Osterholt in Kelvik. They talked for an hour.',
    '“This link will bring our islands closer than they have been for a generation,” Osterholt told reporters.',
    'Quill was pleased. “It is a fair bargain,” he said. “Both sides gain from it and nobody loses anything at all, which is rare in these talks, as everyone here knows very well by now.”',
    'Critics called it “a costly mistake”.',
  ];
  const sentences = articleSentences(paragraphs);
  const find = (text: string) => sentences.find((s) => s.text.includes(text))!;

  test('facts are the sentences naming it, verbatim, with their paragraph; the role sentence left out', () => {
    const located = [at(find('Tomas Quill met'), 'Tomas Quill'), at(find('Quill was pleased'), 'Quill')];
    const facts = factsFor(located, find('Tomas Quill met'));
    assert.deepEqual(facts, [{ text: 'Quill was pleased.', paragraphs: [5] }]);
    for (const f of facts) assert.ok(paragraphs[f.paragraphs[0]! - 1]!.includes(f.text));
  });

  test('quotes go to the person named beside a speech verb, or "he said" right after them', () => {
    const people: PersonMention[] = [
      { key: 'tomas-quill', located: at(find('Tomas Quill met'), 'Tomas Quill') },
      { key: 'maren-osterholt', located: at(find('Tomas Quill met'), 'Maren Osterholt') },
      { key: 'maren-osterholt', located: at(find('Osterholt told'), 'Osterholt') },
      { key: 'tomas-quill', located: at(find('Quill was pleased'), 'Quill') },
    ];
    const quotes = quotesBySpeaker(sentences, people);
    assert.deepEqual(quotes.get('maren-osterholt'), [{ text: 'This link will bring our islands closer than they have been for a generation', speaker: 'maren-osterholt', paragraph: 4 }]);
    // The quotation in the next sentence has no speech verb of its own: it is left out.
    assert.deepEqual(quotes.get('tomas-quill')?.map((q) => q.text), ['It is a fair bargain']);
    assert.ok(![...quotes.values()].flat().some((q) => q.text.includes('costly mistake')), 'a scare quote with no speaker is nobody’s');
  });

  test('a long quotation is cut at a sentence or clause end, never past 25 words', () => {
    const long = 'Both sides gain from it and nobody loses anything at all, which is rare in these talks, as everyone here knows very well by now, and always has.';
    const cut = shortQuote(long)!;
    assert.ok(long.startsWith(cut) && cut.split(' ').length <= MAX_QUOTE_WORDS, cut);
    assert.equal(cut, 'Both sides gain from it and nobody loses anything at all, which is rare in these talks, as everyone here knows very well by now');
    assert.equal(shortQuote('neutral'), undefined, 'a word or two is not a quote');
  });

  test('related names: named in the same sentence, with the verb between them when there is one', () => {
    const s = articleSentences(['Quill met Osterholt in Kelvik.'])[0]!;
    const byKey = new Map([
      ['quill', [at(s, 'Quill')]],
      ['osterholt', [at(s, 'Osterholt')]],
      ['kelvik', [at(s, 'Kelvik')]],
    ]);
    assert.deepEqual(relatedNames('quill', byKey), [
      { key: 'osterholt', how: 'met' },
      { key: 'kelvik', how: 'is named in the same sentence as' },
    ]);
  });
});
