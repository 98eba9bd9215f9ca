/** popup.html#entity=<id> in a tab: one entity's full background; related names link on. */
import { useEffect } from 'preact/hooks';
import { EntityCard } from '../ui/EntityCard';
import { useKnowledge } from './knowledge';
import { entityHash } from './popup-target';

export function EntityPage({ id }: { id: string }) {
  const { backgroundOf, loaded, want } = useKnowledge();
  useEffect(() => want([id]), [id, want]);
  const background = backgroundOf(id);
  const name = background?.entity.name;
  useEffect(() => {
    document.title = name ? `${name} · Backstory` : 'Backstory';
    window.scrollTo(0, 0);
    // Per entity shown, not per render: packs loading must not scroll the reader back up.
  }, [id, name]);
  return (
    <main class="page entity-page">
      <h1>Backstory</h1>
      {background ? (
        <EntityCard
          background={background}
          variant="full"
          headingLevel={2}
          onOpenRelated={(rel) => {
            location.hash = entityHash(rel);
          }}
        />
      ) : !loaded(id) ? (
        // The entity may be in an imported pack: storage has not answered yet.
        <p class="note">Loading…</p>
      ) : (
        <p class="note">There is no background for “{id}” in the enabled packs.</p>
      )}
    </main>
  );
}
