import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeExtension } from '../../test/unit/fake-extension';

test('without browser.commands (Firefox for Android has none) the background still registers every other listener', async () => {
  installFakeExtension();
  const added: string[] = [];
  const event = (name: string) => ({ addListener: () => added.push(name), removeListener: () => undefined });
  const browser = (globalThis as unknown as { browser: Record<string, Record<string, unknown>> }).browser;
  Object.assign(browser.runtime!, { onMessage: event('runtime.onMessage'), onInstalled: event('runtime.onInstalled') });
  browser.tabs = { onUpdated: event('tabs.onUpdated') };
  assert.equal(browser.commands, undefined);
  await import('./index');
  // (After an update the stored matcher is checked at start-up, storage-upkeep.ts: no onInstalled.)
  assert.deepEqual(added.sort(), ['runtime.onMessage', 'tabs.onUpdated']);
});
