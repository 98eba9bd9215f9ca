/** The options page's list of packs: the built-in pack first (always on), then the imported ones. Pure. */
import type { KnowledgeBase } from '../kb/types';

export interface PackRow {
  id: string;
  outlet: string;
  headline: string;
  entityCount: number;
  builtIn: boolean;
  enabled: boolean;
}

const rowOf = (pack: KnowledgeBase, builtIn: boolean, enabled: boolean): PackRow => ({
  id: pack.source.id,
  outlet: pack.source.outlet,
  headline: pack.source.headline,
  entityCount: pack.entities.length,
  builtIn,
  enabled,
});

/** Imported packs in the order they were stored (the order of import). */
export function packRows(builtIn: KnowledgeBase, imported: Record<string, KnowledgeBase>, enabledIds: readonly string[]): PackRow[] {
  return [
    rowOf(builtIn, true, true),
    ...Object.values(imported)
      .filter((p) => p.source.id !== builtIn.source.id)
      .map((p) => rowOf(p, false, enabledIds.includes(p.source.id))),
  ];
}

/** "8 entities", "1 entity". */
export const entityCountLabel = (n: number): string => `${n} ${n === 1 ? 'entity' : 'entities'}`;
