/**
 * Entity backgrounds for cards: the built-in knowledge base (bundled) plus every enabled pack that
 * holds the entity, read from IndexedDB (only those packs: src/common/entity-lookup.ts). Chrome
 * stops the worker when idle and a new worker reads storage again, so the first card after a
 * start must not wait for a thousand packs to be read.
 */
import type { EntityBackground } from '../common/messages';
import { lookUpEntities } from '../common/entity-lookup';
import { onPacksChanged } from '../common/packs-store';

/**
 * Backgrounds already looked up, kept until packs change: hovering the same names again should
 * not read their packs again. Bounded (the oldest dropped first): a long session opens cards for
 * many names, and a name in many packs carries a background from each.
 */
const MAX_CACHED = 200;
const cached = new Map<string, Promise<EntityBackground | null>>();

onPacksChanged(() => cached.clear());

export function backgroundOf(id: string): Promise<EntityBackground | null> {
  const hit = cached.get(id);
  if (hit) {
    // Most recently used last, so it is dropped last.
    cached.delete(id);
    cached.set(id, hit);
    return hit;
  }
  const pending = lookUpEntities([id]).then((found) => found.get(id) ?? null);
  // A failed read is not kept: the next request tries storage again.
  pending.catch(() => {
    if (cached.get(id) === pending) cached.delete(id);
  });
  cached.set(id, pending);
  if (cached.size > MAX_CACHED) cached.delete(cached.keys().next().value!);
  return pending;
}
