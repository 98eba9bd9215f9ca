import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candidate, Draft } from '../reading/types';
import { isIncluded, merge, rename, retype, reviewProblems, reviewRows, rootOf, setIncluded, unmerge } from './review-edits';

function candidate(key: string, name: string, count: number, type: Candidate['type'] = 'person'): Candidate {
  return { key, name, type, description: '', count, weak: false, forms: [name], paragraphs: [3], role: '', facts: [], quotes: [], related: [], aliases: [], neverMatch: [] };
}

const draft: Draft = {
  article: { meta: { headline: 'H', outlet: 'O' }, paragraphs: ['H', '', 'Body.'] },
  packId: 'reading-h-0000',
  candidates: [candidate('wang-yi', 'Wang Yi', 3), candidate('wang', 'Wang', 2), candidate('minister-wang', 'Minister Wang', 1), candidate('bali', 'Bali', 1, 'place')],
};

test('tick, untick, rename and retype are recorded per name', () => {
  let edits = setIncluded({}, 'bali', false);
  assert.equal(isIncluded(edits, 'bali'), false);
  edits = setIncluded(edits, 'bali', true);
  assert.equal(isIncluded(edits, 'bali'), true);
  edits = retype(rename(edits, 'bali', 'Bali island'), 'bali', 'country');
  const row = reviewRows(draft, edits).find((r) => r.candidate.key === 'bali')!;
  assert.deepEqual([row.name, row.type, row.included], ['Bali island', 'country', true]);
});

test('a merged name leaves the list, adds its mentions to the other, and comes back on undo', () => {
  const edits = merge({}, 'wang', 'wang-yi');
  const rows = reviewRows(draft, edits);
  assert.deepEqual(rows.map((r) => r.candidate.key), ['wang-yi', 'minister-wang', 'bali']);
  assert.equal(rows[0]!.count, 5);
  assert.deepEqual(rows[0]!.merged.map((c) => c.key), ['wang']);
  assert.deepEqual(reviewRows(draft, unmerge(edits, 'wang')).map((r) => r.candidate.key), ['wang-yi', 'wang', 'minister-wang', 'bali']);
});

test('merges stay flat: merging a name that already holds others moves them all', () => {
  let edits = merge({}, 'wang', 'wang-yi');
  edits = merge(edits, 'wang-yi', 'minister-wang');
  assert.equal(rootOf(edits, 'wang'), 'minister-wang');
  assert.equal(rootOf(edits, 'wang-yi'), 'minister-wang');
  assert.ok(edits.merges!.every((m) => m.into === 'minister-wang'));
  const row = reviewRows(draft, edits).find((r) => r.candidate.key === 'minister-wang')!;
  assert.equal(row.count, 6);
  // Merging into a name that was itself merged goes to where that name now is.
  const again = merge(merge({}, 'wang', 'wang-yi'), 'minister-wang', 'wang');
  assert.equal(rootOf(again, 'minister-wang'), 'wang-yi');
});

test('merging a name into itself, or into what already holds it, changes nothing', () => {
  const edits = merge({}, 'wang', 'wang-yi');
  assert.equal(merge(edits, 'wang', 'wang-yi'), edits);
  assert.equal(merge(edits, 'wang-yi', 'wang'), edits);
  assert.deepEqual(merge({}, 'bali', 'bali'), {});
});

test('problems: nothing ticked, an empty name, two names that read the same', () => {
  const none = draft.candidates.reduce((e, c) => setIncluded(e, c.key, false), {});
  assert.match(reviewProblems(reviewRows(draft, none)).join('\n'), /Tick at least one name/);
  assert.match(reviewProblems(reviewRows(draft, rename({}, 'bali', '  '))).join('\n'), /A name is empty \(it was “Bali”\)/);
  assert.match(reviewProblems(reviewRows(draft, rename({}, 'wang', 'wang  yi'))).join('\n'), /Two names read “wang {2}yi”/);
  // An unticked duplicate is no problem.
  assert.deepEqual(reviewProblems(reviewRows(draft, setIncluded(rename({}, 'wang', 'Wang Yi'), 'wang', false))), []);
});
