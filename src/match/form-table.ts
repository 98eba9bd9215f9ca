/**
 * Every form of every entity, as the compiled matcher holds them (compile.ts): sorted, in one
 * string, with an offset table built once when a page reads the matcher. Matching looks up the
 * longest form at a word start by narrowing the range of forms that share the text's first
 * characters, one character at a time (two binary searches per character, in a range that
 * shrinks fast): like walking a trie, with no object per form.
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

/** A form found in the text: its index in the table and where the text it covers ends. */
export interface FormHit {
  form: number;
  end: number;
}

/** Below this many forms in a range, a linear scan beats a binary search. */
const LINEAR_RANGE = 8;

export class FormTable {
  /** Forms each ended by "\n", sorted. */
  private readonly forms: string;
  private readonly starts: Uint32Array;
  /** Per UTF-16 code unit that begins some form: 1 + its bucket (0: no form begins with it). */
  readonly firstUnits: Uint16Array;
  private readonly bucketLo: number[] = [];
  private readonly bucketHi: number[] = [];

  constructor(forms: string) {
    this.forms = forms;
    this.starts = lineStarts(forms);
    this.firstUnits = new Uint16Array(0x10000);
    const n = this.starts.length - 1;
    // Forms are sorted, so those with one first unit are a run: one binary search per run for
    // its end, not a loop over every form (this runs on every page, before the code is warm).
    for (let i = 0; i < n; ) {
      const c = forms.charCodeAt(this.starts[i]!);
      const end = this.lowerBound(i, n, 0, c + 1);
      // A form cannot begin with a class character: white space or an apostrophe.
      if (c !== 32 && c !== 39) {
        this.bucketLo.push(i);
        this.bucketHi.push(end);
        this.firstUnits[c] = this.bucketLo.length;
      }
      i = end;
    }
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The form at index i (tests and tools; matching never builds it). */
  form(i: number): string {
    return this.forms.slice(this.starts[i], this.starts[i + 1]! - 1);
  }

  /** Character k of form i, or -1 past its end (so a shorter form sorts first). */
  private charAt(i: number, k: number): number {
    const at = this.starts[i]! + k;
    return at < this.starts[i + 1]! - 1 ? this.forms.charCodeAt(at) : -1;
  }

  /** The first form in [lo, hi) whose character k is at least `key` (all share characters 0..k-1). */
  private lowerBound(lo: number, hi: number, k: number, key: number): number {
    if (hi - lo <= LINEAR_RANGE) {
      while (lo < hi && this.charAt(lo, k) < key) lo++;
      return lo;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.charAt(mid, k) < key) lo = mid + 1;
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
    let lo = this.bucketLo[bucket]!;
    let hi = this.bucketHi[bucket]!;
    let hit: FormHit | null = null;
    let k = 1;
    let i = start + 1;
    for (;;) {
      // Every form in [lo, hi) has the text's first k characters; the first is the shortest.
      if (this.charAt(lo, k) === -1 && isEnd(i)) hit = { form: lo, end: i };
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
      lo = this.lowerBound(lo, hi, k, key);
      if (lo >= hi || this.charAt(lo, k) !== key) break;
      hi = this.lowerBound(lo, hi, k, key + 1);
      i = space ? skipSpaceRun(text, at + 1) : at + 1;
      k++;
    }
    return hit;
  }
}
