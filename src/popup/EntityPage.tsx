/** popup.html#entity=<id> in a tab: one entity's full background; related names link on. */
import { useEffect } from 'preact/hooks';
import { EntityCard } from '../ui/EntityCard';
import { backgroundOf } from './knowledge';
import { entityHash } from './popup-target';

export function EntityPage({ id }: { id: string }) {
  const background = backgroundOf(id);
  useEffect(() => {
    document.title = background ? `${background.entity.name} · Backstory` : 'Backstory';
    window.scrollTo(0, 0);
  }, [background]);
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
      ) : (
        <p class="note">There is no background for “{id}” in the knowledge base.</p>
      )}
    </main>
  );
}
