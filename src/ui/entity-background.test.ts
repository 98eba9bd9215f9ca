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
  schemaVersion: 2,
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

const second: KnowledgeBase = {
  schemaVersion: 2,
  source: { id: 'second', outlet: 'Second Outlet', headline: 'Second headline', standfirst: 'S', summary: 'Sum.', paragraphCount: 9 },
  matching: { allowedNeighbours: [] },
  entities: [
    entity('a', 'Alice (second)', {
      role: 'Her role in the second story.',
      facts: [{ text: 'A fact from the second story.', paragraphs: [4] }],
      related: [
        { id: 'b', how: 'worked with' },
        { id: 'c', how: 'met' },
      ],
      quotes: [{ text: 'Hi', speaker: 'c', paragraph: 5 }],
      mentions: [1, 4],
    }),
    entity('c', 'Carol'),
  ],
};

test('an entity in two packs: one background per pack, in pack order, each labelled by its story', () => {
  const bg = entityBackground(indexKnowledgeBase([kb, second]), 'a');
  assert.ok(bg);
  assert.deepEqual(
    bg.sources.map((s) => [s.source, s.entity.role, s.entity.mentions ?? null]),
    [
      [{ id: 'pack', outlet: 'Outlet', headline: 'Headline' }, 'A role.', null],
      [{ id: 'second', outlet: 'Second Outlet', headline: 'Second headline' }, 'Her role in the second story.', [1, 4]],
    ],
  );
  // The name and the first story come from the first pack.
  assert.equal(bg.entity.name, 'Alice');
  assert.deepEqual(bg.source, { id: 'pack', outlet: 'Outlet', headline: 'Headline' });
  // Relations from both stories, each related entity once (the first story's wording kept).
  assert.deepEqual(bg.related, [
    { id: 'b', name: 'Bob', type: 'person', how: 'met Bob' },
    { id: 'c', name: 'Carol', type: 'person', how: 'met' },
  ]);
  // Speakers of every story's quotes.
  assert.deepEqual(Object.keys(bg.speakers).sort(), ['a', 'c']);
});

test('undated stories keep pack order, which also decides the name shown', () => {
  const bg = entityBackground(indexKnowledgeBase([second, kb]), 'a');
  assert.deepEqual(bg?.sources.map((s) => s.source.id), ['second', 'pack']);
  assert.equal(bg?.entity.name, 'Alice (second)');
});

test('dated stories come newest first; the name still comes from the first pack', () => {
  const dated = (pack: KnowledgeBase, published: string): KnowledgeBase => ({ ...pack, source: { ...pack.source, published } });
  const bg = entityBackground(indexKnowledgeBase([dated(kb, '2022-07-09'), dated(second, '2026-11-02')]), 'a');
  assert.deepEqual(bg?.sources.map((s) => s.source.id), ['second', 'pack']);
  assert.equal(bg?.entity.name, 'Alice');
  assert.equal(bg?.source.id, 'pack');
});

test('a pack with paragraph texts hands its cited paragraphs to the background', () => {
  const withText: KnowledgeBase = {
    ...second,
    source: { ...second.source, paragraphs: ['h', '', '', 'Para four.', 'Para five.', '', '', '', ''] },
  };
  const bg = entityBackground(indexKnowledgeBase([kb, withText]), 'a');
  assert.deepEqual(bg?.sources.map((s) => s.cited ?? null), [null, { 1: 'h', 4: 'Para four.', 5: 'Para five.' }]);
});

test('an entity in one pack has one source', () => {
  const bg = entityBackground(indexKnowledgeBase([kb, second]), 'c');
  assert.deepEqual(bg?.sources.map((s) => s.source.id), ['second']);
});
