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
import { longestMatch } from './trie';

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
// makes the name part of another name, so such a word is not taken as the neighbour.
const WORD_BEFORE = /([\p{L}\p{M}][\p{L}\p{M}'\u2019-]*)[ \u00a0]+$/u;
const WORD_AFTER = /^[ \u00a0]+([\p{L}\p{M}][\p{L}\p{M}'\u2019-]*)/u;
const CAPITALISED = /^\p{Lu}/u;
/** A word in capitals: two or more letters, none lower-case. */
const ALL_CAPS = /^(?=(?:.*\p{Lu}){2})[^\p{Ll}]+$/u;

/** Letters, digits or combining marks may not follow a match. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

export class Matcher {
  readonly compiled: CompiledMatcher;
  private readonly neighbours: Set<string>;
  /** Finds word starts whose first character begins some form; the engine skips all others fast. */
  private readonly wordStarts: RegExp;

  constructor(compiled: CompiledMatcher) {
    this.compiled = compiled;
    this.neighbours = new Set(compiled.allowedNeighbours);
    const firsts = Object.keys(compiled.trie.e ?? {}).filter((c) => c !== ' ' && c !== "'");
    const cls = firsts.map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('');
    this.wordStarts = new RegExp(cls ? `(?<![\\p{L}\\p{N}\\p{M}])[${cls}]` : '(?!)', 'gu');
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
    const isEnd = (i: number) => i >= chunk.length || !WORD_CHAR.test(chunk.slice(i, i + 2));
    const words = this.wordStarts;
    // Start at the margin, not at `from`: a match that began before `from` (the "South" of
    // "South China Sea") must still swallow what it covers.
    words.lastIndex = 0;
    for (let w = words.exec(chunk); w !== null && w.index + lo < to; w = words.exec(chunk)) {
      const hit = longestMatch(this.compiled.trie, chunk, w.index, isEnd);
      if (!hit) continue;
      // The next word starts after the match: "South China Sea" is not also "China".
      words.lastIndex = hit.end;
      const start = w.index + lo;
      const end = hit.end + lo;
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
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start))?.[1];
    const after = WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_WINDOW))?.[1];
    if (rule.notInCapitalsRun && ((before && ALL_CAPS.test(before)) || (after && ALL_CAPS.test(after)))) return false;
    if (rule.standalone) {
      // "Hunter Biden", "Vera Wang": a capitalised word right before makes it another person's name.
      if (before && CAPITALISED.test(before) && !this.neighbours.has(before)) return false;
      // Chinese names put the family name first ("Wang Wei"), so a second reference is also
      // checked after. Full names are not: title-case headlines ("Blinken Meets Wang") would fail.
      if (rule.secondReference && after && CAPITALISED.test(after) && !this.neighbours.has(after)) return false;
    }
    return true;
  }
}
