import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldText, indexKnowledgeBase } from './lookup';
import type { Entity, KnowledgeBase } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIn = JSON.parse(readFileSync(path.join(repoRoot, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;

function entity(id: string, name: string, description: string, forms: string[] = []): Entity {
  return {
    id,
    name,
    type: 'person',
    description,
    role: 'A role. In two sentences.',
    facts: [],
    quotes: [],
    related: [],
    aliases: forms.map((form) => ({ form })),
  };
}

function pack(id: string, entities: Entity[]): KnowledgeBase {
  return {
    schemaVersion: 2,
    source: { id, outlet: `${id} outlet`, headline: `${id} headline`, standfirst: 's', summary: 'A. B. C.', paragraphCount: 3 },
    matching: { allowedNeighbours: [] },
    entities,
  };
}

const first = pack('first', [
  entity('jose-nunez', 'José Núñez', 'Envoy to the talks.', ['Núñez']),
  entity('ana-lind', 'Ana Lind', 'Minister who met José Núñez.', ['Lind', 'Madame Lind']),
]);
const second = pack('second', [
  entity('ana-lind', 'Ana Lind (minister)', 'Later a party leader.', ['Ana L.']),
  entity('bo-anders', 'Bo Anders', 'Aide to the minister.', ['Anders']),
]);
const index = indexKnowledgeBase([first, second]);
const ids = (query: string) => index.search(query).map((h) => `${h.id}:${h.rank}`);

describe('indexKnowledgeBase', () => {
  test('entity(id) merges every pack, each background labelled with its source', () => {
    const lind = index.entity('ana-lind');
    assert.ok(lind);
    assert.equal(lind.name, 'Ana Lind');
    assert.equal(lind.description, 'Minister who met José Núñez.');
    assert.deepEqual(
      lind.backgrounds.map((b) => [b.source, b.entity.description]),
      [
        [{ id: 'first', outlet: 'first outlet', headline: 'first headline' }, 'Minister who met José Núñez.'],
        [{ id: 'second', outlet: 'second outlet', headline: 'second headline' }, 'Later a party leader.'],
      ],
    );
    assert.equal(index.entity('nobody'), undefined);
  });

  test('a source label carries origin, address and dates; a pack with paragraphs hands over only the cited ones', () => {
    const reading = pack('reading', [
      {
        ...entity('ana-lind', 'Ana Lind', 'Minister.'),
        facts: [{ text: 'Lind spoke.', paragraphs: [3] }],
        quotes: [{ text: 'Hello', speaker: 'ana-lind', paragraph: 3 }],
        mentions: [1, 3],
      },
    ]);
    Object.assign(reading.source, {
      origin: 'reading',
      url: 'https://example.org/a',
      published: '2026-11-02',
      added: '2026-12-03T08:00:00Z',
      byline: 'A Reporter',
      paragraphs: ['reading headline', '', 'Lind spoke. Hello, she said.'],
    });
    const [authored, fromReading] = indexKnowledgeBase([first, reading]).entity('ana-lind')!.backgrounds;
    assert.deepEqual(authored, { source: { id: 'first', outlet: 'first outlet', headline: 'first headline' }, entity: first.entities[1] });
    assert.deepEqual(fromReading?.source, {
      id: 'reading',
      outlet: 'reading outlet',
      headline: 'reading headline',
      origin: 'reading',
      url: 'https://example.org/a',
      published: '2026-11-02',
      added: '2026-12-03T08:00:00Z',
    });
    assert.deepEqual(fromReading?.cited, { 1: 'reading headline', 3: 'Lind spoke. Hello, she said.' });
  });

  test('all() lists each id once, in order of first appearance', () => {
    assert.deepEqual(
      index.all().map((e) => [e.id, e.backgrounds.length]),
      [['jose-nunez', 1], ['ana-lind', 2], ['bo-anders', 1]],
    );
  });

  test('search ranks a name prefix above an alias above a description', () => {
    // The displayed name (the first pack's) is searched; "Ana Lind (minister)" of the second is not.
    assert.deepEqual(ids('an'), ['ana-lind:name', 'bo-anders:name']);
    assert.deepEqual(ids('lind'), ['ana-lind:name']);
    assert.deepEqual(ids('madame'), ['ana-lind:alias']);
    assert.deepEqual(ids('ana l.'), ['ana-lind:alias']);
    assert.deepEqual(ids('minister'), ['ana-lind:description', 'bo-anders:description']);
    assert.deepEqual(ids('nunez'), ['jose-nunez:name', 'ana-lind:description']);
  });

  test('search ignores case and accents, and an empty query finds nothing', () => {
    assert.deepEqual(ids('NÚÑEZ'), ids('nunez'));
    assert.deepEqual(ids('  jose  NUNEZ '), ['jose-nunez:name', 'ana-lind:description']);
    assert.deepEqual(ids('   '), []);
    assert.deepEqual(ids('zzz'), []);
  });

  test('foldText folds case, accents, apostrophes and spaces', () => {
    assert.equal(foldText('  Chïna’s   Wáng '), "china's wang");
  });

  test('on the built-in knowledge base', () => {
    const kb = indexKnowledgeBase([builtIn]);
    assert.equal(kb.all().length, builtIn.entities.length);
    assert.equal(kb.search('blinken')[0]?.id, 'antony-blinken');
    assert.equal(kb.search('Wang')[0]?.id, 'wang-yi');
    assert.deepEqual(kb.search('beijing').slice(0, 1).map((h) => [h.id, h.rank]), [['china', 'alias']]);
    assert.deepEqual(
      kb.search('china').slice(0, 3).map((h) => h.id),
      ['china', 'china-stated-principles', 'us-china-relations'],
    );
    assert.equal(kb.search('group of twenty')[0]?.id, 'g20');
  });
});
