import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileMatcher, conflictCount, MAX_LISTED_CONFLICTS } from './compile';
import { matcherFromCompiled } from './matcher';
import { entity, testKnowledgeBase } from './fixtures';
import type { KnowledgeBase } from '../kb/types';

/** A pack whose people all have the surname "Miller" as a second reference: each clashes with the first pack's. */
function millers(pack: number, people: number): KnowledgeBase {
  const kb = testKnowledgeBase();
  return {
    ...kb,
    source: { ...kb.source, id: `millers-${pack}` },
    entities: Array.from({ length: people }, (_, i) =>
      entity(`miller-${pack}-${i}`, 'person', [`Person${pack}x${i} Miller`, { form: 'Miller', standalone: true, secondReference: true }]),
    ),
  };
}

test('one clash is listed once, not once per spelling (its capitals clash too)', () => {
  const { conflicts } = compileMatcher([millers(1, 1), millers(2, 1)]);
  assert.deepEqual(conflicts, ['alias "Miller" of entity "miller-2-0" (pack "millers-2") clashes with the rule kept from entity "miller-1-0" (pack "millers-1"); the first is kept']);
  assert.equal(conflictCount(conflicts), 1);
});

test(`clashes past the first ${MAX_LISTED_CONFLICTS} are counted, not listed, and matching is unchanged`, () => {
  const packs = [millers(0, 1), ...Array.from({ length: 30 }, (_, k) => millers(k + 1, 10))];
  const { compiled, conflicts } = compileMatcher(packs);
  assert.equal(conflicts.length, MAX_LISTED_CONFLICTS + 1);
  assert.equal(conflicts.at(-1), '…and 200 more clashes, not listed');
  assert.equal(conflictCount(conflicts), 300);
  // The first pack's rule is kept for the shared surname; every full name still finds its own person.
  const matcher = matcherFromCompiled(compiled);
  const found = matcher.scan('Person7x3 Miller spoke.').mentions.map((m) => matcher.entityId(m.entity));
  assert.deepEqual(found, ['miller-7-3']);
  assert.equal(matcher.entityId(matcher.scan('Miller said').mentions[0]!.entity), 'miller-0-0');
});

test('a list with no summary line counts its lines', () => {
  assert.equal(conflictCount([]), 0);
  assert.equal(conflictCount(['a', 'b']), 2);
});

test('an entity in several packs knows all of them, in the order compiled; one in a single pack knows that one', () => {
  const a = testKnowledgeBase();
  // Every pack takes co-occurrence as context, so the page's matcher keeps every pack (matcher-data.ts).
  const summit = (id: string) => entity(`summit-${id}`, 'organisation', [{ form: `Summit ${id.toUpperCase()}`, contextFromPack: true }]);
  const shared = a.entities[0]!;
  const pack = (id: string, entities = [shared]): KnowledgeBase => ({ ...a, source: { ...a.source, id }, entities: [...entities, summit(id)] });
  const only = entity('only-in-c', 'person', ['Solitary Person']);
  const { compiled } = compileMatcher([pack('p0', [entity('zero', 'place', ['Zeroville'])]), pack('p1'), pack('p2', [only]), pack('p3'), pack('p4')]);
  const matcher = matcherFromCompiled(compiled);
  const index = (id: string) => Array.from({ length: matcher.entityCount }, (_, i) => i).find((i) => matcher.entityId(i) === id)!;
  assert.deepEqual(matcher.entityPacks(index(shared.id)), [1, 3, 4]);
  assert.deepEqual(matcher.entityPacks(index('only-in-c')), [2]);
  assert.deepEqual(matcher.entityPacks(index('zero')), [0]);
  assert.equal(typeof compiled.morePacks, 'string');
});
