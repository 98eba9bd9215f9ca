/**
 * The words right before and after a match, and whether a word is capitalised or in capitals: what
 * the matcher's local rules ("Hunter Biden" is not Joe Biden, "VERA WANG" is not Wang Yi) look at.
 *
 * Loops over char codes, not regular expressions: a Unicode-property regex is compiled on its
 * first use on every page (several milliseconds in Chromium for the four this replaces, most of
 * the matcher's cost on a small page), and the word-before pattern, anchored at the end, was tried
 * from every position of its window. A regex is still used for a character outside ASCII, one
 * code point at a time, so only pages with such letters next to a name pay for it.
 *
 * The behaviour is exactly that of the patterns in neighbour-words.test.ts (checked there on
 * random text): a word starts with a letter or combining mark and goes on with letters, marks,
 * apostrophes, hyphens and invisible characters; it is separated from the match by spaces,
 * no-break spaces or invisible characters only. So a word that ends in a full stop is no
 * neighbour: it closes a sentence or is an abbreviated title ("Mr."), and neither makes the name
 * part of another name.
 *
 * Pure: no DOM, no browser API.
 */
import { isInvisible } from './form-table';

/** How far to look for the neighbouring word; longer runs of white space are not "right next to". */
export const NEIGHBOUR_WINDOW = 40;

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

/** Space, no-break space or an invisible character: what may stand between a match and its neighbour. */
const isGap = (c: number) => c === 32 || c === 0xa0 || isInvisible(c);

/** The code point starting at s[i] (a lone surrogate as itself). */
function codePointAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}

const unitsOf = (cp: number) => (cp > 0xffff ? 2 : 1);

function isLetterOrMark(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122;
  return LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

/** Letters, marks, apostrophes, hyphens and invisible characters: what a word goes on with. */
function isWordPart(cp: number): boolean {
  if (cp < 128) return ((cp | 32) >= 97 && (cp | 32) <= 122) || cp === 39 || cp === 45;
  return cp === 0x2019 || isInvisible(cp) || LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

/** The start of the code point that ends just before s[i] (i > 0). */
function previousStart(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** The word right before text[start] (within NEIGHBOUR_WINDOW), as written, or undefined. */
export function wordBefore(text: string, start: number): string | undefined {
  const s = text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start);
  const end = s.length;
  // The gap: the longest run of gap characters that ends the window (at least one).
  let a = end;
  while (a > 0 && isGap(s.charCodeAt(a - 1))) a--;
  if (a === end) return undefined;
  // The word: the run of word parts that ends where the gap begins; it starts at its first letter.
  let b = a;
  while (b > 0) {
    const p = previousStart(s, b);
    if (!isWordPart(codePointAt(s, p))) break;
    b = p;
  }
  let p = b;
  while (p < a && !isLetterOrMark(codePointAt(s, p))) p += unitsOf(codePointAt(s, p));
  if (p >= a) return undefined;
  // Invisible characters at the start of the gap belong to the word (they are word parts too), and
  // the gap keeps at least its last character.
  let k = a;
  while (k < end - 1 && isInvisible(s.charCodeAt(k))) k++;
  return s.slice(p, k);
}

/** The word right after text[end - 1] (within NEIGHBOUR_WINDOW), as written, or undefined. */
export function wordAfter(text: string, end: number): string | undefined {
  const s = text.slice(end, end + NEIGHBOUR_WINDOW);
  let i = 0;
  while (i < s.length && isGap(s.charCodeAt(i))) i++;
  if (i === 0 || i >= s.length || !isLetterOrMark(codePointAt(s, i))) return undefined;
  let j = i + unitsOf(codePointAt(s, i));
  while (j < s.length) {
    const cp = codePointAt(s, j);
    if (!isWordPart(cp)) break;
    j += unitsOf(cp);
  }
  return s.slice(i, j);
}

/** Whether the word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  if (word.length === 0) return false;
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(String.fromCodePoint(codePointAt(word, 0)));
}

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Whether the text is in capitals: no lower-case letter, and two capitals or more before any line
 * break ("WANG", "U.S.", not "I" or "Wang").
 */
export function isAllCaps(text: string): boolean {
  let capitals = 0;
  let lineEnded = false;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    i += unitsOf(cp);
    if (cp < 128) {
      if (cp >= 97 && cp <= 122) return false;
      if (cp >= 65 && cp <= 90 && !lineEnded) capitals++;
      else if (isLineTerminator(cp)) lineEnded = true;
      continue;
    }
    if (isLineTerminator(cp)) lineEnded = true;
    const ch = String.fromCodePoint(cp);
    if (LOWER.test(ch)) return false;
    if (!lineEnded && UPPER.test(ch)) capitals++;
  }
  return capitals >= 2;
}
