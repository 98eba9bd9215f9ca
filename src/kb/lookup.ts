/**
 * Lookup over one or more knowledge-base packs, for the popup, the card and the background:
 * one merged entry per entity id (each pack's background labelled with its source), the list of
 * all entries, and a search over names, aliases and descriptions. Pure: no DOM, no browser API.
 */
import type { Entity, EntityType, KnowledgeBase, PackOrigin, Source } from './types';

/** Which story a background comes from: what its label, date line and citation links need. */
export interface SourceLabel {
  id: string;
  outlet: string;
  headline: string;
  /** Absent for an authored pack (the default). */
  origin?: PackOrigin;
  url?: string;
  published?: string;
  added?: string;
}

/** One pack's background on an entity. */
export interface PackBackground {
  source: SourceLabel;
  entity: Entity;
  /**
   * The text of each paragraph this background cites (facts, quotes, mentions), by number; only
   * from packs that hold their paragraphs (reading packs always do). Not the whole article: this
   * travels to the card with every hover.
   */
  cited?: Record<number, string>;
}

/** The label of a pack's source: the fields a card shows, without the article's text. */
export function sourceLabelOf(source: Source): SourceLabel {
  const label: SourceLabel = { id: source.id, outlet: source.outlet, headline: source.headline };
  if (source.origin !== undefined) label.origin = source.origin;
  if (source.url !== undefined) label.url = source.url;
  if (source.published !== undefined) label.published = source.published;
  if (source.added !== undefined) label.added = source.added;
  return label;
}

/** Every paragraph an entity's background cites, in order. */
export function citedParagraphs(entity: Entity): number[] {
  const all = new Set<number>();
  for (const f of entity.facts) for (const p of f.paragraphs) all.add(p);
  for (const q of entity.quotes) all.add(q.paragraph);
  for (const p of entity.mentions ?? []) all.add(p);
  return [...all].sort((a, b) => a - b);
}

function citedTexts(entity: Entity, paragraphs: readonly string[] | undefined): Record<number, string> | undefined {
  if (!paragraphs) return undefined;
  const out: Record<number, string> = {};
  for (const p of citedParagraphs(entity)) {
    const text = paragraphs[p - 1];
    if (text) out[p] = text;
  }
  return out;
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

/** What search reads of one entity: its name, and the alias forms and descriptions of every pack that has it. */
export interface SearchTarget<T> {
  item: T;
  name: string;
  aliases: readonly string[];
  descriptions: readonly string[];
}

interface Searchable<T> {
  item: T;
  /** The name as given, for ties. */
  shown: string;
  name: string;
  /** Offsets in `name` where a word starts. */
  wordStarts: number[];
  aliases: string[];
  descriptions: string[];
}

function searchable<T>(target: SearchTarget<T>): Searchable<T> {
  const name = foldText(target.name);
  const wordStarts = [...name.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index);
  return {
    item: target.item,
    shown: target.name,
    name,
    wordStarts,
    aliases: target.aliases.map(foldText),
    descriptions: target.descriptions.map(foldText),
  };
}

/**
 * The search of KnowledgeIndex over any list of entities, in order of first appearance (ties keep
 * that order): what the index uses over whole packs and the popup over the packs' entity entries.
 */
export function searchOver<T>(targets: readonly SearchTarget<T>[]): (query: string) => { item: T; rank: SearchRank }[] {
  const folded = targets.map(searchable);
  return (query) => {
    const q = foldText(query);
    if (q === '') return [];
    const hits: { item: T; shown: string; rank: SearchRank; at: number }[] = [];
    for (const t of folded) {
      const at = t.name.indexOf(q);
      let rank: SearchRank | undefined;
      if (t.wordStarts.some((start) => t.name.startsWith(q, start))) rank = 'name';
      else if (at !== -1 || t.aliases.some((a) => a.includes(q))) rank = 'alias';
      else if (t.descriptions.some((d) => d.includes(q))) rank = 'description';
      if (rank) hits.push({ item: t.item, shown: t.shown, rank, at: at === -1 ? Infinity : at });
    }
    return hits
      .sort((a, b) => SEARCH_RANKS.indexOf(a.rank) - SEARCH_RANKS.indexOf(b.rank) || a.at - b.at || a.shown.localeCompare(b.shown, 'en'))
      .map(({ item, rank }) => ({ item, rank }));
  };
}

export function indexKnowledgeBase(packs: readonly KnowledgeBase[]): KnowledgeIndex {
  const entries = new Map<string, IndexedEntity>();
  for (const pack of packs) {
    const source = sourceLabelOf(pack.source);
    for (const entity of pack.entities) {
      const cited = citedTexts(entity, pack.source.paragraphs);
      const background: PackBackground = cited ? { source, entity, cited } : { source, entity };
      const entry = entries.get(entity.id);
      if (entry) entry.backgrounds.push(background);
      else
        entries.set(entity.id, {
          id: entity.id,
          name: entity.name,
          type: entity.type,
          description: entity.description,
          backgrounds: [background],
        });
    }
  }
  const list = [...entries.values()];
  const search = searchOver(
    list.map((entry) => ({
      item: entry,
      name: entry.name,
      aliases: entry.backgrounds.flatMap((b) => b.entity.aliases.map((a) => a.form)),
      descriptions: entry.backgrounds.map((b) => b.entity.description),
    })),
  );

  return {
    entity: (id) => entries.get(id),
    all: () => [...list],
    search: (query) => search(query).map(({ item, rank }) => ({ id: item.id, entry: item, rank })),
  };
}
