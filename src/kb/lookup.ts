/**
 * Lookup over one or more knowledge-base packs, for the popup, the card and the background:
 * one merged entry per entity id (each pack's background labelled with its source), the list of
 * all entries, and a search over names, aliases and descriptions. Pure: no DOM, no browser API.
 */
import type { Entity, EntityType, KnowledgeBase } from './types';

/** Which story a background comes from. */
export interface SourceLabel {
  id: string;
  outlet: string;
  headline: string;
}

/** One pack's background on an entity. */
export interface PackBackground {
  source: SourceLabel;
  entity: Entity;
}

/** An entity across every pack that has it. Name, type and description come from the first. */
export interface IndexedEntity {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  /** In pack order: the built-in pack first. */
  backgrounds: PackBackground[];
}

/** Where a search query was found, best first. */
export const SEARCH_RANKS = ['name', 'alias', 'description'] as const;
export type SearchRank = (typeof SEARCH_RANKS)[number];

export interface SearchHit {
  id: string;
  entry: IndexedEntity;
  rank: SearchRank;
}

export interface KnowledgeIndex {
  entity(id: string): IndexedEntity | undefined;
  /** Every entity, in order of first appearance (pack order, then file order). */
  all(): IndexedEntity[];
  /**
   * Case- and accent-insensitive search. Ranked: the name or one of its words starts with the
   * query; then an alias (or the rest of the name) contains it; then a description does. Ties go
   * to the earlier match in the name, then to the name in alphabetical order.
   */
  search(query: string): SearchHit[];
}

/** Lower case, no accents, one kind of apostrophe, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

interface Searchable {
  entry: IndexedEntity;
  name: string;
  /** Offsets in `name` where a word starts. */
  wordStarts: number[];
  aliases: string[];
  descriptions: string[];
}

function searchable(entry: IndexedEntity): Searchable {
  const name = foldText(entry.name);
  const wordStarts = [...name.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index);
  const backgrounds = entry.backgrounds.map((b) => b.entity);
  return {
    entry,
    name,
    wordStarts,
    aliases: backgrounds.flatMap((e) => e.aliases.map((a) => foldText(a.form))),
    descriptions: backgrounds.map((e) => foldText(e.description)),
  };
}

export function indexKnowledgeBase(packs: readonly KnowledgeBase[]): KnowledgeIndex {
  const entries = new Map<string, IndexedEntity>();
  for (const pack of packs) {
    const source: SourceLabel = { id: pack.source.id, outlet: pack.source.outlet, headline: pack.source.headline };
    for (const entity of pack.entities) {
      const entry = entries.get(entity.id);
      if (entry) entry.backgrounds.push({ source, entity });
      else
        entries.set(entity.id, {
          id: entity.id,
          name: entity.name,
          type: entity.type,
          description: entity.description,
          backgrounds: [{ source, entity }],
        });
    }
  }
  const list = [...entries.values()];
  const targets = list.map(searchable);

  return {
    entity: (id) => entries.get(id),
    all: () => [...list],
    search(query) {
      const q = foldText(query);
      if (q === '') return [];
      const hits: { hit: SearchHit; at: number }[] = [];
      for (const t of targets) {
        const at = t.name.indexOf(q);
        let rank: SearchRank | undefined;
        if (t.wordStarts.some((start) => t.name.startsWith(q, start))) rank = 'name';
        else if (at !== -1 || t.aliases.some((a) => a.includes(q))) rank = 'alias';
        else if (t.descriptions.some((d) => d.includes(q))) rank = 'description';
        if (rank) hits.push({ hit: { id: t.entry.id, entry: t.entry, rank }, at: at === -1 ? Infinity : at });
      }
      return hits
        .sort(
          (a, b) =>
            SEARCH_RANKS.indexOf(a.hit.rank) - SEARCH_RANKS.indexOf(b.hit.rank) ||
            a.at - b.at ||
            a.hit.entry.name.localeCompare(b.hit.entry.name, 'en'),
        )
        .map((h) => h.hit);
    },
  };
}
