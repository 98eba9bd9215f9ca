import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInRow, entityCountLabel, packRows, pageOf, readersPacks, shortDate } from './pack-rows';
import type { Entity, KnowledgeBase } from '../kb/types';
import type { PackMeta } from '../common/pack-db';

const pack = (id: string, entities: number): KnowledgeBase => ({
  schemaVersion: 2,
  source: { id, outlet: `${id} outlet`, headline: `${id} headline`, standfirst: 's', summary: 'A. B. C.', paragraphCount: 3, published: '2022-07-09' },
  matching: { allowedNeighbours: [] },
  entities: Array.from({ length: entities }, (_, i) => ({ id: `${id}-${i}` }) as Entity),
});

const meta = (id: string, over: Partial<PackMeta> = {}): PackMeta => ({
  id,
  headline: `${id} headline`,
  outlet: `${id} outlet`,
  added: '2026-12-03T10:00:00.000Z',
  from: 'reading',
  entityCount: 3,
  enabledSeq: null,
  bytes: 100,
  story: { id, outlet: `${id} outlet`, headline: `${id} headline`, summary: 'A. B. C.' },
  ...over,
});

test('the built-in row, then the reader’s packs with their dates, origin and switch', () => {
  assert.deepEqual(builtInRow(pack('built-in', 25)), {
    id: 'built-in',
    outlet: 'built-in outlet',
    headline: 'built-in headline',
    entityCount: 25,
    builtIn: true,
    enabled: true,
    published: '9 Jul 2022',
    added: '',
    from: 'built-in',
  });
  const rows = packRows(readersPacks(pack('built-in', 2), [meta('b', { enabledSeq: 4, published: '2026-11-30T08:00:00Z' }), meta('a', { from: 'file' }), meta('built-in')]));
  assert.deepEqual(
    rows.map((r) => [r.id, r.enabled, r.published, r.added, r.from]),
    [
      ['b', true, '30 Nov 2026', '3 Dec 2026', 'reading'],
      ['a', false, '', '3 Dec 2026', 'file'],
    ],
    'a stored pack with the built-in id is never listed twice',
  );
});

test('dates: a day or a time, read in UTC; nonsense gives nothing', () => {
  assert.equal(shortDate('2022-07-09'), '9 Jul 2022');
  assert.equal(shortDate('2026-12-31T23:30:00-02:00'), '1 Jan 2027');
  assert.equal(shortDate('yesterday'), '');
  assert.equal(shortDate(undefined), '');
});

test('pages of a long list, clamped', () => {
  const list = Array.from({ length: 1_001 }, (_, i) => i);
  assert.deepEqual(pageOf(list, 0, 50).items.slice(0, 2), [0, 1]);
  assert.equal(pageOf(list, 0, 50).pages, 21);
  assert.deepEqual(pageOf(list, 20, 50).items, [1_000]);
  assert.equal(pageOf(list, 99, 50).page, 20);
  assert.deepEqual(pageOf([], 3, 50), { items: [], page: 0, pages: 1 });
});

test('entity counts read naturally', () => {
  assert.equal(entityCountLabel(1), '1 entity');
  assert.equal(entityCountLabel(8), '8 entities');
});
