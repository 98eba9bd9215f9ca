import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { citedSentence, sentencesOf } from './cited-sentence';

describe('sentencesOf', () => {
  test('splits at sentence ends, not after titles or inside "U.S." and numbers', () => {
    assert.deepEqual(sentencesOf('Mr. Blinken met Wang Yi. The U.S. secretary said “We will keep talking.” Then he left! Is it 3.5 km? Yes.'), [
      'Mr. Blinken met Wang Yi.',
      'The U.S. secretary said “We will keep talking.”',
      'Then he left!',
      'Is it 3.5 km?',
      'Yes.',
    ]);
  });
  test('an empty paragraph has no sentences', () => {
    assert.deepEqual(sentencesOf(''), []);
    assert.deepEqual(sentencesOf('   '), []);
  });
});

describe('citedSentence', () => {
  const paragraph = 'Talks lasted five hours. “We will keep talking,” Lind told reporters.  Examplia hosted it.';
  test('the sentence that holds the hint whole, despite straight quotes, case and spacing', () => {
    assert.equal(citedSentence(paragraph, '"we will keep talking," Lind  told reporters.'), '“We will keep talking,” Lind told reporters.');
    assert.equal(citedSentence(paragraph, 'Examplia hosted it.'), 'Examplia hosted it.');
  });
  test('a quote inside a sentence points at that sentence', () => {
    assert.equal(citedSentence(paragraph, 'We will keep talking'), '“We will keep talking,” Lind told reporters.');
  });
  test('an author’s paraphrase points at the sentence sharing most of its words', () => {
    assert.equal(citedSentence(paragraph, 'The talks went on for five hours.'), 'Talks lasted five hours.');
    assert.equal(citedSentence(paragraph, 'Examplia was the host country.'), 'Examplia hosted it.');
  });
  test('with nothing in common, the first sentence; an empty paragraph gives ""', () => {
    assert.equal(citedSentence(paragraph, 'Unrelated words entirely'), 'Talks lasted five hours.');
    assert.equal(citedSentence('', 'anything'), '');
  });
});
