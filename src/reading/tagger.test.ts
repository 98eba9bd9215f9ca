// compromise's tagger as a finder (the ablation's alternative to the phrase rules): names without
// trailing punctuation, comma lists split, offsets that point at the name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNamesWithTagger } from './tagger';

test('people, places and organisations of a sentence, each at its offset', () => {
  const paragraphs = ['Talks in Bali', '', 'Wang Yi met Antony Blinken in Bali, Indonesia. The International Monetary Fund said so.'];
  const { mentions } = findNamesWithTagger(paragraphs);
  const names = mentions.map((m) => m.text);
  for (const n of ['Wang Yi', 'Antony Blinken', 'Bali', 'Indonesia', 'International Monetary Fund']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  for (const m of mentions) assert.equal(paragraphs[m.paragraph - 1]!.slice(m.start, m.end), m.text);
  assert.ok(!names.some((n) => /[,.]$/.test(n)), 'no trailing punctuation');
});
