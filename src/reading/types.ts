/**
 * The "Add this article" pipeline's data: an article taken from a page, the draft of a reading
 * pack the reader reviews, and the reader's edits. Others build on these names (the popup button,
 * the review page, storage); see docs/reading-memory.md for the whole pipeline.
 *
 *   extractArticle(doc, url)  → ArticleResult        (article.ts)
 *   draftPack(article, opts)  → Draft                (draft.ts)
 *   defaultEdits(draft)       → ReviewEdits          (draft.ts: weak candidates unticked)
 *   buildReadingPack(draft, edits, addedAt) → a valid schema-2 pack, origin "reading" (build-pack.ts)
 *
 * Pure types: no DOM, no browser API.
 */
import type { Alias, Fact, Quote } from '../kb/types';

export interface ArticleMeta {
  headline: string;
  /** Who published it: the page's site name, or its host name when the page gives none. */
  outlet: string;
  byline?: string;
  /** ISO date or date and time ("2022-07-09", "2022-07-09T10:31:00Z"). */
  published?: string;
  /** Canonical address (link[rel=canonical], og:url, else the page's own), http(s) only. */
  url?: string;
  /** BCP 47 tag ("en", "en-GB"). */
  language?: string;
}

export interface ExtractedArticle {
  meta: ArticleMeta;
  /** paragraphs[0] = headline (¶1), paragraphs[1] = standfirst or '' (¶2), body from ¶3. */
  paragraphs: string[];
}

export type ArticleFailure = 'no-article' | 'too-large' | 'language' | 'not-html';

export type ArticleResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: ArticleFailure; message: string /* for the reader */ };

export const CANDIDATE_TYPES = ['person', 'country', 'place', 'organisation'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

/** One of the article's people, places and organisations, as the reviewer sees it. */
export interface Candidate {
  /** Stable within the draft: the id the entity would get ("antony-blinken"). */
  key: string;
  name: string;
  type: CandidateType;
  /** From the article's words (an appositive: "the US secretary of state"), or a plain fallback. */
  description: string;
  /** Mentions in the article, counted by the extension's own matcher with the rules below. */
  count: number;
  /** The reviewer starts with it unticked: one mention, or one word seen only at sentence starts. */
  weak: boolean;
  /** Why it is weak, for the reviewer ("named once"); absent when it is not. */
  weakReason?: string;
  /** Every form seen in the article, merged ("Gordon Sondland", "Sondland", "Ambassador Sondland"). */
  forms: string[];
  /** Paragraphs that name it, ascending. */
  paragraphs: number[];
  /** The article's sentence that best introduces it, verbatim. */
  role: string;
  /** The article's sentences that name it, verbatim, each citing its paragraph. */
  facts: Fact[];
  /** Quotes spoken by this person (speaker is this candidate's key). */
  quotes: Quote[];
  /** Other candidates named in the same sentences: key and "<this> <how> <other>". */
  related: { key: string; how: string }[];
  /** The alias rules a saved pack gets (see alias-rules.ts). */
  aliases: Alias[];
  neverMatch: string[];
  /** Set when the name is an entity of a pack the reader already has (its id is the key). */
  knownFrom?: string;
}

export interface Draft {
  article: ExtractedArticle;
  /** Derived from the canonical URL (or the headline): adding the same URL again updates it. */
  packId: string;
  candidates: Candidate[];
}

export interface ReviewEdits {
  /** Keys unticked by the reviewer. */
  excluded?: string[];
  /** New display names by key. */
  names?: Record<string, string>;
  /** New types by key. */
  types?: Record<string, CandidateType>;
  /** Fold one candidate into another (forms, facts and quotes move to `into`). */
  merges?: { from: string; into: string }[];
}
