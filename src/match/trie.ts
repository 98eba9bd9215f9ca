/**
 * A compact trie over every form of every entity: the one compiled pattern that matching walks.
 *
 * Why not one big regular expression: V8 needs seconds to compile an alternation of 10,000
 * entities' forms and then scans slowly (measured: 6 s to compile, 5 s per MB at 10,000
 * entities, against 36 ms per MB for the built-in 16). Walking a trie from each word start costs
 * a few property look-ups per word whatever the size of the knowledge base.
 *
 * The trie is radix-compressed (a chain of single children is one edge with a label) and plain
 * JSON, so it is built once at build time and shipped inside the content script.
 *
 * Two characters of a form stand for classes: a space matches any run of white space (pages put
 * no-break spaces and line breaks inside names) and an apostrophe matches ' and ’.
 *
 * Invisible characters (soft hyphen, zero-width space and joiners, word joiner, BOM; see
 * isInvisible) may stand anywhere inside a form in the text: "Blin\u00adken" is "Blinken". The
 * match covers them, so the page's text is wrapped as it is, never changed.
 */

export interface TrieNode {
  /** Rest of the edge label leading here, after the character that selected this node. */
  s?: string;
  /** Children by the next character. */
  e?: Record<string, TrieNode>;
  /** When a form ends here: its key (the normalised form). */
  f?: string;
}

/** The canonical key of a form or of matched text: curly apostrophes straightened, white space collapsed. */
export function normalizePhrase(text: string): string {
  return text.replace(/\u2019/g, "'").replace(/[\s\u00a0]+/g, ' ');
}

interface BuildNode {
  form?: string;
  children: Map<string, BuildNode>;
}

export function buildTrie(forms: Iterable<string>): TrieNode {
  const root: BuildNode = { children: new Map() };
  for (const form of forms) {
    const key = normalizePhrase(form);
    if (key.length === 0) continue;
    let node = root;
    for (const ch of key.split('')) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map() }));
      node = next;
    }
    node.form = key;
  }
  return compress(root, '');
}

function compress(node: BuildNode, label: string): TrieNode {
  // Fold a chain of single children without forms into this edge's label.
  let n = node;
  let s = label;
  while (n.form === undefined && n.children.size === 1) {
    const [ch, child] = n.children.entries().next().value as [string, BuildNode];
    s += ch;
    n = child;
  }
  const out: TrieNode = {};
  if (s) out.s = s;
  if (n.form !== undefined) out.f = n.form;
  if (n.children.size > 0) {
    out.e = {};
    // Sorted for byte-identical builds.
    for (const ch of [...n.children.keys()].sort()) out.e[ch] = compress(n.children.get(ch)!, '');
  }
  return out;
}

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

/**
 * Reads one character class of a form at text[i]: returns the index after it, or -1. Invisible
 * characters before it are passed over (callers never call this for a form's first character).
 * A space in a form takes a whole run of white space (invisible characters in it too); an
 * apostrophe takes ' or ’. Hot: char codes only, the invisible-character loop only when needed.
 */
function step(text: string, i: number, formChar: string): number {
  // Bounds first: charCodeAt past the end gives NaN, which would make `c` a float everywhere.
  if (i >= text.length) return -1;
  let c = text.charCodeAt(i);
  if (isInvisible(c)) {
    i = skipInvisible(text, i + 1);
    if (i >= text.length) return -1;
    c = text.charCodeAt(i);
  }
  if (formChar === ' ') return isSpace(c) ? skipSpaceRun(text, i + 1) : -1;
  if (formChar === "'") return c === 39 || c === 0x2019 ? i + 1 : -1;
  return c === formChar.charCodeAt(0) ? i + 1 : -1;
}

export interface TrieHit {
  end: number;
  form: string;
}

/** The longest form that starts at text[start] and ends where `isEnd` allows (a word boundary). */
export function longestMatch(root: TrieNode, text: string, start: number, isEnd: (end: number) => boolean): TrieHit | null {
  let hit: TrieHit | null = null;
  let node: TrieNode | undefined = root;
  let i = start;
  while (node) {
    if (node.s) {
      for (let k = 0; k < node.s.length && i >= 0; k++) i = step(text, i, node.s[k]!);
      if (i < 0) break;
    }
    if (node.f !== undefined && isEnd(i)) hit = { end: i, form: node.f };
    if (!node.e) break;
    // Past invisible characters to the next visible one; the hit above ends before them.
    if (i >= text.length) break;
    let at = i;
    let c = text.charCodeAt(at);
    if (isInvisible(c)) {
      at = skipInvisible(text, at + 1);
      if (at >= text.length) break;
      c = text.charCodeAt(at);
    }
    // The edge's key: a space stands for any white space, an apostrophe for ' and ’.
    const key = isSpace(c) ? ' ' : c === 0x2019 ? "'" : text[at]!;
    const next: TrieNode | undefined = node.e[key];
    if (!next) break;
    i = key === ' ' ? skipSpaceRun(text, at + 1) : at + 1;
    node = next;
  }
  return hit;
}
