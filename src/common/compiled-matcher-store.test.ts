import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeExtension } from '../../test/unit/fake-extension';
import { compileMatcher } from '../match/compile';
import { matcherData } from '../match/matcher-data';
import { testKnowledgeBase } from '../match/fixtures';

const fake = installFakeExtension();
const { COMPILED_KEY, loadCompiledMatcher, storedMatcher } = await import('./compiled-matcher-store');

const builtIn = matcherData(compileMatcher([testKnowledgeBase()]).compiled);
const otherCompiled = compileMatcher([{ ...testKnowledgeBase(), entities: testKnowledgeBase().entities.slice(0, 2) }]).compiled;
const other = matcherData(otherCompiled);
const good = { packIds: ['harbour-pact'], compiled: other, conflicts: [] };
/** What the background answers when storage has no matcher (the content script's fallback). */
const fromBackground = async () => builtIn;

beforeEach(() => {
  fake.local.items = {};
});

test('the stored matcher is read back as it was stored, with no parsing', async () => {
  fake.local.items[COMPILED_KEY] = good;
  assert.deepEqual(await loadCompiledMatcher(fromBackground), other);
  assert.deepEqual(storedMatcher(good)?.packIds, ['harbour-pact']);
  // Nothing stored yet (the first page after install): the background's.
  delete fake.local.items[COMPILED_KEY];
  assert.deepEqual(await loadCompiledMatcher(fromBackground), builtIn);
  // Nor can the background answer: nothing, and no error.
  assert.equal(await loadCompiledMatcher(() => Promise.reject(new Error('no receiver'))), null);
  // An answer that is not a matcher is none.
  assert.equal(await loadCompiledMatcher(async () => JSON.stringify(otherCompiled)), null);
});

test('a damaged or outdated stored matcher gives the background’s, never an error', async () => {
  const damaged: unknown[] = [
    null,
    'text',
    { packIds: ['harbour-pact'] },
    { packIds: 'harbour-pact', compiled: other },
    { ...good, compiled: { ...other, version: other.version + 1 } },
    { ...good, compiled: { ...other, lines: null } },
    { ...good, compiled: { ...other, allowedNeighbours: [1] } },
    { ...good, compiled: { ...other, needsContext: null } },
    // Version 4: the CompiledMatcher as JSON text (compiled again by the background).
    { ...good, compiled: JSON.stringify({ ...otherCompiled, version: 4 }) },
    // Version 4's fields as an object: not read as version 5.
    { ...good, compiled: { ...otherCompiled, version: 4 } },
    // Version 2's trie.
    { ...good, compiled: JSON.stringify({ version: 2, entities: [], trie: {}, forms: {}, allowedNeighbours: [], contextGroups: [] }) },
  ];
  for (const value of damaged) {
    assert.equal(storedMatcher(value), null, JSON.stringify(value)?.slice(0, 80));
    fake.local.items[COMPILED_KEY] = value;
    assert.deepEqual(await loadCompiledMatcher(fromBackground), builtIn);
  }
});
