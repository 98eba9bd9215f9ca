/**
 * Builds what a card or the popup shows about one entity: the entity itself plus the names of
 * the entities it mentions (relations, quote speakers), resolved within its pack. Pure.
 */
import type { EntityBackground, EntityRef } from '../common/messages';
import type { Entity, KnowledgeBase } from '../kb/types';

const ref = (e: Entity): EntityRef => ({ id: e.id, name: e.name, type: e.type });

/** The background of `id` from the first pack that has it, or null. */
export function entityBackground(packs: readonly KnowledgeBase[], id: string): EntityBackground | null {
  for (const kb of packs) {
    const byId = new Map(kb.entities.map((e) => [e.id, e]));
    const entity = byId.get(id);
    if (!entity) continue;
    const related = entity.related.flatMap((r) => {
      const other = byId.get(r.id);
      return other ? [{ ...ref(other), how: r.how }] : [];
    });
    const speakers: Record<string, EntityRef> = {};
    for (const q of entity.quotes) {
      const s = byId.get(q.speaker);
      if (s) speakers[s.id] = ref(s);
    }
    return {
      entity,
      source: { id: kb.source.id, outlet: kb.source.outlet, headline: kb.source.headline },
      related,
      speakers,
    };
  }
  return null;
}
