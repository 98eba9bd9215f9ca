/**
 * Links that open an article at a cited sentence with a text fragment (`#:~:text=`), which
 * Chrome and Firefox scroll to and highlight. Pure.
 *
 * Built from the paragraph text a pack holds, which is the page's own text: the fragment starts
 * and ends on words (quote marks and punctuation at the ends are left out, so a page that writes
 * ’ where the pack has ' still matches), and a long sentence is given as `textStart,textEnd` so
 * the link stays short and a small difference in the middle does not break it.
 */

/** Up to this many words, the sentence is the whole fragment. */
export const WHOLE_SENTENCE_WORDS = 10;
/** Words at each end of a longer sentence (textStart, textEnd): enough to be unique on a page. */
export const EDGE_WORDS = 4;
/** An end with fewer clean words than this takes its words as they are, quote marks and all. */
const MIN_EDGE_WORDS = 2;

/** Quote marks and apostrophes of every kind: a page and a pack may write them differently. */
const QUOTE_MARK = /["'“”„‟‘’‚‛«»‹›]/;
const NOT_WORD_AT_ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Percent-encodes one term of a text directive. encodeURIComponent leaves `-` alone, but `-`,
 * `,` and `&` are the directive's own syntax (prefix-, ,suffix, textStart,textEnd, &text=).
 */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const clean = (word: string) => !QUOTE_MARK.test(word);

/**
 * The words [from, to) of the first run of EDGE_WORDS clean words (or at least MIN_EDGE_WORDS
 * before a quoted word) from one end; the words at that end as they are if there is no such run.
 */
function edge(words: string[], fromEnd: boolean): [number, number] {
  const at = (k: number) => (fromEnd ? words.length - 1 - k : k);
  const span = (first: number, count: number): [number, number] => {
    const a = at(first);
    const b = at(first + count - 1);
    return [Math.min(a, b), Math.max(a, b) + 1];
  };
  let runStart = 0;
  let run = 0;
  for (let k = 0; k < words.length; k++) {
    if (clean(words[at(k)]!)) {
      if (run === 0) runStart = k;
      run++;
      if (run === EDGE_WORDS) return span(runStart, run);
    } else if (run >= MIN_EDGE_WORDS) return span(runStart, run);
    else run = 0;
  }
  return run >= MIN_EDGE_WORDS ? span(runStart, run) : span(0, Math.min(EDGE_WORDS, words.length));
}

/** `text=…` for the sentence, or null when it has no words. */
export function textDirective(sentence: string): string | null {
  const text = sentence.replace(/\s+/g, ' ').replace(NOT_WORD_AT_ENDS, '');
  if (text === '') return null;
  const words = text.split(' ');
  const whole = `text=${encodeTerm(text)}`;
  if (words.length <= WHOLE_SENTENCE_WORDS) return whole;
  const trim = (part: string[]) => part.join(' ').replace(NOT_WORD_AT_ENDS, '');
  const [startFrom, startTo] = edge(words, false);
  const [endFrom, endTo] = edge(words, true);
  const start = trim(words.slice(startFrom, startTo));
  const end = trim(words.slice(endFrom, endTo));
  // The end must come after the start, or the fragment could not match in that order.
  if (start === '' || end === '' || endFrom < startTo) return whole;
  return `text=${encodeTerm(start)},${encodeTerm(end)}`;
}

/**
 * The article's address opening at `sentence`: `url#:~:text=…`. Any fragment the address had is
 * replaced (a text fragment goes after `#` and the page's own anchor would only compete with it).
 */
export function textFragmentUrl(url: string, sentence: string): string {
  const base = url.split('#')[0] ?? url;
  const directive = textDirective(sentence);
  return directive ? `${base}#:~:${directive}` : base;
}
