/** Search over every enabled pack, as expandable rows. */
import { useEffect } from 'preact/hooks';
import { useKnowledge } from './knowledge';
import { EntityRow } from './EntityRow';

/** Enough to scan in a popup; a more precise query narrows the rest. */
const MAX_RESULTS = 12;

interface SearchResultsProps {
  query: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onFullBackground: (id: string) => void;
}

export function SearchResults({ query, expanded, onToggle, onFullBackground }: SearchResultsProps) {
  const { search, wantSearch } = useKnowledge();
  // Every enabled pack's names are read the first time the reader searches, not before.
  useEffect(() => wantSearch(), [wantSearch]);
  const hits = search(query).slice(0, MAX_RESULTS);
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Search results</h2>
      {hits.length === 0 ? (
        <p class="note">Nothing in the knowledge base matches “{query}”.</p>
      ) : (
        <ul class="entity-list">
          {hits.map(({ entity }) => (
            <EntityRow key={entity.id} entity={entity} expanded={expanded.has(entity.id)} onToggle={onToggle} onFullBackground={onFullBackground} />
          ))}
        </ul>
      )}
    </section>
  );
}
