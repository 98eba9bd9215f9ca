/** Asks a tab's content script which names its page shows. */
import browser from 'webextension-polyfill';
import type { Message, PageNamesReply, Replies } from '../common/messages';

export type PageState =
  | { status: 'loading' }
  | { status: 'ok'; tabId: number; reply: PageNamesReply }
  /** No page to ask (the popup is a tab of its own) or the page cannot be reached. */
  | { status: 'unreachable'; reason: 'no-tab' | 'restricted' };

/** The tab the popup is about: `?tab=<id>`, else the active tab of this window (but never itself). */
export async function targetTab(requested: number | null): Promise<number | null> {
  if (requested !== null) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return null;
  // Opened as a tab (not as the toolbar popup), the active tab is the popup page itself.
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  return self?.id === active.id ? null : active.id;
}

export async function sendToTab<T extends Message>(tabId: number, message: T): Promise<Replies[T['type']]> {
  return (await browser.tabs.sendMessage(tabId, message)) as Replies[T['type']];
}

/**
 * A page that is still loading has no content script yet (it runs at document_idle): ask a few
 * times before saying the page cannot be read. 4 × 250 ms stays under the time a reader waits.
 */
const ASK_ATTEMPTS = 4;
const ASK_RETRY_MS = 250;

export async function readPage(requested: number | null): Promise<PageState> {
  const tabId = await targetTab(requested).catch(() => null);
  if (tabId === null) return { status: 'unreachable', reason: 'no-tab' };
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await sendToTab(tabId, { type: 'get-page-names' });
      if (reply && Array.isArray(reply.names)) return { status: 'ok', tabId, reply };
    } catch {
      // No content script there (yet): a browser page, the extension store, a PDF, a loading page.
    }
    if (attempt >= ASK_ATTEMPTS) return { status: 'unreachable', reason: 'restricted' };
    await new Promise((r) => setTimeout(r, ASK_RETRY_MS));
  }
}
