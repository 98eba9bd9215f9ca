// The name finder on small fictional sentences: titles, possessives, sentence starts, credits,
// acronyms, comma lists, headlines in capitals, datelines. And the sentence splitter it reads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskCredits } from './credits';
import { findNames, isCapitalsLine } from './names';
import { splitSentences } from './sentences';
import { ALL_ON } from './switches';

/** The names of a body paragraph (¶3), with titles where one was split off. */
function names(text: string, headline = 'A quiet week in the harbour town'): string[] {
  return findNames([headline, '', text], ALL_ON)
    .mentions.filter((m) => m.paragraph === 3 && !m.fromCapitalsLine)
    .map((m) => (m.title ? `${m.text} [${m.title}]` : m.text));
}

describe('splitSentences', () => {
  test('ends at . ! ? before a capital, not after titles and initials', () => {
    const text = 'Mr. Osterholt met the U.S. envoy. “It went well!” she said. Was it? J. R. Quill said no.';
    assert.deepEqual(splitSentences(text).map((s) => s.text), ['Mr. Osterholt met the U.S. envoy.', '“It went well!” she said.', 'Was it?', 'J. R. Quill said no.']);
  });

  test('each sentence is a verbatim slice at its offset', () => {
    const text = 'One here.  Two there.';
    for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
  });
});

describe('findNames', () => {
  test('titles come off and are kept: "Foreign Minister", "US Secretary of State"', () => {
    assert.deepEqual(names('On Monday, Foreign Minister Tomas Quill met US Secretary of State Maren Osterholt and President Lind.'), [
      'Tomas Quill [Foreign Minister]',
      'US',
      'Maren Osterholt [US Secretary of State]',
      'Lind [President]',
    ]);
  });

  test('what stands before a title may be a name of its own; a title alone names no one', () => {
    assert.deepEqual(names('Bank of Norland Governor Ivo Sander spoke after the President left.'), ['Bank of Norland', 'Ivo Sander [Bank of Norland Governor]']);
  });

  test('possessives are stripped; "and" and commas separate names', () => {
    assert.deepEqual(names('Estavia’s minister met officials from Norland, Kelvik and Estavia, and Quill’s aides.'), ['Estavia', 'Norland', 'Kelvik', 'Estavia', 'Quill']);
  });

  test('"and" inside a name stays: "Bosnia and Herzegovina", "Department of Health and Social Care"', () => {
    assert.deepEqual(names('Bosnia and Herzegovina wrote to the Department of Health and Social Care.'), ['Bosnia and Herzegovina', 'Department of Health and Social Care']);
  });

  test('sentence starts: common words and function words are not names; names are', () => {
    assert.deepEqual(names('Officials said little. However, Quill spoke. Yesterday Kelvik voted. Critics disagreed.'), ['Quill', 'Kelvik']);
  });

  test('nationality words, days and months are not names; "the Estavian resort of Kelvik" names Estavia only when it is a country', () => {
    assert.deepEqual(names('Chinese and French officials met on Monday in March in the Indonesian resort of Bali.'), ['Bali', 'Indonesia']);
  });

  test('acronyms in brackets are noted for merging', () => {
    const found = findNames(['Headline here for the test', '', 'The Baltic Ferry Company (BFC) said BFC would sail.'], ALL_ON).mentions.filter((m) => m.paragraph === 3);
    assert.equal(found[0]!.text, 'Baltic Ferry Company');
    assert.equal(found[0]!.acronym, 'BFC');
  });

  test('credits: photographers, "additional reporting by" and agencies are masked', () => {
    assert.deepEqual(names('Quill waved to the crowd in Kelvik. Photograph: Lars Hemming/Reuters'), ['Quill', 'Kelvik']);
    assert.deepEqual(names('KELVIK, Norland (AP) — Quill waved. Additional reporting by Nadia Okafor'), ['KELVIK', 'Norland', 'Quill']);
    assert.equal(maskCredits('Quill said (Reuters) so.').includes('Reuters'), false);
  });

  test('headlines in Title Case or capitals are read for known names only', () => {
    assert.ok(isCapitalsLine('Quill Meets Osterholt As Ferry Talks Resume', true));
    assert.ok(isCapitalsLine('QUILL MEETS OSTERHOLT', false));
    assert.ok(!isCapitalsLine('Quill meets Osterholt as ferry talks resume', true));
    const found = findNames(['Quill Meets Osterholt As Ferry Talks Resume', '', 'Tomas Quill met Maren Osterholt.'], ALL_ON).mentions;
    assert.ok(found.filter((m) => m.paragraph === 1).every((m) => m.fromCapitalsLine));
  });

  test('a heading in capitals inside a paragraph is not a name', () => {
    const found = findNames(['Headline here for the test', '', 'FERRY TALKS RESUME — Quill said the talks would resume.'], ALL_ON).mentions.filter((m) => m.paragraph === 3);
    assert.deepEqual(found.filter((m) => !m.fromCapitalsLine).map((m) => m.text), ['Quill']);
  });

  test('a lower-case feature word belongs to the name: "the Taiwan strait"', () => {
    assert.deepEqual(names('Ships crossed the Kelvik strait at dawn.'), ['Kelvik strait']);
  });
});
