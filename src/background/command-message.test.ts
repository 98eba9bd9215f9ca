import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandMessage } from './command-message';

test('each manifest command maps to its content-script message', () => {
  assert.deepEqual(commandMessage('toggle-highlighting'), { type: 'toggle-highlighting' });
  assert.deepEqual(commandMessage('next-mention'), { type: 'jump-to-mention', direction: 1 });
  assert.deepEqual(commandMessage('previous-mention'), { type: 'jump-to-mention', direction: -1 });
  assert.equal(commandMessage('something-else'), null);
});
