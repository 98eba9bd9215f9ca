import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { compileMatcher } from '../match/compile';
import { testKnowledgeBase } from '../match/fixtures';

const fake = installFakeExtension();
const { COMPILED_KEY, loadCompiledMatcher, storedMatcher } = await import('./compiled-matcher-store');

const builtIn = compileMatcher([testKnowledgeBase()]).compiled;
const other = compileMatcher([{ ...testKnowledgeBase(), entities: testKnowledgeBase().entities.slice(0, 2) }]).compiled;
const good = { packIds: ['harbour-pact'], compiled: JSON.stringify(other), conflicts: [] };

beforeEach(() => {
  fake.local.items = {};
});

test('the stored matcher is read back from its JSON text', async () => {
  fake.local.items[COMPILED_KEY] = good;
  assert.deepEqual(await loadCompiledMatcher(builtIn), other);
  assert.deepEqual(storedMatcher(good)?.packIds, ['harbour-pact']);
  // Nothing stored (no packs of the reader's): the bundled matcher.
  delete fake.local.items[COMPILED_KEY];
  assert.equal(await loadCompiledMatcher(builtIn), builtIn);
});

test('a damaged or outdated stored matcher gives the bundled one, never an error', async () => {
  const damaged: unknown[] = [
    null,
    'text',
    { packIds: ['harbour-pact'] },
    { packIds: 'harbour-pact', compiled: good.compiled },
    { ...good, compiled: good.compiled.slice(0, 100) },
    { ...good, compiled: JSON.stringify({ ...other, version: other.version + 1 }) },
    { ...good, compiled: JSON.stringify({ ...other, trie: null }) },
    // The object form an earlier version stored.
    { ...good, compiled: other },
  ];
  for (const value of damaged) {
    assert.equal(storedMatcher(value), null, JSON.stringify(value)?.slice(0, 80));
    fake.local.items[COMPILED_KEY] = value;
    assert.equal(await loadCompiledMatcher(builtIn), builtIn);
  }
});
