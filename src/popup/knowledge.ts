/**
 * The knowledge base as the popup sees it: the built-in pack plus the imported packs the reader
 * has on, read from storage when the popup opens and again whenever packs change.
 * Until storage has answered, the built-in pack alone (bundled) stands in, so nothing waits.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import builtInPacks from 'virtual:knowledge-base';
import type { EntityBackground } from '../common/messages';
import { enabledPacks, packsChanged } from '../common/packs-store';
import { indexKnowledgeBase, type KnowledgeIndex } from '../kb/lookup';
import type { KnowledgeBase, Source } from '../kb/types';
import { entityBackground } from '../ui/entity-background';

export interface Knowledge {
  index: KnowledgeIndex;
  /** Every enabled pack's story, the built-in first. */
  stories: Source[];
  /** False until the enabled packs have been read from storage. */
  loaded: boolean;
  backgroundOf(id: string): EntityBackground | null;
}

export function knowledgeOf(packs: KnowledgeBase[], loaded: boolean): Knowledge {
  const index = indexKnowledgeBase(packs);
  return { index, stories: packs.map((p) => p.source), loaded, backgroundOf: (id) => entityBackground(index, id) };
}

const builtInOnly = knowledgeOf(builtInPacks.slice(0, 1), false);

export const KnowledgeContext = createContext<Knowledge>(builtInOnly);

export const useKnowledge = (): Knowledge => useContext(KnowledgeContext);

/** The enabled packs' knowledge, kept up to date while the component is mounted. */
export function useEnabledKnowledge(): Knowledge {
  const [knowledge, setKnowledge] = useState<Knowledge>(builtInOnly);
  useEffect(() => {
    let live = true;
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      enabledPacks().then(
        // Only the newest read counts: two quick changes must not end on the older answer.
        (packs) => live && mine === generation && setKnowledge(knowledgeOf(packs, true)),
        () => live && mine === generation && setKnowledge(knowledgeOf(builtInPacks.slice(0, 1), true)),
      );
    };
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (packsChanged(changes, area)) load();
    };
    browser.storage.onChanged.addListener(listener);
    load();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return knowledge;
}
