import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORT_HEADLINE_CHARS, shortHeadline, sourceLabel } from './source-label';

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
