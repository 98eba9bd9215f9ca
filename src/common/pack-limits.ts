/** What a pack a reader brings in may be (pack-engine.ts checks; the options page says the first). */

/** Largest pack, as JSON text: a long article with its paragraphs is about 60 KB. */
export const MAX_PACK_BYTES = 2_000_000;
/** The most entities and aliases one pack may bring: far above any article, far below a page freeze. */
export const MAX_ENTITIES_PER_PACK = 2_000;
export const MAX_ALIASES_PER_PACK = 10_000;
