/**
 * What the hover card shows: one entity's background, short first with "More", related entities
 * opening in the same card (a stack, so "Back" returns), a close button, "Don't highlight
 * <name>" and "Full background".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityBackground } from '../../common/messages';
import { EntityCard } from '../../ui/EntityCard';
import type { FetchEntity } from './entity-client';

export const CARD_HEADING_ID = 'bs-card-title';

interface CardViewProps {
  rootId: string;
  fetchEntity: FetchEntity;
  onFullBackground: (id: string) => void;
  onMute: (id: string, name: string) => void;
  onClose: () => void;
  /** Told which entity is on display, whenever that changes. */
  onShow: (id: string) => void;
}

type Loaded = { id: string; background: EntityBackground | null | 'error' };

export function CardView({ rootId, fetchEntity, onFullBackground, onMute, onClose, onShow }: CardViewProps) {
  const [stack, setStack] = useState<string[]>([rootId]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  /** The entity the reader moved to within the card: focus follows to its heading once shown. */
  const moveFocusTo = useRef<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const id = stack[stack.length - 1] ?? rootId;

  useEffect(() => {
    let live = true;
    fetchEntity(id).then(
      (background) => {
        if (!live) return;
        setLoaded({ id, background });
        if (background) setNames((n) => ({ ...n, [id]: background.entity.name }));
      },
      () => live && setLoaded({ id, background: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [id, fetchEntity]);

  useEffect(() => onShow(id), [id, onShow]);

  const current = loaded?.id === id ? loaded.background : undefined;
  useEffect(() => {
    if (moveFocusTo.current !== id || current === undefined) return;
    moveFocusTo.current = null;
    const heading = body.current?.querySelector<HTMLElement>(`#${CARD_HEADING_ID}`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [current, id]);

  const go = (next: string[]) => {
    moveFocusTo.current = next[next.length - 1] ?? null;
    setStack(next);
  };
  const previous = stack.length > 1 ? stack[stack.length - 2] : undefined;

  return (
    <div ref={body}>
      <button type="button" class="bs-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
      {previous !== undefined && (
        <button type="button" class="bs-back" onClick={() => go(stack.slice(0, -1))}>
          ← Back<span class="bs-sr">{` to ${names[previous] ?? 'the previous name'}`}</span>
        </button>
      )}
      {current === undefined ? (
        <p class="bs-status" id={CARD_HEADING_ID}>
          Loading background…
        </p>
      ) : current === null || current === 'error' ? (
        <p class="bs-status" id={CARD_HEADING_ID}>
          {current === null ? 'No background for this name.' : 'The background could not be loaded. Try again in a moment.'}
        </p>
      ) : (
        <EntityCard
          key={id}
          background={current}
          variant="card"
          headingId={CARD_HEADING_ID}
          onOpenRelated={(rel) => go([...stack, rel])}
          onFullBackground={onFullBackground}
          onMute={onMute}
        />
      )}
    </div>
  );
}
