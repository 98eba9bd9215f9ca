/** Asks the content script of the tab being reviewed for the page as it is now. */
import browser from 'webextension-polyfill';
import type { Message, PageSnapshot } from '../common/messages';

export type SnapshotResult = { ok: true; snapshot: PageSnapshot } | { ok: false; message: string };

export async function takeSnapshot(tabId: number): Promise<SnapshotResult> {
  const message: Message = { type: 'get-page-snapshot' };
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message)) as PageSnapshot | undefined;
    if (reply && typeof reply.html === 'string' && typeof reply.url === 'string') return { ok: true, snapshot: reply };
  } catch {
    // No content script there: the tab was closed, moved to a browser page or a PDF, or is reloading.
  }
  return {
    ok: false,
    message:
      'Backstory could not read that page. It may have been closed or reloaded, or it is a page Backstory cannot read (a PDF, a browser page, an extension store). Open the article again and press “Add this article” once it has loaded.',
  };
}
