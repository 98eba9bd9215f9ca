/**
 * Is this text English? The name rules (titles, sentence starts, appositives, common words) are
 * English, so an article in another language is refused with a clear message rather than turned
 * into a pack of wrong names. Two signals: the language the page declares, and, for a page that
 * declares none or declares English wrongly, the share of the text's words that are English
 * function words (about 40 % in English prose, a few percent in French or German).
 *
 * Pure: no DOM, no browser API.
 */

/** English function words: frequent in any English prose, rare as words of other languages. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to in is that for on with as was it by at from be have has had are were been ' +
    'this but an they which or its not he she his her their who will would said says can could ' +
    'should there than then also after about into more when what them we our you your one all ' +
    'over if so no out up only other some such these those while being because him how just ' +
    'like most new now off may much many very where why yet any both each few'
  ).split(' '),
);

/** Below this share of English function words, undeclared text is taken as not English. */
export const MIN_ENGLISH_SHARE = 0.2;
/** Words read to judge: plenty for a stable share, cheap on a long article. */
const SAMPLE_WORDS = 2000;

/** Share (0..1) of the first words of `text` that are English function words. */
export function englishShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, SAMPLE_WORDS) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

/** The primary subtag of a BCP 47 tag, lower-case ("en-GB" → "en"); '' when there is none. */
export function primaryLanguage(tag: string | undefined): string {
  return (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
}

/** "German" for "de"; the tag itself when the runtime cannot name it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export type LanguageVerdict = { ok: true } | { ok: false; message: string };

/** English by declaration (or no declaration) and by its words. */
export function judgeLanguage(declared: string | undefined, text: string): LanguageVerdict {
  const primary = primaryLanguage(declared);
  if (primary !== '' && primary !== 'en') {
    return {
      ok: false,
      message: `This page is in ${languageName(declared!)} (${declared}). Backstory finds names in English articles only, so nothing was added.`,
    };
  }
  const share = englishShare(text);
  if (share < MIN_ENGLISH_SHARE) {
    return {
      ok: false,
      message: `This article does not read as English (only ${Math.round(share * 100)} % of its words are common English words). Backstory finds names in English articles only, so nothing was added.`,
    };
  }
  return { ok: true };
}
