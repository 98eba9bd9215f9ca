/**
 * Finds mentions in one piece of text with a compiled matcher: one pass that walks the trie from
 * each word start, longest form first, then
 * the rules that need only the text around a match (longest match, never-match phrases, names
 * that are part of another name, capitals runs). Rules that need the whole page (second
 * references, page context) are decided by PageMentions.
 *
 * Pure: no DOM, no browser API.
 */
import type { CompiledMatcher, FormRule } from './compile';
import { isInvisible, longestMatch, skipInvisible } from './trie';

export interface Mention {
  start: number;
  end: number;
  /** Index into the compiled matcher's entities. */
  entity: number;
  /** Counts only if the page names the entity in full. */
  secondReference: boolean;
  /** Counts only if the page shows a word of this context group. */
  needsContext?: number;
}

export interface ScanResult {
  mentions: Mention[];
  /** Context groups whose words this text shows. */
  contexts: number[];
}

/** How far to look for the neighbouring word; longer runs of white space are not "right next to". */
const NEIGHBOUR_WINDOW = 40;
/** Margin read around a chunk: longer than any form plus the neighbour window. */
const CHUNK_MARGIN = 512;
// A word that ends in a full stop closes a sentence or is an abbreviated title ("Mr."): neither
// makes the name part of another name, so such a word is not taken as the neighbour. Invisible
// characters (see isInvisible in trie.ts) may stand inside the word and the space.
const WORD_BEFORE = /([\p{L}\p{M}][\p{L}\p{M}'\u2019\u00ad\u200b-\u200d\u2060\ufeff-]*)[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]+$/u;
const WORD_AFTER = /^[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]+([\p{L}\p{M}][\p{L}\p{M}'\u2019\u00ad\u200b-\u200d\u2060\ufeff-]*)/u;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const CAPITALISED = /^\p{Lu}/u;
/** A word in capitals: two or more letters, none lower-case. */
const ALL_CAPS = /^(?=(?:.*\p{Lu}){2})[^\p{Ll}]+$/u;

/** Letters, digits or combining marks: a form may not touch one on either side. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

/** Whether text[i] is part of a word. Plain loops over char codes: ASCII needs no regex at all. */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  // A low surrogate belongs to the code point that starts one unit earlier.
  const at = c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
  return WORD_CHAR.test(text.slice(at, at + 2));
}

/** The word without invisible characters (a loop over char codes: almost no word has one). */
function visible(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  for (let i = 0; i < word.length; i++) if (isInvisible(word.charCodeAt(i))) return word.replace(INVISIBLE, '');
  return word;
}

/** "WARNS" → "Warns", "VICE-PRESIDENT" → "Vice-President", "CHINA’S" → "China’s". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|-)(\p{Ll})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Whether the visible character before text[i] is part of a word. */
function wordCharBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  // Hot (every letter that could start a form): ASCII is settled here, as isWordCharAt would.
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  let j = i - 1;
  while (j >= 0 && isInvisible(text.charCodeAt(j))) j--;
  return j >= 0 && isWordCharAt(text, j);
}

export class Matcher {
  readonly compiled: CompiledMatcher;
  private readonly neighbours: Set<string>;
  /**
   * 1 for each UTF-16 code unit that begins some form. The scan loop tests this table first, so
   * the vast majority of characters cost one array read and no allocation.
   */
  private readonly firstUnits = new Uint8Array(0x10000);

  constructor(compiled: CompiledMatcher) {
    this.compiled = compiled;
    this.neighbours = new Set(compiled.allowedNeighbours);
    for (const ch of Object.keys(compiled.trie.e ?? {})) if (ch !== ' ' && ch !== "'") this.firstUnits[ch.charCodeAt(0)] = 1;
  }

  entityId(index: number): string {
    return this.compiled.entities[index]!.id;
  }

  /**
   * Mentions that start in [from, to) of `text`. A range lets a caller split a huge text into
   * chunks (one per time slice); the chunk is read with enough margin on both sides that the
   * result is the same as for the whole text.
   */
  scan(text: string, from = 0, to = text.length): ScanResult {
    const mentions: Mention[] = [];
    const contexts = new Set<number>();
    const whole = from === 0 && to >= text.length;
    const lo = whole ? 0 : Math.max(0, from - CHUNK_MARGIN);
    const chunk = whole ? text : text.slice(lo, Math.min(text.length, to + CHUNK_MARGIN));
    // Invisible characters stand between words as within them: look past them on both sides.
    const isEnd = (i: number) => {
      if (i >= chunk.length) return true;
      if (isInvisible(chunk.charCodeAt(i))) i = skipInvisible(chunk, i + 1);
      return i >= chunk.length || !isWordCharAt(chunk, i);
    };
    const firstUnits = this.firstUnits;
    const limit = Math.min(chunk.length, to - lo);
    // Start at the margin, not at `from`: a match that began before `from` (the "South" of
    // "South China Sea") must still swallow what it covers.
    for (let i = 0; i < limit; i++) {
      if (firstUnits[chunk.charCodeAt(i)] === 0 || wordCharBefore(chunk, i)) continue;
      const hit = longestMatch(this.compiled.trie, chunk, i, isEnd);
      if (!hit) continue;
      const start = i + lo;
      const end = hit.end + lo;
      // The next word starts after the match: "South China Sea" is not also "China".
      i = hit.end - 1;
      if (start < from) continue;
      const rule = this.compiled.forms[hit.form];
      if (!rule) continue;
      for (const group of rule.contextOf ?? []) contexts.add(group);
      if (rule.entity === undefined || !this.passesLocalRules(rule, text, start, end)) continue;
      const mention: Mention = { start, end, entity: rule.entity, secondReference: !!rule.secondReference };
      if (rule.needsContext !== undefined) mention.needsContext = rule.needsContext;
      mentions.push(mention);
    }
    return { mentions, contexts: [...contexts] };
  }

  private passesLocalRules(rule: FormRule, text: string, start: number, end: number): boolean {
    if (!rule.standalone && !rule.notInCapitalsRun) return true;
    const before = visible(WORD_BEFORE.exec(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start))?.[1]);
    const after = visible(WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_WINDOW))?.[1]);
    if (rule.notInCapitalsRun && ((before && ALL_CAPS.test(before)) || (after && ALL_CAPS.test(after)))) return false;
    if (rule.standalone) {
      const partOfName = (word: string) =>
        CAPITALISED.test(word) &&
        !this.neighbours.has(word) &&
        // A line set in capitals ("WANG WARNS …") capitalises every word: there a neighbour in
        // capitals is judged by its ordinary spelling ("Warns"), so "VERA WANG" still is not Wang Yi.
        !(ALL_CAPS.test(word) && ALL_CAPS.test(visible(text.slice(start, end))!) && this.neighbours.has(titleCase(word)));
      // "Hunter Biden", "Vera Wang": a capitalised word right before makes it another person's name.
      if (before && partOfName(before)) return false;
      // Chinese names put the family name first ("Wang Wei"), so a second reference is also
      // checked after. Full names are not: title-case headlines ("Blinken Meets Wang") would fail.
      if (rule.secondReference && after && partOfName(after)) return false;
    }
    return true;
  }
}
