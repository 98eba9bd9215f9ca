/** Keyboard commands from manifest.json, forwarded to the content script of the active tab. */
import browser from 'webextension-polyfill';
import { commandMessage } from './command-message';

export async function runCommand(command: string, tab?: browser.Tabs.Tab): Promise<void> {
  const message = commandMessage(command);
  if (!message) return;
  let tabId = tab?.id;
  if (tabId === undefined) {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId === undefined) return;
  // Pages without our content script (browser pages, the store) reject: nothing to do there.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
