/**
 * Builds what a card or the popup shows about one entity: its background from the first pack
 * that has it, plus the names of the entities it mentions (relations, quote speakers). Pure.
 */
import type { EntityBackground, EntityRef } from '../common/messages';
import type { IndexedEntity, KnowledgeIndex } from '../kb/lookup';

const ref = (e: IndexedEntity): EntityRef => ({ id: e.id, name: e.name, type: e.type });

export function entityBackground(index: KnowledgeIndex, id: string): EntityBackground | null {
  const entry = index.entity(id);
  const first = entry?.backgrounds[0];
  if (!first) return null;
  const { entity, source } = first;
  const related = entity.related.flatMap((r) => {
    const other = index.entity(r.id);
    return other ? [{ ...ref(other), how: r.how }] : [];
  });
  const speakers: Record<string, EntityRef> = {};
  for (const q of entity.quotes) {
    const s = index.entity(q.speaker);
    if (s) speakers[s.id] = ref(s);
  }
  return { entity, source: { ...source }, related, speakers };
}
