import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTerm, textDirective, textFragmentUrl } from './text-fragment';

describe('encodeTerm', () => {
  test('escapes the directive’s own syntax (-, comma, &) and everything encodeURIComponent does', () => {
    assert.equal(encodeTerm('US-China, trade & talks'), 'US%2DChina%2C%20trade%20%26%20talks');
    assert.equal(encodeTerm('Beijing’s “alignment”'), 'Beijing%E2%80%99s%20%E2%80%9Calignment%E2%80%9D');
  });
});

describe('textDirective', () => {
  test('a short sentence is the whole fragment, without the end punctuation', () => {
    assert.equal(textDirective('Nothing was agreed.'), 'text=Nothing%20was%20agreed');
  });
  test('quote marks at the ends and runs of white space are dropped', () => {
    assert.equal(textDirective('  “We will keep   talking,”\n'), 'text=We%20will%20keep%20talking');
  });
  test('a long sentence becomes textStart,textEnd of four words each', () => {
    const sentence = 'Antony Blinken and Wang Yi met for five hours in Bali, a day after the G20 gathering of foreign ministers.';
    assert.equal(textDirective(sentence), 'text=Antony%20Blinken%20and%20Wang,gathering%20of%20foreign%20ministers');
  });
  test('the ends of a long sentence avoid words with quote marks where they can', () => {
    const sentence = 'Blinken said that the “guardrails” needed to be rebuilt soon, and Wang said China’s aims were clear.';
    // Start: "Blinken said that the" (4 clean words); end: "China’s" is skipped: "aims were clear".
    assert.equal(textDirective(sentence), 'text=Blinken%20said%20that%20the,aims%20were%20clear');
  });
  test('an end that begins with quoted words starts at the first run of plain words instead', () => {
    const sentence = '‘Don’t’ was the first word of a long reply that went on and on, and ended with ‘won’t’.';
    assert.equal(textDirective(sentence), 'text=was%20the%20first%20word,on%2C%20and%20ended%20with');
  });
  test('with no two plain words in a row, the ends are taken as they are', () => {
    const sentence = '‘a’ bb ‘c’ dd ‘e’ ff ‘g’ hh ‘i’ jj ‘k’ ll';
    assert.equal(textDirective(sentence), 'text=a%E2%80%99%20bb%20%E2%80%98c%E2%80%99%20dd,i%E2%80%99%20jj%20%E2%80%98k%E2%80%99%20ll');
  });
  test('nothing but punctuation gives no directive', () => {
    assert.equal(textDirective(' … — '), null);
  });
});

describe('textFragmentUrl', () => {
  test('appends the directive after #:~:, replacing any fragment the address had', () => {
    assert.equal(textFragmentUrl('https://example.org/a?b=1#top', 'Nothing was agreed.'), 'https://example.org/a?b=1#:~:text=Nothing%20was%20agreed');
  });
  test('without a sentence, the plain address', () => {
    assert.equal(textFragmentUrl('https://example.org/a#x', '…'), 'https://example.org/a');
  });
  test('a fragment that the URL parser keeps intact', () => {
    const url = textFragmentUrl('https://example.org/news', 'Indonesia and Japan agreed joint patrols near the Natuna Islands, a first for both coastguards.');
    assert.equal(new URL(url).hash, '#:~:text=Indonesia%20and%20Japan%20agreed,first%20for%20both%20coastguards');
  });
});
