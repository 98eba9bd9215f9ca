/** Fetches entity backgrounds from the background script, once per id per page. */
import browser from 'webextension-polyfill';
import type { EntityBackground, Message, Replies } from '../../common/messages';

export type FetchEntity = (id: string) => Promise<EntityBackground | null>;

type Send = (message: Message) => Promise<unknown>;

export function createEntityClient(send: Send = (m) => browser.runtime.sendMessage(m)): FetchEntity {
  const cache = new Map<string, Promise<EntityBackground | null>>();
  return (id) => {
    let pending = cache.get(id);
    if (!pending) {
      pending = send({ type: 'get-entity', id }) as Promise<Replies['get-entity']>;
      // A failed request (the worker was restarting) must not stay cached.
      pending.catch(() => cache.delete(id));
      cache.set(id, pending);
    }
    return pending;
  };
}
