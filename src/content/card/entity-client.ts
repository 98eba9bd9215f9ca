/**
 * Fetches entity backgrounds from the background script, once per id per page, until the
 * enabled packs change (a pack turned on may add a story to a background already fetched).
 */
import type { EntityBackground, Message, Replies } from '../../common/messages';
import { COMPILED_KEY } from '../../common/compiled-matcher-key';

export type FetchEntity = (id: string) => Promise<EntityBackground | null>;

type Send = (message: Message) => Promise<unknown>;

type StorageListener = (changes: Record<string, unknown>, area: string) => void;
/** browser.storage.onChanged, or a stand-in in tests. */
export interface StorageEvents {
  addListener(listener: StorageListener): void;
  removeListener(listener: StorageListener): void;
}

export function createEntityClient(send: Send, signal?: AbortSignal, storageEvents?: StorageEvents): FetchEntity {
  const cache = new Map<string, Promise<EntityBackground | null>>();
  if (signal && storageEvents) {
    // The matcher is recompiled whenever packs are imported, removed, or switched on or off.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && COMPILED_KEY in changes) cache.clear();
    };
    storageEvents.addListener(listener);
    signal.addEventListener('abort', () => storageEvents.removeListener(listener), { once: true });
  }
  return (id) => {
    let pending = cache.get(id);
    if (!pending) {
      pending = send({ type: 'get-entity', id }) as Promise<Replies['get-entity']>;
      // A failed request (the worker was restarting) must not stay cached.
      const mine = pending;
      mine.catch(() => cache.get(id) === mine && cache.delete(id));
      cache.set(id, mine);
    }
    return pending;
  };
}
