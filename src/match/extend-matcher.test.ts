import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { compileMatcher, MAX_LISTED_CONFLICTS } from './compile';
import { compileResumable, extendMatcher, type ResumableMatcher } from './extend-matcher';
import { entity, G20_CONTEXT, testKnowledgeBase } from './fixtures';
import { matcherFromCompiled } from './matcher';
import { ENTITY_TYPES, type Alias, type Entity, type KnowledgeBase } from '../kb/types';
import { readingPack } from '../../test/unit/reading-packs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BALI = JSON.parse(readFileSync(path.join(ROOT, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;
/** Generated cases: each compiles a few small packs twice over. */
const RUNS = 300;

/** The stored form of a ResumableMatcher (IndexedDB keeps it as JSON text). */
const stored = (r: ResumableMatcher): ResumableMatcher => JSON.parse(JSON.stringify(r)) as ResumableMatcher;

/** Asserts that adding `last` to the matcher of `packs` gives exactly what compiling them all gives. */
function assertExtends(packs: KnowledgeBase[], last: KnowledgeBase): void {
  const extended = extendMatcher(stored(compileResumable(packs)), last);
  const full = compileMatcher([...packs, last]);
  assert.deepEqual(extended.compiled, full.compiled);
  assert.deepEqual(extended.conflicts, full.conflicts);
  assert.deepEqual(extended, compileResumable([...packs, last]));
}

const pack = (id: string, entities: Entity[], allowedNeighbours: string[] = []): KnowledgeBase => ({
  ...testKnowledgeBase(),
  source: { ...testKnowledgeBase().source, id },
  matching: { allowedNeighbours },
  entities,
});

test('one more reading pack on the built-in pack and 40 others: the same as compiling all of them', () => {
  const packs = [BALI, ...Array.from({ length: 40 }, (_, n) => readingPack(n, { ownNames: 3 }))];
  assertExtends(packs, readingPack(40, { ownNames: 3 }));
  // A pack of names already there (shared people) adds only its pack to them.
  assertExtends(packs, { ...readingPack(3), source: { ...readingPack(3).source, id: 'again' } });
});

test('extending the first pack, the empty start and a chain of packs one by one', () => {
  assertExtends([], BALI);
  assertExtends([BALI], testKnowledgeBase());
  const chain = Array.from({ length: 12 }, (_, n) => readingPack(n));
  let resumable = compileResumable([BALI]);
  for (const p of chain) resumable = extendMatcher(stored(resumable), p);
  assert.deepEqual(resumable, compileResumable([BALI, ...chain]));
});

test('clashes, context groups, never-match phrases, exact case and entities of another type carry over', () => {
  const base = testKnowledgeBase();
  const clashing = pack('clashing', [
    // Blinken's "Secretary Blinken" given to another person: a listed clash naming the first pack.
    entity('other-blinken', 'person', ['Secretary Blinken', { form: 'Blinken', standalone: true, secondReference: true }]),
    // The same id as a country there: a type clash; its aliases join the first entity.
    entity('wang-yi', 'place', ['Wang Yi Province']),
    // The same context words as G20 (a group reused) and its own pack's co-occurrence (a new group).
    entity('g7', 'organisation', [{ form: 'G7', requiresPageContext: [...G20_CONTEXT].reverse() }, { form: 'Group of Seven', contextFromPack: true }]),
    entity('prc-lower', 'organisation', [{ form: 'prc', exactCase: true }, 'PRC'], ['PRC Studies', 'summit']),
  ], ['Minister']);
  assertExtends([base], clashing);
  assertExtends([BALI, base], clashing);
  const { conflicts } = extendMatcher(compileResumable([base]), clashing);
  assert.ok(conflicts.some((c) => c.includes('"Secretary Blinken" of entity "other-blinken" (pack "clashing")') && c.includes('entity "antony-blinken" (pack "test")')), conflicts.join('\n'));
  assert.ok(conflicts.some((c) => c.startsWith('entity "wang-yi" is a place in pack "clashing"')), conflicts.join('\n'));
});

test(`past ${MAX_LISTED_CONFLICTS} clashes the count goes on, and below it the next clashes are listed`, () => {
  const millers = (n: number, people: number) =>
    pack(`millers-${n}`, Array.from({ length: people }, (_, i) => entity(`miller-${n}-${i}`, 'person', [`Person${n}x${i} Miller`, { form: 'Miller', standalone: true, secondReference: true }])));
  const below = [millers(0, 1), ...Array.from({ length: 9 }, (_, k) => millers(k + 1, 10))];
  assertExtends(below, millers(10, 20));
  const above = [millers(0, 1), ...Array.from({ length: 30 }, (_, k) => millers(k + 1, 10))];
  assertExtends(above, millers(31, 5));
  const extended = extendMatcher(compileResumable(above), millers(31, 5));
  assert.equal(extended.conflicts.at(-1), '…and 205 more clashes, not listed');
  // Matching with the extended matcher finds the new pack's people, and the first pack's Miller.
  const matcher = matcherFromCompiled(extended.compiled);
  assert.deepEqual(matcher.scan('Person31x4 Miller spoke.').mentions.map((m) => matcher.entityId(m.entity)), ['miller-31-4']);
  assert.equal(matcher.entityId(matcher.scan('Miller said').mentions[0]!.entity), 'miller-0-0');
});

/** Few words, so that generated packs share forms, entities and context words. */
const WORDS = ['Alma', 'Bay', 'Corr', 'Dane', 'US', 'us', 'Ève', 'summit', 'Group of 20', 'don’t', 'Le  Port'];
const form = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }).map((w) => w.join(' '));
const alias: fc.Arbitrary<Alias> = fc.record(
  {
    form,
    exactCase: fc.boolean(),
    secondReference: fc.boolean(),
    standalone: fc.boolean(),
    notInCapitalsRun: fc.boolean(),
    requiresPageContext: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }),
    contextFromPack: fc.boolean(),
  },
  { requiredKeys: ['form'] },
);
const generatedEntity = fc.record({
  // 'the-e-a' ends like 'e-a': an id is found in the stored list by whole line.
  id: fc.constantFrom('e-a', 'e-b', 'e-c', 'the-e-a', 'e-e'),
  type: fc.constantFrom(...ENTITY_TYPES),
  aliases: fc.array(alias, { maxLength: 3 }),
  neverMatch: fc.option(fc.array(form, { maxLength: 2 }), { nil: undefined }),
});
const generatedPack = (id: string) =>
  fc.record({ entities: fc.array(generatedEntity, { maxLength: 4 }), neighbours: fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }) }).map(({ entities, neighbours }) =>
    pack(id, entities.map((e) => entity(e.id, e.type, e.aliases, e.neverMatch)), neighbours),
  );

test('generated packs: extending by one pack equals compiling all of them', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, k) => generatedPack(`p${k}`))), generatedPack('last'))), ([packs, last]) => {
      assertExtends(packs, last);
      // Pack by pack from nothing: each extension extends the one before.
      const chained = [...packs, last].reduce((matcher, p) => extendMatcher(stored(matcher), p), compileResumable([]));
      assert.deepEqual(chained, compileResumable([...packs, last]));
    }),
    { numRuns: RUNS },
  );
});
