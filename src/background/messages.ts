/** Answers the messages addressed to the background (see common/messages.ts). */
import browser from 'webextension-polyfill';
import { isMessage, type Replies } from '../common/messages';
import { withMuted } from '../common/settings';
import { updateSettings } from '../common/settings-store';
import { setBadge } from './badge';
import { backgroundOf } from './knowledge';
import { compiledMatcherData } from './compiled-matcher';
import { openBackground } from './open-background';

type BackgroundReply = Replies['get-entity'] | Replies['set-muted'] | Replies['get-compiled-matcher'] | void;

/**
 * Returns a promise for messages this script answers and undefined for the rest, so that other
 * listeners (the content script's, in the popup's direction) are not pre-empted.
 */
export function handleMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<BackgroundReply> | undefined {
  if (!isMessage(message)) return undefined;
  // Only our own pages and content scripts.
  if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
  switch (message.type) {
    case 'get-entity':
      return typeof message.id === 'string' ? backgroundOf(message.id) : Promise.resolve(null);
    case 'page-names-changed': {
      const tabId = sender.tab?.id;
      // Only the top frame's count goes on the badge.
      if (tabId === undefined || (sender.frameId !== undefined && sender.frameId !== 0)) return Promise.resolve();
      return setBadge(tabId, message.distinct).catch(() => undefined);
    }
    case 'get-compiled-matcher':
      return compiledMatcherData().then((compiled) => ({ compiled }));
    case 'open-background':
      return openBackground(message.id, sender.tab);
    case 'set-muted':
      if (typeof message.id !== 'string' || typeof message.muted !== 'boolean') return Promise.resolve({ saved: false });
      return updateSettings((s) => withMuted(s, message.id, message.muted)).then(
        () => ({ saved: true }),
        () => ({ saved: false }),
      );
    default:
      return undefined;
  }
}
