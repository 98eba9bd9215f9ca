import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionLabel, nameRows } from './name-rows';
import type { Entity } from '../kb/types';

const e = (id: string): Entity => ({
  id,
  name: id.toUpperCase(),
  type: 'person',
  description: '',
  role: '',
  facts: [],
  quotes: [],
  related: [],
  aliases: [],
});
const kb = new Map(['a', 'b', 'c'].map((id) => [id, e(id)]));

test('keeps the order of first appearance and the counts', () => {
  const rows = nameRows(
    [
      { id: 'c', count: 2 },
      { id: 'a', count: 5 },
      { id: 'b', count: 1 },
    ],
    (id) => kb.get(id),
  );
  assert.deepEqual(
    rows.map((r) => [r.entity.id, r.count]),
    [
      ['c', 2],
      ['a', 5],
      ['b', 1],
    ],
  );
});

test('drops unknown ids, zero counts and repeats', () => {
  const rows = nameRows(
    [
      { id: 'x', count: 3 },
      { id: 'a', count: 0 },
      { id: 'b', count: 2 },
      { id: 'b', count: 9 },
    ],
    (id) => kb.get(id),
  );
  assert.deepEqual(
    rows.map((r) => [r.entity.id, r.count]),
    [['b', 2]],
  );
});

test('mention labels', () => {
  assert.equal(mentionLabel(1), '1 mention');
  assert.equal(mentionLabel(4), '4 mentions');
});
