/** Opens an entity's full background: the popup page in a tab, at #entity=<id>. */
import browser from 'webextension-polyfill';

export function entityPageUrl(id: string): string {
  return browser.runtime.getURL(`popup.html#entity=${encodeURIComponent(id)}`);
}

export async function openBackground(id: string, from?: browser.Tabs.Tab): Promise<void> {
  const props: browser.Tabs.CreateCreatePropertiesType = { url: entityPageUrl(id) };
  // Next to the page it came from, so closing it returns the reader there.
  if (from?.index !== undefined) props.index = from.index + 1;
  if (from?.id !== undefined) props.openerTabId = from.id;
  if (from?.windowId !== undefined) props.windowId = from.windowId;
  await browser.tabs.create(props);
}
