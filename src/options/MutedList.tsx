/**
 * The names the reader asked not to highlight ("Don't highlight <name>" in the card or the
 * popup), with their display names from the packs that are on (looked up by id: with 1,000
 * articles stored, reading every pack's names again on each change froze this page, and any
 * extension page beside it, for most of a second); each can be highlighted again. A muted id no
 * pack on knows is listed by its id.
 */
import { useEffect, useState } from 'preact/hooks';
import { builtInPack, onPacksChanged } from '../common/packs-store';
import { entityNames } from '../common/entity-lookup';

interface MutedListProps {
  ids: string[];
  onUnmute: (id: string) => void;
}

/** Display names of these entity ids, kept up to date while packs are imported or removed. */
function useEntityNames(ids: string[]): Record<string, string> {
  // The built-in pack's names at once (bundled); the packs' once looked up.
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(builtInPack().entities.filter((e) => ids.includes(e.id)).map((e) => [e.id, e.name])));
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    const load = () => void entityNames(ids).then((found) => live && setNames(Object.fromEntries(found)), () => undefined);
    const unsubscribe = onPacksChanged(load);
    load();
    return () => {
      live = false;
      unsubscribe();
    };
    // `key` stands for `ids`: a new array of the same ids needs no new look-up.
  }, [key]);
  return names;
}

export function MutedList({ ids, onUnmute }: MutedListProps) {
  const names = useEntityNames(ids);
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
