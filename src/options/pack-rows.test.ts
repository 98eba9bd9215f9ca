import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityCountLabel, packRows } from './pack-rows';
import type { Entity, KnowledgeBase } from '../kb/types';

const pack = (id: string, entities: number): KnowledgeBase => ({
  schemaVersion: 2,
  source: { id, outlet: `${id} outlet`, headline: `${id} headline`, standfirst: 's', summary: 'A. B. C.', paragraphCount: 3 },
  matching: { allowedNeighbours: [] },
  entities: Array.from({ length: entities }, (_, i) => ({ id: `${id}-${i}` }) as Entity),
});

test('the built-in pack first and always on, then the imported packs in stored order with their switches', () => {
  const rows = packRows(pack('built-in', 25), { b: pack('b', 8), a: pack('a', 1) }, ['a']);
  assert.deepEqual(
    rows.map((r) => [r.id, r.outlet, r.headline, r.entityCount, r.builtIn, r.enabled]),
    [
      ['built-in', 'built-in outlet', 'built-in headline', 25, true, true],
      ['b', 'b outlet', 'b headline', 8, false, false],
      ['a', 'a outlet', 'a headline', 1, false, true],
    ],
  );
});

test('a stored pack with the built-in id is never listed twice', () => {
  assert.deepEqual(
    packRows(pack('built-in', 2), { 'built-in': pack('built-in', 3) }, ['built-in']).map((r) => [r.id, r.entityCount]),
    [['built-in', 2]],
  );
});

test('entity counts read naturally', () => {
  assert.equal(entityCountLabel(1), '1 entity');
  assert.equal(entityCountLabel(8), '8 entities');
});
