/**
 * Every form of every entity, as pages read them (matcher-data.ts): sorted, one line each with
 * its rule in front, in one string. Matching looks up the longest form at a word start by
 * narrowing the range of lines whose forms share the text's first characters, one character at
 * a time (two binary searches per character, in a range that shrinks fast): like walking a trie,
 * with no object per form. No table of line offsets is built up front: each first character's
 * lines get one the first time a page looks up a word that starts with it.
 *
 * Why not one big regular expression: V8 needs seconds to compile an alternation of 10,000
 * entities' forms and then scans slowly (measured: 6 s to compile, 5 s per MB at 10,000
 * entities, against 36 ms per MB for the built-in 16). Why not a trie of objects (until version
 * 3): 30,000 names of a reading memory made a JSON trie of several MB, tens of milliseconds of
 * JSON.parse on every page and far more heap.
 *
 * Two characters of a form stand for classes: a space matches any run of white space (pages put
 * no-break spaces and line breaks inside names) and an apostrophe matches ' and ’.
 *
 * Invisible characters (soft hyphen, zero-width space and joiners, word joiner, BOM; see
 * isInvisible) may stand anywhere inside a form in the text: "Blin\u00adken" is "Blinken". The
 * match covers them, so the page's text is wrapped as it is, never changed.
 */

/** The canonical key of a form or of matched text: curly apostrophes straightened, white space collapsed. */
export function normalizePhrase(text: string): string {
  // Most forms have nothing to change (compiling 30,000 names calls this twice per name).
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(/\u2019/g, "'").replace(/[\s\u00a0]+/g, ' ');
}
/** A curly apostrophe, white space other than a single space, or two spaces in a row. */
const NEEDS_NORMALIZING = /\u2019|[^\S ]| {2}/;

// Zero-width space and BOM are not white space here: they are invisible (see isInvisible), so
// "Wang\u200bYi" reads as "WangYi", not "Wang Yi".
const isSpace = (c: number) => c === 32 || c === 0xa0 || (c >= 9 && c <= 13) || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85;

/**
 * Characters a reader does not see inside a word: soft hyphen (U+00AD, a hyphenation hint), zero-width
 * space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060) and BOM (U+FEFF). Publishers
 * put them inside long names for line breaking, and some to defeat scrapers. The first test
 * settles everything below U+00AD (ASCII, most of any page) in one comparison.
 */
export const isInvisible = (c: number) => c >= 0xad && (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff);

/** The index of the first visible character at or after i. */
export function skipInvisible(text: string, i: number): number {
  while (i < text.length && isInvisible(text.charCodeAt(i))) i++;
  return i;
}

/** The index after a run of white space and invisible characters starting at j. */
function skipSpaceRun(text: string, j: number): number {
  while (j < text.length && (isSpace(text.charCodeAt(j)) || isInvisible(text.charCodeAt(j)))) j++;
  return j;
}

/** Offsets of the lines of `text` (each ended by "\n"): starts[i] is line i's first character, starts[n] the end. */
export function lineStarts(text: string): Uint32Array {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  const starts = new Uint32Array(n + 1);
  let i = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[++i] = at + 1;
  return starts;
}

/** A form found in the text: where its line starts in the table (its rule comes first) and where the text it covers ends. */
export interface FormHit {
  line: number;
  end: number;
}

/** Below this many forms in a range, a linear scan beats a binary search. */
const LINEAR_RANGE = 8;
/** Below this many characters of lines (a few forms), the same while finding where a first character's lines end. */
const LINEAR_CHARS = 96;
const NEWLINE = 10;

export class FormTable {
  /** MatcherData.lines: per form its RULE_WIDTH rule digits, the form, "\n"; sorted by form. */
  private readonly lines: string;
  /** Where a form begins in its line: after its rule. */
  private readonly skip: number;
  /** Per UTF-16 code unit that begins some form: 1 + its bucket (0: no form begins with it). */
  readonly firstUnits: Uint16Array;
  /** Each bucket's lines, as offsets into `lines`: [bucketLo, bucketHi). */
  private readonly bucketLo: number[] = [];
  private readonly bucketHi: number[] = [];
  /**
   * Each bucket's line offsets (and its end), built the first time a word starting with its
   * character is looked up: a page pays only for the first characters its words have, and not
   * before it scans.
   */
  private readonly bucketStarts: (Uint32Array | undefined)[] = [];

  /**
   * Finds where each first character's lines begin and end, by binary search over the text
   * itself (a probe steps back to its line's start). Nothing is built per form; this runs on every
   * page, before the code is warm.
   */
  constructor(lines: string, ruleWidth: number) {
    this.lines = lines;
    this.skip = ruleWidth;
    this.firstUnits = new Uint16Array(0x10000);
    const n = lines.length;
    for (let at = 0; at < n; ) {
      const c = lines.charCodeAt(at + ruleWidth);
      const end = this.runEnd(at, n, c);
      // A form cannot begin with a class character: white space or an apostrophe.
      if (c !== 32 && c !== 39) {
        this.bucketLo.push(at);
        this.bucketHi.push(end);
        this.firstUnits[c] = this.bucketLo.length;
      }
      at = end;
    }
  }

  /** The offsets of every line, in order (tools and tests; matching never walks them). */
  *lineOffsets(): Generator<number> {
    for (let at = 0; at < this.lines.length; at = this.lines.indexOf('\n', at) + 1) yield at;
  }

  /** The form of the line at `line` (tools, tests and the rare rules keyed by form). */
  form(line: number): string {
    return this.lines.slice(line + this.skip, this.lines.indexOf('\n', line));
  }

  /** The first line in [lo, hi) (offsets of line starts) whose form begins with a unit above c. */
  private runEnd(lo: number, hi: number, c: number): number {
    const first = (line: number) => this.lines.charCodeAt(line + this.skip);
    const next = (line: number) => this.lines.indexOf('\n', line + this.skip) + 1;
    while (hi - lo > LINEAR_CHARS) {
      // The line holding the middle character m (lo < m < hi): it starts at or after lo, which
      // is a line start, and before hi.
      const line = this.lines.lastIndexOf('\n', ((lo + hi) >>> 1) - 1) + 1;
      if (first(line) <= c) lo = next(line);
      else hi = line;
    }
    while (lo < hi && first(lo) <= c) lo = next(lo);
    return lo;
  }

  /** The bucket's line offsets, starts[n] its end. */
  private startsOf(bucket: number): Uint32Array {
    let starts = this.bucketStarts[bucket];
    if (starts === undefined) {
      const lo = this.bucketLo[bucket]!;
      const hi = this.bucketHi[bucket]!;
      let n = 0;
      for (let at = this.lines.indexOf('\n', lo); at >= 0 && at < hi; at = this.lines.indexOf('\n', at + 1)) n++;
      starts = new Uint32Array(n + 1);
      starts[0] = lo;
      for (let i = 0, at = this.lines.indexOf('\n', lo); i < n; at = this.lines.indexOf('\n', at + 1)) starts[++i] = at + 1;
      this.bucketStarts[bucket] = starts;
    }
    return starts;
  }

  /** Character k of the form on line i of `starts`, or -1 past its end (so a shorter form sorts first). */
  private charAt(starts: Uint32Array, i: number, k: number): number {
    const c = this.lines.charCodeAt(starts[i]! + this.skip + k);
    return c === NEWLINE ? -1 : c;
  }

  /** The first line in [lo, hi) of `starts` whose form's character k is at least `key` (all share characters 0..k-1). */
  private lowerBound(starts: Uint32Array, lo: number, hi: number, k: number, key: number): number {
    if (hi - lo <= LINEAR_RANGE) {
      while (lo < hi && this.charAt(starts, lo, k) < key) lo++;
      return lo;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.charAt(starts, mid, k) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The longest form that starts at text[start] and ends where `isEnd` allows (a word boundary).
   * The caller has checked firstUnits for text[start].
   */
  longestMatch(text: string, start: number, isEnd: (end: number) => boolean): FormHit | null {
    const bucket = this.firstUnits[text.charCodeAt(start)]! - 1;
    if (bucket < 0) return null;
    const starts = this.startsOf(bucket);
    let lo = 0;
    let hi = starts.length - 1;
    let hit: FormHit | null = null;
    let k = 1;
    let i = start + 1;
    for (;;) {
      // Every form in [lo, hi) has the text's first k characters; the first is the shortest.
      if (this.charAt(starts, lo, k) === -1 && isEnd(i)) hit = { line: starts[lo]!, end: i };
      // Past invisible characters to the next visible one; the hit above ends before them.
      if (i >= text.length) break;
      let at = i;
      let c = text.charCodeAt(at);
      if (isInvisible(c)) {
        at = skipInvisible(text, at + 1);
        if (at >= text.length) break;
        c = text.charCodeAt(at);
      }
      // A space in a form stands for any run of white space, an apostrophe for ' and ’.
      const space = isSpace(c);
      const key = space ? 32 : c === 0x2019 ? 39 : c;
      lo = this.lowerBound(starts, lo, hi, k, key);
      if (lo >= hi || this.charAt(starts, lo, k) !== key) break;
      hi = this.lowerBound(starts, lo, hi, k, key + 1);
      i = space ? skipSpaceRun(text, at + 1) : at + 1;
      k++;
    }
    return hit;
  }
}
