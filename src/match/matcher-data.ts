/**
 * The compiled matcher as pages read it: the CompiledMatcher (compile.ts) with each form's rule
 * written in front of the form on its own line, so that a page can look a form up by binary
 * search over the text itself and find its rule beside it. A page then builds no table of line
 * offsets at all (30,000 names of a reading memory made one of 28,000 lines on every page load,
 * most of the matcher's main-thread start; bench/results.md, "A memory of 1,000 articles").
 * Made once per change of packs (by the background or the pack Worker) and stored as it is: an
 * object of a few long strings, which storage hands to a page without a JSON.parse of its own.
 *
 * Pure: no DOM, no browser API.
 */
import { COMPILED_MATCHER_VERSION, RULE_WIDTH, type CompiledMatcher } from './compile';

/** The CompiledMatcher's entity tables and context groups as they are; forms and rules as one text. */
export interface MatcherData extends Omit<CompiledMatcher, 'forms' | 'rules' | 'needsContext' | 'contextOf'> {
  /**
   * One line per form, sorted by form (UTF-16 code units): the form's RULE_WIDTH rule digits (as
   * CompiledMatcher.rules), then the form (normalised), then "\n".
   */
  lines: string;
  /** Form → its needsContext group, for the few forms that have one. */
  needsContext: Record<string, number>;
  /** Form → the context groups it is a word of. */
  contextOf: Record<string, number[]>;
}

/** The page's form of a compiled matcher. */
export function matcherData(compiled: CompiledMatcher): MatcherData {
  const { forms, rules } = compiled;
  // Built as entries: a form is any text, even "__proto__", and must become an own property.
  const needsContext: [string, number][] = [];
  const contextOf: [string, number[]][] = [];
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; start < forms.length; i++) {
    const end = forms.indexOf('\n', start);
    const form = forms.slice(start, end);
    lines.push(rules.slice(i * RULE_WIDTH, (i + 1) * RULE_WIDTH), form, '\n');
    const group = ownValue(compiled.needsContext, String(i));
    if (group !== undefined) needsContext.push([form, group]);
    const groups = ownValue(compiled.contextOf, String(i));
    if (groups !== undefined) contextOf.push([form, groups]);
    start = end + 1;
  }
  return {
    version: compiled.version,
    lines: lines.join(''),
    needsContext: Object.fromEntries(needsContext),
    contextOf: Object.fromEntries(contextOf),
    ids: compiled.ids,
    types: compiled.types,
    packs: compiled.packs,
    morePacks: compiled.morePacks,
    allowedNeighbours: compiled.allowedNeighbours,
    contextGroups: compiled.contextGroups,
  };
}

/** table[key] if it is the table's own ("constructor" is not). */
export function ownValue<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Whether a value (from storage or a message) is MatcherData of this version, checked only as
 * deep as a page can afford: its strings and tables are of the right kinds.
 */
export function isMatcherData(v: unknown): v is MatcherData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<MatcherData>;
  return d.version === COMPILED_MATCHER_VERSION && typeof d.lines === 'string' && typeof d.ids === 'string' && typeof d.types === 'string' &&
    typeof d.packs === 'string' && typeof d.morePacks === 'string' && typeof d.needsContext === 'object' && d.needsContext !== null &&
    typeof d.contextOf === 'object' && d.contextOf !== null && isStringArray(d.allowedNeighbours) && Array.isArray(d.contextGroups);
}

/** Data that finds nothing (a page with no matcher to read waits for one to be stored). */
export const EMPTY_MATCHER_DATA: MatcherData = {
  version: COMPILED_MATCHER_VERSION, lines: '', needsContext: {}, contextOf: {}, ids: '', types: '', packs: '', morePacks: '',
  allowedNeighbours: [], contextGroups: [],
};
