/**
 * Background (Chrome: service worker; Firefox: event page). Holds no state in memory: Chrome
 * stops the worker after about 30 s idle, so every answer is computed from the bundled knowledge
 * base and the packs in browser storage, or kept by the browser (per-tab badge). Listeners are registered synchronously at the top
 * level so that an event that wakes the worker reaches them.
 */
import browser from 'webextension-polyfill';
import { clearBadge } from './badge';
import { runCommand } from './commands';
import { handleMessage } from './messages';
import { startStorageUpkeep } from './storage-upkeep';

const onMessage: browser.Runtime.OnMessageListenerAsync = (message, sender) =>
  // Undefined (not a promise) for messages meant for other listeners.
  handleMessage(message, sender) as Promise<unknown>;
browser.runtime.onMessage.addListener(onMessage);

// Firefox for Android has no keyboard commands: `browser.commands` is undefined there, and
// reading it unguarded would stop this script before the listeners below.
browser.commands?.onCommand.addListener((command, tab) => {
  void runCommand(command, tab);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A new page is loading: the old page's count no longer applies (its content script re-counts).
  if (changeInfo.status === 'loading') void clearBadge(tabId).catch(() => undefined);
});

startStorageUpkeep();

