import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay, newestFirst, sourceDate } from './source-date';

describe('formatDay', () => {
  test('day, short month, year in one fixed style', () => {
    assert.equal(formatDay(new Date(Date.UTC(2022, 6, 9)), 'UTC'), '9 Jul 2022');
    assert.equal(formatDay(new Date(Date.UTC(2026, 8, 30)), 'UTC'), '30 Sep 2026');
  });
});

describe('sourceDate', () => {
  test('the publication date as written, never moved by a time zone', () => {
    assert.equal(sourceDate({ published: '2022-07-09' })?.text, '9 Jul 2022');
    assert.equal(sourceDate({ published: '2022-07-09T23:30:00+08:00' })?.text, '9 Jul 2022');
    assert.equal(sourceDate({ published: '2022-07-09T00:30:00-05:00' })?.text, '9 Jul 2022');
  });
  test('a reading pack without one shows when it was added', () => {
    // Noon UTC: the same calendar day in every time zone from UTC−11 to UTC+11.
    assert.deepEqual(sourceDate({ origin: 'reading', added: '2026-12-03T12:00:00Z' }), {
      text: 'added 3 Dec 2026',
      time: Date.parse('2026-12-03T12:00:00Z'),
    });
    assert.equal(sourceDate({ origin: 'reading', added: '2026-12-03T12:00:00Z', published: '2026-11-02' })?.text, '2 Nov 2026');
  });
  test('an authored pack without a publication date has none (its "added" is not shown)', () => {
    assert.equal(sourceDate({}), null);
    assert.equal(sourceDate({ added: '2026-12-03T12:00:00Z' }), null);
  });
});

describe('newestFirst', () => {
  test('newest first, undated last, ties in the order given', () => {
    const stories = [
      { id: 'old', published: '2022-07-09' },
      { id: 'undated-1' },
      { id: 'new', published: '2026-11-02T09:30:00Z' },
      { id: 'added', origin: 'reading' as const, added: '2026-12-03T08:00:00Z' },
      { id: 'undated-2' },
      { id: 'same-as-old', published: '2022-07-09' },
    ];
    assert.deepEqual(
      newestFirst(stories, (s) => s).map((s) => s.id),
      ['added', 'new', 'old', 'same-as-old', 'undated-1', 'undated-2'],
    );
    assert.equal(stories[0]?.id, 'old', 'the input is not reordered');
  });
});
