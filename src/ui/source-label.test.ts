import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORT_HEADLINE_CHARS, shortHeadline, sourceLabel, sourceLine } from './source-label';

test('a short headline is kept as it is', () => {
  assert.equal(shortHeadline('  Talks   in Bali '), 'Talks in Bali');
});

test('a long headline is cut at a word boundary with an ellipsis', () => {
  const h = 'Indonesia and Japan agree joint coastguard patrols after two days of talks in Jakarta';
  const short = shortHeadline(h);
  assert.equal(short, 'Indonesia and Japan agree joint coastguard patrols after…');
  assert.ok(short.length <= SHORT_HEADLINE_CHARS);
  assert.ok(h.startsWith(short.slice(0, -1)));
});

test('one very long word is cut mid-word rather than dropped', () => {
  assert.equal(shortHeadline('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
});

test('the label is outlet and short headline', () => {
  assert.equal(sourceLabel({ id: 'a', outlet: 'The Outlet', headline: 'A headline' }), 'The Outlet: A headline');
});

test('the source line: outlet and date; a reading pack says so first; no date, no dot', () => {
  assert.equal(sourceLine({ id: 'a', outlet: 'The Guardian', headline: 'H', published: '2022-07-09' }), 'The Guardian · 9 Jul 2022');
  assert.equal(
    sourceLine({ id: 'r', outlet: 'The Jakarta Times', headline: 'H', origin: 'reading', published: '2026-11-02T09:30:00Z' }),
    'From your reading · The Jakarta Times · 2 Nov 2026',
  );
  assert.equal(sourceLine({ id: 'b', outlet: 'Backstory example', headline: 'H' }), 'Backstory example');
});
