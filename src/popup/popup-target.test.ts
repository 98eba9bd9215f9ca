import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityHash, readTarget } from './popup-target';

test('#entity=<id> opens an entity page', () => {
  assert.deepEqual(readTarget('', '#entity=joe-biden'), { kind: 'entity', id: 'joe-biden' });
  assert.deepEqual(readTarget('?tab=4', entityHash('a b')), { kind: 'entity', id: 'a b' });
});

test('?tab=<id> targets a tab; anything else targets the active tab', () => {
  assert.deepEqual(readTarget('?tab=12', ''), { kind: 'page', tabId: 12 });
  assert.deepEqual(readTarget('?tab=x12', ''), { kind: 'page', tabId: null });
  assert.deepEqual(readTarget('', ''), { kind: 'page', tabId: null });
  assert.deepEqual(readTarget('', '#entity='), { kind: 'page', tabId: null });
});
