/**
 * "Add this article": the on-device article → reading-pack pipeline. Pure (no browser API): it
 * takes a `Document` (DOMParser in an extension page; linkedom or happy-dom in Node).
 * See docs/reading-memory.md.
 */
export { extractArticle, MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS } from './article';
export { draftPack, defaultEdits, type DraftOptions } from './draft';
export { buildReadingPack, type BuildResult } from './build-pack';
export type { ArticleMeta, ArticleResult, Candidate, CandidateType, Draft, ExtractedArticle, ReviewEdits } from './types';
