/**
 * The knowledge base as the popup sees it: the built-in pack (bundled) plus the packs the reader
 * has on, read from storage only as far as the popup shows them (src/common/entity-lookup.ts): the
 * backgrounds of the names asked for (the names on the page, a search result opened, the entity
 * page), the search over every pack's entity entries once the reader searches, and the stories
 * from the packs' meta records. Read again whenever packs change. Until storage has answered, the
 * built-in pack alone stands in, so nothing waits.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import builtInPacks from 'virtual:knowledge-base';
import type { EntityBackground } from '../common/messages';
import { enabledStories, lookUpEntities, searchBuiltIn, searchEnabled, type SearchHit } from '../common/entity-lookup';
import { storyOf, type Story } from '../common/pack-db';
import { onPacksChanged } from '../common/packs-store';
import { indexKnowledgeBase } from '../kb/lookup';
import { entityBackground } from '../ui/entity-background';

export type { SearchHit, Story };

export interface Knowledge {
  /** The built-in pack's story and every enabled pack's, in the order switched on. */
  stories: Story[];
  /** The entity's background from every enabled pack; until storage has answered for it, the built-in pack's. */
  backgroundOf(id: string): EntityBackground | null;
  /** Whether storage has answered for this entity. */
  loaded(id: string): boolean;
  /** Reads these entities' backgrounds (only the packs that hold them), unless already read. */
  want(ids: readonly string[]): void;
  /** Search over the built-in pack, and over every enabled pack once `wantSearch` has read them. */
  search(query: string): SearchHit[];
  wantSearch(): void;
}

const builtInIndex = indexKnowledgeBase(builtInPacks.slice(0, 1));
const builtInBackground = (id: string) => entityBackground(builtInIndex, id);
const builtInStories = builtInPacks.slice(0, 1).map(storyOf);
const builtInSearch = searchBuiltIn();

/** The built-in pack alone, as the popup shows it before storage answers. */
export const builtInKnowledge: Knowledge = {
  stories: builtInStories,
  backgroundOf: builtInBackground,
  loaded: () => false,
  want: () => undefined,
  search: builtInSearch,
  wantSearch: () => undefined,
};

export const KnowledgeContext = createContext<Knowledge>(builtInKnowledge);

export const useKnowledge = (): Knowledge => useContext(KnowledgeContext);

/** The enabled packs' knowledge, read as far as it is asked for and kept up to date while mounted. */
export function useEnabledKnowledge(): Knowledge {
  const [stories, setStories] = useState<Story[]>(builtInStories);
  const [found, setFound] = useState<ReadonlyMap<string, EntityBackground | null>>(new Map());
  const [search, setSearch] = useState<(query: string) => SearchHit[]>(() => builtInSearch);
  // What has been asked for, and which change of packs the answers are of: only answers read
  // after the latest change count (two quick changes must not end on the older answer).
  const asked = useRef({ ids: new Set<string>(), search: false, generation: 0, live: true }).current;

  const actions = useMemo(() => {
    const lookUp = (ids: string[]) => {
      const generation = asked.generation;
      const keep = (answers: Map<string, EntityBackground | null>) => {
        if (asked.live && generation === asked.generation) setFound((prev) => new Map([...prev, ...answers]));
      };
      lookUpEntities(ids).then(keep, () => keep(new Map(ids.map((id) => [id, builtInBackground(id)]))));
    };
    const loadSearch = () => {
      const generation = asked.generation;
      searchEnabled().then(
        (fn) => asked.live && generation === asked.generation && setSearch(() => fn),
        () => undefined,
      );
    };
    const loadStories = () => {
      const generation = asked.generation;
      enabledStories().then(
        (s) => asked.live && generation === asked.generation && setStories(s),
        () => undefined,
      );
    };
    return {
      want(ids: readonly string[]) {
        const fresh = [...new Set(ids)].filter((id) => !asked.ids.has(id));
        for (const id of fresh) asked.ids.add(id);
        if (fresh.length > 0) lookUp(fresh);
      },
      wantSearch() {
        if (asked.search) return;
        asked.search = true;
        loadSearch();
      },
      reload() {
        asked.generation++;
        loadStories();
        if (asked.ids.size > 0) lookUp([...asked.ids]);
        if (asked.search) loadSearch();
      },
      loadStories,
    };
  }, [asked]);

  useEffect(() => {
    asked.live = true;
    const unsubscribe = onPacksChanged(() => actions.reload());
    actions.loadStories();
    return () => {
      asked.live = false;
      unsubscribe();
    };
  }, [actions, asked]);

  return useMemo(
    () => ({
      stories,
      backgroundOf: (id: string) => (found.has(id) ? found.get(id)! : builtInBackground(id)),
      loaded: (id: string) => found.has(id),
      want: actions.want,
      search,
      wantSearch: actions.wantSearch,
    }),
    [stories, found, search, actions],
  );
}
