/**
 * The knowledge-base schema (version 2). A knowledge base is a *pack*: one source article plus
 * the entities it gives background on. The built-in knowledge base (data/bali-talks.json) is the
 * first pack. Documented for authors in docs/knowledge-base.md; checked at run time by validate.ts.
 *
 * Two kinds of pack share the schema: *authored* packs (the built-in one, files built with
 * `npm run pack -- --article`), whose descriptions, roles and facts are written in the author's own
 * words; and *reading* packs, built on-device by "Add this article" from a page the reader chose,
 * whose facts are the article's own sentences, verbatim, and which carry the paragraph texts so a
 * card can show what a citation points at.
 *
 * Version 2 added, all optional: source.url, published, byline, language, added, origin and
 * paragraphs; alias.contextFromPack. A version 1 pack is a valid version 2 pack.
 *
 * Pure types: no DOM, no browser API.
 */

export const KB_SCHEMA_VERSION = 2;
/** Every version the validator reads; older ones are upgraded in memory when read. */
export const SUPPORTED_SCHEMA_VERSIONS = [1, 2] as const;

/** How a pack was made: written by an author, or built from an article the reader added. */
export const PACK_ORIGINS = ['authored', 'reading'] as const;
export type PackOrigin = (typeof PACK_ORIGINS)[number];

export const ENTITY_TYPES = ['person', 'country', 'place', 'organisation', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The article a pack is drawn from. Paragraph numbers are 1-based line numbers of its text. */
export interface Source {
  /** Stable id of the pack, kebab-case ("bali-talks"). */
  id: string;
  outlet: string;
  headline: string;
  standfirst: string;
  /** 3 to 5 sentences in the pack author's own words: who met, where, why, what came of it. */
  summary: string;
  /** How many paragraphs (lines) the article has; every citation must be within 1..paragraphCount. */
  paragraphCount: number;
  /** The article's address (http or https), canonical where the page gave one. */
  url?: string;
  /** When the article was published: "2022-07-09" or a full ISO 8601 date and time. */
  published?: string;
  byline?: string;
  /** BCP 47 language tag of the article ("en", "en-GB"). */
  language?: string;
  /** When the reader added the pack (ISO 8601 date and time); reading packs only. */
  added?: string;
  /** Absent means "authored". */
  origin?: PackOrigin;
  /**
   * The article's paragraph texts: paragraphs[n - 1] is ¶ n (¶ 1 the headline, ¶ 2 the
   * standfirst, which may be "" when the page had none). Required for reading packs, whose facts
   * and quotes must stand verbatim in the paragraph they cite; length === paragraphCount.
   */
  paragraphs?: string[];
}

/**
 * One sentence resting on the cited paragraphs: in the author's own words (authored packs) or the
 * article's own sentence, verbatim, from the first cited paragraph (reading packs).
 */
export interface Fact {
  text: string;
  paragraphs: number[];
}

/** A short verbatim quote from the article. */
export interface Quote {
  text: string;
  /** Entity id of the person quoted. */
  speaker: string;
  paragraph: number;
}

export interface Relation {
  /** Entity id of the related entity. */
  id: string;
  /** How they relate, read as "<this entity> <how> <other>": "met Wang Yi in Bali". */
  how: string;
}

/**
 * One form of an entity's name and the rules under which it counts as a mention.
 * Matching is case-sensitive: a form matches as written and, unless `exactCase`, in ALL CAPS.
 */
export interface Alias {
  form: string;
  /** Only exactly as written, never in another case ("US" never "us" or "Us"). */
  exactCase?: boolean;
  /**
   * A second reference: counts only on a page that also names the entity by a form that is not a
   * second reference (a bare "Wang" on a page that names "Wang Yi").
   */
  secondReference?: boolean;
  /**
   * Never part of another person's name: rejected when the word right before or after it is a
   * capitalised word that is not in `matching.allowedNeighbours` ("Hunter Biden", "Wang Wei").
   */
  standalone?: boolean;
  /** Rejected when an adjacent word is also in capitals ("FOLLOW US ON", "JOIN US"). */
  notInCapitalsRun?: boolean;
  /**
   * Counts only on a page that mentions one of these words or phrases (as written, or in
   * capitals): "G20" needs summit context, so BMW's G20 model code is not the Group of Twenty.
   */
  requiresPageContext?: string[];
  /**
   * The names of the pack's other entities found on the page count as context too
   * (co-occurrence): "G20" on a page that also names Blinken and Indonesia. With
   * requiresPageContext, either kind of context is enough; alone, only co-occurrence is.
   */
  contextFromPack?: boolean;
}

export interface Entity {
  /** kebab-case id; the data-entity-id of every mark of this entity. */
  id: string;
  name: string;
  type: EntityType;
  /** One line: who or what it is. */
  description: string;
  /**
   * Its role in this story: 2 to 4 sentences in the author's own words (authored packs); in a
   * reading pack, the article's sentence that best introduces it, verbatim.
   */
  role: string;
  facts: Fact[];
  quotes: Quote[];
  related: Relation[];
  /** May be empty for a topic that is background only and has no name to find on pages. */
  aliases: Alias[];
  /** Phrases containing one of the aliases that are never a mention ("Washington Post", "Hunter Biden"). */
  neverMatch?: string[];
  /** Paragraphs that mention the entity, found by the pack builder (`npm run pack`) with the matcher. */
  mentions?: number[];
}

export interface MatchingOptions {
  /**
   * Capitalised words that may stand right next to a `standalone` alias without making it part of
   * another name: titles ("President", "Mr") and common sentence openers ("But", "When").
   */
  allowedNeighbours: string[];
}

export interface KnowledgeBase {
  /** Packs are read in any supported version and upgraded to the current one in memory. */
  schemaVersion: typeof KB_SCHEMA_VERSION;
  source: Source;
  matching: MatchingOptions;
  entities: Entity[];
}
