import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityBackground } from './entity-background';
import { indexKnowledgeBase } from '../kb/lookup';
import type { Entity, KnowledgeBase } from '../kb/types';

const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  name,
  type: 'person',
  description: `${name}, someone`,
  role: 'A role.',
  facts: [],
  quotes: [],
  related: [],
  aliases: [{ form: name }],
  ...extra,
});

const kb: KnowledgeBase = {
  schemaVersion: 1,
  source: { id: 'pack', outlet: 'Outlet', headline: 'Headline', standfirst: 'S', summary: 'Sum.', paragraphCount: 9 },
  matching: { allowedNeighbours: [] },
  entities: [
    entity('a', 'Alice', {
      related: [
        { id: 'b', how: 'met Bob' },
        { id: 'ghost', how: 'is not in the pack' },
      ],
      quotes: [{ text: 'Hello', speaker: 'a', paragraph: 2 }],
    }),
    entity('b', 'Bob'),
  ],
};

test('resolves related names and quote speakers, dropping unknown relations', () => {
  const bg = entityBackground(indexKnowledgeBase([kb]), 'a');
  assert.ok(bg);
  assert.equal(bg.entity.name, 'Alice');
  assert.deepEqual(bg.related, [{ id: 'b', name: 'Bob', type: 'person', how: 'met Bob' }]);
  assert.deepEqual(bg.speakers, { a: { id: 'a', name: 'Alice', type: 'person' } });
  assert.deepEqual(bg.source, { id: 'pack', outlet: 'Outlet', headline: 'Headline' });
});

test('an unknown id gives null', () => {
  assert.equal(entityBackground(indexKnowledgeBase([kb]), 'nobody'), null);
});
