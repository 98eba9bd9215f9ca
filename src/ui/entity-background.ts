/**
 * Builds what a card or the popup shows about one entity: its background from every pack that
 * has it (each labelled with its story, newest story first), plus the names of the entities it
 * mentions (relations, quote speakers). Pure.
 */
import type { EntityBackground, EntityRef } from '../common/messages';
import type { IndexedEntity, KnowledgeIndex } from '../kb/lookup';
import { newestFirst } from './source-date';

const ref = (e: IndexedEntity): EntityRef => ({ id: e.id, name: e.name, type: e.type });

/**
 * `refOf` names the entities it mentions; by default the index's own entries. An index of only
 * the packs that hold `id` passes one that knows every enabled pack's names.
 */
export function entityBackground(
  index: KnowledgeIndex,
  id: string,
  refOf: (id: string) => EntityRef | undefined = (other) => {
    const e = index.entity(other);
    return e && ref(e);
  },
): EntityBackground | null {
  const entry = index.entity(id);
  const first = entry?.backgrounds[0];
  if (!entry || !first) return null;
  const sources = newestFirst(entry.backgrounds, (b) => b.source).map((b) => ({ ...b, source: { ...b.source } }));
  // One row per related entity: two stories relating the same pair would otherwise list it twice.
  const related: EntityBackground['related'] = [];
  const relatedIds = new Set<string>();
  const speakers: Record<string, EntityRef> = {};
  for (const { entity } of sources) {
    for (const r of entity.related) {
      const other = refOf(r.id);
      if (!other || relatedIds.has(other.id)) continue;
      relatedIds.add(other.id);
      related.push({ ...other, how: r.how });
    }
    for (const q of entity.quotes) {
      const s = refOf(q.speaker);
      if (s) speakers[s.id] = s;
    }
  }
  return { entity: first.entity, source: { ...first.source }, sources, related, speakers };
}
