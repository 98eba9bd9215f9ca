/**
 * The names the reader asked not to highlight ("Don't highlight <name>" in the card or the
 * popup), with their display names from the packs that are on (their matching parts: names
 * without texts); each can be highlighted again. A muted id no pack on knows is listed by its id.
 */
import { useEffect, useState } from 'preact/hooks';
import { builtInPack, enabledMatchingParts, onPacksChanged } from '../common/packs-store';
import { indexKnowledgeBase } from '../kb/lookup';

interface MutedListProps {
  ids: string[];
  onUnmute: (id: string) => void;
}

/** Display names by entity id, kept up to date while packs are imported or removed. */
function useEntityNames(): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>(() => namesOf([builtInPack()]));
  useEffect(() => {
    let live = true;
    const load = () => void enabledMatchingParts().then((packs) => live && setNames(namesOf(packs)), () => undefined);
    const unsubscribe = onPacksChanged(load);
    load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return names;
}

const namesOf = (packs: Parameters<typeof indexKnowledgeBase>[0]) => Object.fromEntries(indexKnowledgeBase(packs).all().map((e) => [e.id, e.name]));

export function MutedList({ ids, onUnmute }: MutedListProps) {
  const names = useEntityNames();
  return (
    <fieldset class="muted-section">
      <legend>Names you asked not to highlight</legend>
      {ids.length === 0 ? (
        <p class="note">None. “Don’t highlight” in a name’s card or in the popup adds it here.</p>
      ) : (
        <ul class="sites muted-names">
          {ids.map((id) => {
            const name = names[id] ?? id;
            return (
              <li key={id} data-entity-id={id}>
                <span>
                  {name}
                  {names[id] === undefined && <span class="hint"> (in no pack you have now)</span>}
                </span>{' '}
                <button type="button" class="unmute" onClick={() => onUnmute(id)}>
                  Highlight again<span class="sr">{`: ${name}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
