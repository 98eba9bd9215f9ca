import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAllCaps, isCapitalised, NEIGHBOUR_WINDOW, wordAfter, wordBefore } from './neighbour-words';

// The patterns the loops replace, kept here as the definition of what they must do.
const WORD_BEFORE = /([\p{L}\p{M}][\p{L}\p{M}'\u2019\u00ad\u200b-\u200d\u2060\ufeff-]*)[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]+$/u;
const WORD_AFTER = /^[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]+([\p{L}\p{M}][\p{L}\p{M}'\u2019\u00ad\u200b-\u200d\u2060\ufeff-]*)/u;
const CAPITALISED = /^\p{Lu}/u;
const ALL_CAPS = /^(?=(?:.*\p{Lu}){2})[^\p{Ll}]+$/u;
const oracleBefore = (text: string, start: number) => WORD_BEFORE.exec(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start))?.[1];
const oracleAfter = (text: string, end: number) => WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_WINDOW))?.[1];

/** Generated cases per property. */
const RUNS = 3000;

/**
 * Text made of what the rules tell apart: ASCII letters in both cases, digits, spaces, tabs, line
 * breaks, no-break spaces, invisible characters, apostrophes, hyphens, full stops, accented and
 * Greek letters, a combining mark, a title-case letter, CJK, a letter outside the BMP (𝐀, upper
 * case) and a lone surrogate.
 */
const PIECES = [
  'A', 'W', 'a', 'w', 'Z', 'z', '1', ' ', '  ', '\t', '\n', '\r', '\u2028', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff',
  "'", '\u2019', '-', '.', ',', 'É', 'é', 'Σ', 'σ', '\u0301', 'ǅ', '王', '\u{1d400}', '\u{1d41a}', '\ud800', '\udc00',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

for (const [name, fn, oracle] of [
  ['wordBefore is WORD_BEFORE on the window before the match', wordBefore, oracleBefore],
  ['wordAfter is WORD_AFTER on the window after the match', wordAfter, oracleAfter],
] as const) {
  test(`${name}, on any text`, () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const at = n % (t.length + 1);
        assert.equal(fn(t, at), oracle(t, at));
      }),
      { numRuns: RUNS },
    );
  });
}

test('isCapitalised and isAllCaps are CAPITALISED and ALL_CAPS, on any text', () => {
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(isCapitalised(t), CAPITALISED.test(t));
      assert.equal(isAllCaps(t), ALL_CAPS.test(t));
    }),
    { numRuns: RUNS },
  );
});

test('the neighbouring words of a name, as the local rules read them', () => {
  const t = 'said Hunter Biden, 52,';
  assert.equal(wordBefore(t, t.indexOf('Biden')), 'Hunter');
  assert.equal(wordAfter(t, t.indexOf('Hunter') + 'Hunter'.length), 'Biden');
  // A comma, a line break or a full stop is not "right next to".
  assert.equal(wordAfter(t, t.indexOf(',')), undefined);
  assert.equal(wordBefore('Hunter\nBiden', 7), undefined);
  assert.equal(wordBefore('Mr. Biden', 4), undefined);
  // Soft hyphens stay in the word as written (the matcher drops them before comparing).
  assert.equal(wordBefore('Vera\u00ad\u00a0Wang', 6), 'Vera\u00ad');
  assert.equal(wordBefore('O’Neill-Smith Wang', 14), 'O’Neill-Smith');
  // Further than the window is not a neighbour.
  assert.equal(wordBefore(`Vera${' '.repeat(NEIGHBOUR_WINDOW)}Wang`, 4 + NEIGHBOUR_WINDOW), undefined);
  assert.equal(isCapitalised('Émile'), true);
  assert.equal(isCapitalised('émile'), false);
  assert.equal(isAllCaps('WANG'), true);
  assert.equal(isAllCaps('U.S.'), true);
  assert.equal(isAllCaps('I'), false);
  assert.equal(isAllCaps('Wang'), false);
  assert.equal(isAllCaps('ÉLYSÉE'), true);
});
