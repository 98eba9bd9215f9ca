import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewTab, reviewUrl } from './review-target';

test('the review address carries the tab id and reads it back', () => {
  assert.equal(reviewUrl(42), 'review.html?tab=42');
  assert.equal(reviewTab(new URL(`moz-extension://x/${reviewUrl(42)}`).search), 42);
});

test('a missing or malformed tab id is no tab', () => {
  for (const search of ['', '?tab=', '?tab=-1', '?tab=1e3', '?tab=4x', '?other=1']) assert.equal(reviewTab(search), null, search);
});
