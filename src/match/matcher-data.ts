/**
 * The compiled matcher as pages read it: the CompiledMatcher (compile.ts) with each form's rule
 * written in front of the form on its own line, so that a page can look a form up by binary
 * search over the text itself and find its rule beside it. A page then builds no table of line
 * offsets at all (30,000 names of a reading memory made one of 28,000 lines on every page load,
 * most of the matcher's main-thread start; bench/results.md, "A memory of 1,000 articles").
 * Made once per change of packs (by the background or the pack Worker) and stored as it is: an
 * object of a few long strings, which storage hands to a page without a JSON.parse of its own.
 *
 * Every page reads all of it, and storage's read grows with the bytes (docs/browser-notes.md,
 * Packs): so it holds only what a page asks. An entity's id is, where one of its own forms spells
 * it ("Antony Blinken" → "antony-blinken", as reading packs make their ids), a reference to that
 * form's line; and of the packs that hold an entity, only those a context group names
 * (contextFromPack) are kept, the only ones the page rules ask about. With 1,000 articles that is
 * 0.58 MB instead of 0.89 MB.
 *
 * Pure: no DOM, no browser API.
 */
import { COMPILED_MATCHER_VERSION, decodeDigits, digits, ENTITY_WIDTH, PACK_WIDTH, RULE_WIDTH, type CompiledMatcher } from './compile';

/** Digits of an id's reference: 1 + a line's offset in `lines`, up to 64^4 - 2 (16 M characters; past that, the id is written out). */
export const ID_WIDTH = 4;
const MAX_ID_REF = 64 ** ID_WIDTH - 1;

/** The CompiledMatcher's types and context groups as they are; forms and rules as one text; ids and packs as pages need them. */
export interface MatcherData extends Omit<CompiledMatcher, 'forms' | 'rules' | 'needsContext' | 'contextOf' | 'ids' | 'packs' | 'morePacks'> {
  /**
   * One line per form, sorted by form (UTF-16 code units): the form's RULE_WIDTH rule digits (as
   * CompiledMatcher.rules), then the form (normalised), then "\n".
   */
  lines: string;
  /** Form → its needsContext group, for the few forms that have one. */
  needsContext: Record<string, number>;
  /** Form → the context groups it is a word of. */
  contextOf: Record<string, number[]>;
  /**
   * Per entity, ID_WIDTH digits: 1 + the offset in `lines` of a line whose form spells the
   * entity's id (idOfForm), or 0 when none does and the id is in `otherIds`.
   */
  ids: string;
  /** The ids no form spells, one line each, by entity: the entity (ENTITY_WIDTH digits), the id, "\n". */
  otherIds: string;
  /**
   * The entities in a pack that a context group names (ContextGroup.packs), one line each, by
   * entity: the entity (ENTITY_WIDTH digits), then each such pack that holds it (PACK_WIDTH
   * digits, in the order compiled), "\n". Empty when no alias takes co-occurrence as context.
   */
  contextPacks: string;
}

/**
 * The id an ASCII form spells, as reading packs make ids from names ("People's Republic" →
 * "peoples-republic"), or null. Only ASCII: its lower case and character classes are the same in
 * every engine and version, so a page always reads back the id that was checked when compiling.
 */
export function idOfForm(form: string): string | null {
  let id = '';
  /** Characters other than letters and digits since the last one: one hyphen, if more follow. */
  let gap = false;
  for (let i = 0; i < form.length; i++) {
    let c = form.charCodeAt(i);
    if (c > 127) return null;
    // An apostrophe is dropped ("People's" → "peoples").
    if (c === 39) continue;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && id.length > 0) id += '-';
      gap = false;
      id += String.fromCharCode(c);
    } else gap = true;
  }
  return id;
}

/**
 * Whether idOfForm(form) is `id`, without making the id: compiling asks this of about one form
 * per entity (14,000 with 1,000 articles), and building each id cost more than all the rest.
 */
export function formSpellsId(form: string, id: string): boolean {
  let j = 0;
  let gap = false;
  for (let i = 0; i < form.length; i++) {
    let c = form.charCodeAt(i);
    if (c > 127) return false;
    if (c === 39) continue;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && j > 0 && id.charCodeAt(j++) !== 45) return false;
      gap = false;
      if (id.charCodeAt(j++) !== c) return false;
    } else gap = true;
  }
  return j === id.length;
}


/**
 * contextPacks (see MatcherData) of a compiled matcher: each entity's first pack from `packs`,
 * or all its packs from its line of `morePacks` (lines by entity, as entities are walked here).
 */
function contextPacksOf(compiled: CompiledMatcher): string {
  const named = new Set(compiled.contextGroups.flatMap((g) => g.packs ?? []));
  if (named.size === 0) return '';
  const { packs, morePacks } = compiled;
  let out = '';
  let line = 0;
  for (let entity = 0; entity < compiled.types.length; entity++) {
    let kept = '';
    if (line < morePacks.length && decodeDigits(morePacks, line, ENTITY_WIDTH) === entity) {
      const end = morePacks.indexOf('\n', line);
      for (let at = line + ENTITY_WIDTH; at < end; at += PACK_WIDTH) if (named.has(decodeDigits(morePacks, at, PACK_WIDTH))) kept += morePacks.slice(at, at + PACK_WIDTH);
      line = end + 1;
    } else if (named.has(decodeDigits(packs, entity * PACK_WIDTH, PACK_WIDTH))) kept = packs.slice(entity * PACK_WIDTH, (entity + 1) * PACK_WIDTH);
    if (kept !== '') out += `${digits(entity, ENTITY_WIDTH)}${kept}\n`;
  }
  return out;
}

/** The page's form of a compiled matcher. */
export function matcherData(compiled: CompiledMatcher): MatcherData {
  const { forms, rules } = compiled;
  // Built as entries: a form is any text, even "__proto__", and must become an own property.
  const needsContext: [string, number][] = [];
  const contextOf: [string, number[]][] = [];
  const lines: string[] = [];
  const ids = compiled.ids.split('\n');
  /** Per entity, 1 + the offset of a line whose form spells its id; 0: none found yet. */
  const idRefs = new Array<number>(compiled.types.length).fill(0);
  let start = 0;
  let offset = 0;
  for (let i = 0; start < forms.length; i++) {
    const end = forms.indexOf('\n', start);
    const form = forms.slice(start, end);
    const rule = rules.slice(i * RULE_WIDTH, (i + 1) * RULE_WIDTH);
    const entity = decodeDigits(rule, 0, RULE_WIDTH - 1) - 1;
    // Only the entity's own forms (a clash leaves a form to another entity) and only one per entity.
    if (entity >= 0 && idRefs[entity] === 0 && offset < MAX_ID_REF && formSpellsId(form, ids[entity]!)) idRefs[entity] = offset + 1;
    lines.push(rule, form, '\n');
    offset += rule.length + form.length + 1;
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
    ids: idRefs.map((ref) => digits(ref, ID_WIDTH)).join(''),
    otherIds: idRefs.map((ref, entity) => (ref === 0 ? `${digits(entity, ENTITY_WIDTH)}${ids[entity]}\n` : '')).join(''),
    types: compiled.types,
    contextPacks: contextPacksOf(compiled),
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
    typeof d.otherIds === 'string' && typeof d.contextPacks === 'string' && d.ids.length === d.types.length * ID_WIDTH && typeof d.needsContext === 'object' && d.needsContext !== null &&
    typeof d.contextOf === 'object' && d.contextOf !== null && isStringArray(d.allowedNeighbours) && Array.isArray(d.contextGroups);
}

/** Data that finds nothing (a page with no matcher to read waits for one to be stored). */
export const EMPTY_MATCHER_DATA: MatcherData = {
  version: COMPILED_MATCHER_VERSION, lines: '', needsContext: {}, contextOf: {}, ids: '', otherIds: '', types: '', contextPacks: '',
  allowedNeighbours: [], contextGroups: [],
};
