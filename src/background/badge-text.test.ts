import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeText } from './badge-text';

test('badge text counts distinct names and hides zero', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(-1), '');
  assert.equal(badgeText(Number.NaN), '');
  assert.equal(badgeText(7), '7');
  assert.equal(badgeText(150), '99+');
});
