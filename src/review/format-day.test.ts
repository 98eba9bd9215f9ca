import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay } from './format-day';

test('a written day stays the day the article wrote, whatever its offset', () => {
  assert.equal(formatDay('2022-07-09'), '9 Jul 2022');
  assert.equal(formatDay('2022-07-09T23:30:00-05:00'), '9 Jul 2022');
  assert.equal(formatDay('2022-07-09T00:10:00+09:00'), '9 Jul 2022');
});

test('a UTC time is the reader’s own day', () => {
  assert.equal(formatDay('2026-12-03T23:30:00.000Z', 'UTC'), '3 Dec 2026');
  assert.equal(formatDay('2026-12-03T23:30:00.000Z', 'Asia/Tokyo'), '4 Dec 2026');
});

test('an unreadable date is shown as written', () => {
  assert.equal(formatDay('sometime'), 'sometime');
});
