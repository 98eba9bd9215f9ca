// The scorer follows test/fixtures/extraction-gold/README.md: normalised names, assignment in
// output order, duplicates, optional names ignored, credit leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseName, scorePage, totals, type GoldPage } from './extraction-score';

const GOLD: GoldPage = {
  page: 'ferry.html',
  headline: 'Ferry link agreed',
  entities: [
    { name: 'China', type: 'country', forms: ['China', 'Beijing'] },
    { name: 'Beijing', type: 'place', forms: ['Beijing'] },
    { name: 'Maren Osterholt', type: 'person', forms: ['Maren Osterholt', 'Osterholt'] },
    { name: 'U.S.', type: 'country', forms: ['U.S.'] },
  ],
  optional: [{ name: 'Navy', type: 'organisation', forms: ['Navy'] }],
  notStoryNames: [{ form: 'Petra Lindqvist', why: 'byline' }],
};

test('names are normalised: case, apostrophes, white space, a final possessive, leading titles; dots kept', () => {
  assert.equal(normaliseName('  Foreign Minister   MAREN Osterholt’s '), 'maren osterholt');
  assert.equal(normaliseName('Secretary of State Maren Osterholt'), 'maren osterholt');
  assert.equal(normaliseName('Sen. Maren Osterholt'), 'maren osterholt');
  assert.equal(normaliseName('U.S.'), 'u.s.');
  assert.notEqual(normaliseName('US'), normaliseName('U.S.'));
});

test('assignment: the tie goes to the gold name; a second match is a duplicate; optional ignored; credits leak', () => {
  const score = scorePage(GOLD, [
    { name: 'China', forms: ['China', 'Beijing'] },
    { name: 'Beijing', forms: ['Beijing'] },
    { name: 'Osterholt', forms: ['Osterholt'] },
    { name: 'Maren Osterholt', forms: ['Maren Osterholt'] },
    { name: 'Navy', forms: ['Navy'] },
    { name: 'Petra Lindqvist', forms: ['Petra Lindqvist'] },
    { name: 'US', forms: ['US'] },
  ]);
  assert.equal(score.truePositives, 3);
  assert.deepEqual(score.duplicates, ['Maren Osterholt']);
  assert.deepEqual(score.ignored, ['Navy']);
  assert.deepEqual(score.falsePositives, ['Petra Lindqvist', 'US']);
  assert.deepEqual(score.creditLeaks, ['Petra Lindqvist']);
  assert.deepEqual(score.missed, ['U.S.']);
  const t = totals([score]);
  assert.equal(t.recall, 3 / 4);
  assert.equal(t.precision, 3 / 6, 'true positives over extracted names that match no optional entry');
});
