/** One entity in a popup list: a disclosure button with name and count that expands its background. */
import { useEffect } from 'preact/hooks';
import type { EntityRef } from '../common/messages';
import { EntityCard } from '../ui/EntityCard';
import { TYPE_LABELS } from '../ui/labels';
import { useKnowledge } from './knowledge';
import { mentionLabel } from './name-rows';

interface EntityRowProps {
  entity: EntityRef;
  /** Mentions on the page; absent in search results. */
  count?: number;
  expanded: boolean;
  onToggle: (id: string) => void;
  /** Scroll the page to the next mention (only for names on the page). */
  onShow?: (id: string) => void;
  onFullBackground: (id: string) => void;
  /** "Don't highlight <name>" (only for names on the page). */
  onMute?: (id: string, name: string) => void;
}

export function EntityRow({ entity, count, expanded, onToggle, onShow, onFullBackground, onMute }: EntityRowProps) {
  const { backgroundOf, want } = useKnowledge();
  // A search result's packs are read when it is opened.
  useEffect(() => {
    if (expanded) want([entity.id]);
  }, [expanded, entity.id, want]);
  const background = expanded ? backgroundOf(entity.id) : null;
  const panelId = `bg-${entity.id}`;
  return (
    <li class="entity-row" data-entity-id={entity.id}>
      <div class="entity-row-head">
        <button type="button" class="disclosure" aria-expanded={expanded} aria-controls={panelId} onClick={() => onToggle(entity.id)}>
          <span class="row-name">{entity.name}</span>
          <span class="row-meta">
            {TYPE_LABELS[entity.type]}
            {count !== undefined && (
              <>
                {' · '}
                <span class="row-count">{mentionLabel(count)}</span>
              </>
            )}
          </span>
        </button>
        {onShow && (
          <button type="button" class="show" onClick={() => onShow(entity.id)} aria-label={`Show the next mention of ${entity.name}`}>
            Show
          </button>
        )}
      </div>
      {expanded && background && (
        <div id={panelId} class="entity-panel">
          <EntityCard
            background={background}
            variant="card"
            headingLevel={3}
            onOpenRelated={onFullBackground}
            onFullBackground={onFullBackground}
            onMute={onMute}
          />
        </div>
      )}
    </li>
  );
}
