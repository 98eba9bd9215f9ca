/**
 * Entity backgrounds from every enabled pack: the built-in knowledge base (bundled) plus the
 * imported packs the reader has on (browser storage). Read from storage, never held only in
 * memory: Chrome stops the worker when idle, and a new worker reads storage again.
 */
import browser from 'webextension-polyfill';
import type { EntityBackground } from '../common/messages';
import { enabledPacks, packsChanged } from '../common/packs-store';
import { indexKnowledgeBase, type KnowledgeIndex } from '../kb/lookup';
import { entityBackground } from '../ui/entity-background';

/**
 * The index of the enabled packs, built on first use and kept until packs change:
 * reading and validating every stored pack for each card would repeat the same work per hover.
 */
let cached: Promise<KnowledgeIndex> | null = null;

browser.storage.onChanged.addListener((changes, area) => {
  if (packsChanged(changes, area)) cached = null;
});

function enabledIndex(): Promise<KnowledgeIndex> {
  if (!cached) {
    const pending = enabledPacks().then(indexKnowledgeBase);
    // A failed read is not kept: the next request tries storage again.
    pending.catch(() => {
      if (cached === pending) cached = null;
    });
    cached = pending;
  }
  return cached;
}

export async function backgroundOf(id: string): Promise<EntityBackground | null> {
  return entityBackground(await enabledIndex(), id);
}
