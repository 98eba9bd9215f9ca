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
/** What the background answers when storage has no matcher (the content script's fallback). */
const fromBackground = async () => JSON.stringify(builtIn);

beforeEach(() => {
  fake.local.items = {};
});

test('the stored matcher is read back from its JSON text', async () => {
  fake.local.items[COMPILED_KEY] = good;
  assert.deepEqual(await loadCompiledMatcher(fromBackground), other);
  assert.deepEqual(storedMatcher(good)?.packIds, ['harbour-pact']);
  // Nothing stored yet (the first page after install): the background's.
  delete fake.local.items[COMPILED_KEY];
  assert.deepEqual(await loadCompiledMatcher(fromBackground), builtIn);
  // Nor can the background answer: nothing, and no error.
  assert.equal(await loadCompiledMatcher(() => Promise.reject(new Error('no receiver'))), null);
});

test('a damaged or outdated stored matcher gives the bundled one, never an error', async () => {
  const damaged: unknown[] = [
    null,
    'text',
    { packIds: ['harbour-pact'] },
    { packIds: 'harbour-pact', compiled: good.compiled },
    { ...good, compiled: good.compiled.slice(0, 100) },
    { ...good, compiled: JSON.stringify({ ...other, version: other.version + 1 }) },
    { ...good, compiled: JSON.stringify({ ...other, forms: null }) },
    // Version 2's trie: compiled again by the background, never read as version 3.
    { ...good, compiled: JSON.stringify({ version: 2, entities: [], trie: {}, forms: {}, allowedNeighbours: [], contextGroups: [] }) },
    // The object form an earlier version stored.
    { ...good, compiled: other },
  ];
  for (const value of damaged) {
    assert.equal(storedMatcher(value), null, JSON.stringify(value)?.slice(0, 80));
    fake.local.items[COMPILED_KEY] = value;
    assert.deepEqual(await loadCompiledMatcher(fromBackground), builtIn);
  }
});
