/**
 * Finds mentions in one piece of text with a compiled matcher: one pass that looks up the
 * longest form at each word start (form-table.ts), then
 * the rules that need only the text around a match (longest match, never-match phrases, names
 * that are part of another name, capitals runs). Rules that need the whole page (second
 * references, page context) are decided by PageMentions.
 *
 * Pure: no DOM, no browser API.
 */
import type { EntityType } from '../kb/types';
import { decodeDigits, ENTITY_WIDTH, PACK_WIDTH, RULE_FLAGS, RULE_WIDTH, TYPE_CODES, type CompiledMatcher, type ContextGroup } from './compile';
import { FormTable, isInvisible, lineStarts, skipInvisible } from './form-table';
import { ID_WIDTH, idOfForm, matcherData, ownValue, type MatcherData } from './matcher-data';
import { isAllCaps, isCapitalised, wordAfter, wordBefore } from './neighbour-words';

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

/** Margin read around a chunk: longer than any form plus the neighbour window. */
const CHUNK_MARGIN = 512;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

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

const TYPE_OF = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as EntityType]));

/** The line of `text` (lines that start with an entity index, by index; `starts` their offsets) for entity `index`, or -1. */
function keyedLine(text: string, starts: Uint32Array, index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const entity = decodeDigits(text, starts[mid]!, ENTITY_WIDTH);
    if (entity === index) return mid;
    if (entity < index) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The entities a matcher knows, by index: what the page rules (page-mentions.ts) read of them. */
export interface EntityTable {
  readonly entityCount: number;
  entityId(index: number): string;
  entityType(index: number): EntityType;
  /**
   * The packs (indices in the order compiled) that hold the entity, of those a context group
   * names (ContextGroup.packs): the only ones the page rules ask about.
   */
  entityPacks(index: number): readonly number[];
  readonly contextGroups: readonly ContextGroup[];
}

export class Matcher implements EntityTable {
  readonly data: MatcherData;
  private readonly table: FormTable;
  private readonly neighbours: Set<string>;

  /**
   * Offsets of otherIds' and contextPacks' lines, built on the first look-up that needs them: a
   * page needs an entity's id only once it names the entity, and its packs rarely.
   */
  private otherIdStarts: Uint32Array | null = null;
  private contextPackStarts: Uint32Array | null = null;
  /** Ids read so far (one is read per mention marked). */
  private readonly idCache = new Map<number, string>();

  /** `data`: the matcher as pages read it (a CompiledMatcher just compiled: matcherFromCompiled). */
  constructor(data: MatcherData) {
    this.data = data;
    this.table = new FormTable(data.lines, RULE_WIDTH);
    this.neighbours = new Set(data.allowedNeighbours);
  }

  get entityCount(): number {
    return this.data.types.length;
  }

  get contextGroups(): readonly ContextGroup[] {
    return this.data.contextGroups;
  }

  entityId(index: number): string {
    let id = this.idCache.get(index);
    if (id === undefined) {
      const ref = decodeDigits(this.data.ids, index * ID_WIDTH, ID_WIDTH);
      // A reference is written only to an ASCII form (matcher-data.ts); '' if damaged storage says otherwise.
      if (ref > 0) id = idOfForm(this.table.form(ref - 1)) ?? '';
      else {
        const starts = (this.otherIdStarts ??= lineStarts(this.data.otherIds));
        const line = keyedLine(this.data.otherIds, starts, index);
        id = line < 0 ? '' : this.data.otherIds.slice(starts[line]! + ENTITY_WIDTH, starts[line + 1]! - 1);
      }
      this.idCache.set(index, id);
    }
    return id;
  }

  entityType(index: number): EntityType {
    return TYPE_OF.get(this.data.types[index]!)!;
  }

  entityPacks(index: number): readonly number[] {
    const text = this.data.contextPacks;
    if (text.length === 0) return [];
    const starts = (this.contextPackStarts ??= lineStarts(text));
    const line = keyedLine(text, starts, index);
    const out: number[] = [];
    if (line >= 0) for (let at = starts[line]! + ENTITY_WIDTH; at < starts[line + 1]! - 1; at += PACK_WIDTH) out.push(decodeDigits(text, at, PACK_WIDTH));
    return out;
  }

  /** How many forms the matcher knows (tools and tests: it counts them). */
  get formCount(): number {
    let n = 0;
    for (let at = this.data.lines.indexOf('\n'); at >= 0; at = this.data.lines.indexOf('\n', at + 1)) n++;
    return n;
  }

  /** Every form with its entity (-1: none) and whether it is a never-match phrase: for tools and tests, never on a page. */
  *formRules(): Generator<{ form: string; entity: number; never: boolean }> {
    for (const line of this.table.lineOffsets()) {
      const { entity, flags } = this.rule(line);
      yield { form: this.table.form(line), entity, never: (flags & RULE_FLAGS.never) !== 0 };
    }
  }

  /** The entity index (-1: none) and flags (RULE_FLAGS) of the form whose line starts at `line`. */
  private rule(line: number): { entity: number; flags: number } {
    const lines = this.data.lines;
    return { entity: decodeDigits(lines, line, RULE_WIDTH - 1) - 1, flags: decodeDigits(lines, line + RULE_WIDTH - 1, 1) };
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
    const table = this.table;
    const firstUnits = table.firstUnits;
    const limit = Math.min(chunk.length, to - lo);
    // Start at the margin, not at `from`: a match that began before `from` (the "South" of
    // "South China Sea") must still swallow what it covers.
    for (let i = 0; i < limit; i++) {
      if (firstUnits[chunk.charCodeAt(i)] === 0 || wordCharBefore(chunk, i)) continue;
      const hit = table.longestMatch(chunk, i, isEnd);
      if (!hit) continue;
      const start = i + lo;
      const end = hit.end + lo;
      // The next word starts after the match: "South China Sea" is not also "China".
      i = hit.end - 1;
      if (start < from) continue;
      const { entity, flags } = this.rule(hit.line);
      if (flags & RULE_FLAGS.contextWord) for (const group of ownValue(this.data.contextOf, table.form(hit.line)) ?? []) contexts.add(group);
      if (entity < 0 || !this.passesLocalRules(flags, text, start, end)) continue;
      const mention: Mention = { start, end, entity, secondReference: (flags & RULE_FLAGS.secondReference) !== 0 };
      if (flags & RULE_FLAGS.needsContext) mention.needsContext = ownValue(this.data.needsContext, table.form(hit.line));
      mentions.push(mention);
    }
    return { mentions, contexts: [...contexts] };
  }

  private passesLocalRules(flags: number, text: string, start: number, end: number): boolean {
    const rule = {
      standalone: (flags & RULE_FLAGS.standalone) !== 0,
      notInCapitalsRun: (flags & RULE_FLAGS.notInCapitalsRun) !== 0,
      secondReference: (flags & RULE_FLAGS.secondReference) !== 0,
    };
    if (!rule.standalone && !rule.notInCapitalsRun) return true;
    const before = visible(wordBefore(text, start));
    const after = visible(wordAfter(text, end));
    if (rule.notInCapitalsRun && ((before && isAllCaps(before)) || (after && isAllCaps(after)))) return false;
    if (rule.standalone) {
      const partOfName = (word: string) =>
        isCapitalised(word) &&
        !this.neighbours.has(word) &&
        // A line set in capitals ("WANG WARNS …") capitalises every word: there a neighbour in
        // capitals is judged by its ordinary spelling ("Warns"), so "VERA WANG" still is not Wang Yi.
        !(isAllCaps(word) && isAllCaps(visible(text.slice(start, end))!) && this.neighbours.has(titleCase(word)));
      // "Hunter Biden", "Vera Wang": a capitalised word right before makes it another person's name.
      if (before && partOfName(before)) return false;
      // Chinese names put the family name first ("Wang Wei"), so a second reference is also
      // checked after. Full names are not: title-case headlines ("Blinken Meets Wang") would fail.
      if (rule.secondReference && after && partOfName(after)) return false;
    }
    return true;
  }
}

/**
 * The matcher of a CompiledMatcher just compiled (tools, tests, the reading pipeline). Apart from
 * the constructor so that the content script, which reads MatcherData from storage, does not
 * bundle the conversion.
 */
export function matcherFromCompiled(compiled: CompiledMatcher): Matcher {
  return new Matcher(matcherData(compiled));
}
