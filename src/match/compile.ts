/**
 * Compiles the alias rules of one or more knowledge bases into what matching needs, and nothing
 * more: entity ids and types, every form sorted in one string, and each form's rules. The result
 * is plain JSON, built once per change of the enabled packs (the built-in pack's at build time
 * too, for tests and the bench's references) and read by every page from storage.
 *
 * Pure: no DOM, no browser API.
 */
import type { Alias, EntityType, KnowledgeBase } from '../kb/types';
import { normalizePhrase } from './form-table';

/**
 * Bumped when the format changes: a stored matcher of another version is compiled again.
 * 2: packs, contextGroups. 3: the compact format (sorted forms in one string, rules as text),
 * read without building any object per form. 4: morePacks as text too (an object of 15,000
 * arrays for a memory of 1,000 articles took JSON.parse longer than all the rest). 5: stored as
 * MatcherData (matcher-data.ts), an object rather than JSON text, each rule beside its form.
 * 6: MatcherData holds ids as references to the forms that spell them, and only the packs that
 * context groups name (a third less for a page to read with 1,000 articles).
 */
export const COMPILED_MATCHER_VERSION = 6;

/** What a matched form means. One form can be several things at once (an alias and a context word). */
export interface FormRule {
  /** Index into the entities when the form is an alias. */
  entity?: number;
  secondReference?: boolean;
  standalone?: boolean;
  notInCapitalsRun?: boolean;
  /**
   * Index into `contextGroups`: the alias counts only on a page that shows a word of that group,
   * or (for a group with `packs`) names enough other entities of one of those packs.
   */
  needsContext?: number;
  /** A neverMatch phrase: consumed, never a mention. */
  never?: boolean;
  /** Context groups this form is a word of. */
  contextOf?: number[];
}

/** What satisfies a context group besides its words. */
export interface ContextGroup {
  /** Packs (indices in the order compiled) whose other entities named on the page count as context (contextFromPack). */
  packs?: number[];
}

/**
 * The compiled matcher, plain JSON made of a few long strings, with no object per form or entity
 * (30,000 names of a reading memory would be millions of objects as a trie; measured in
 * bench/results.md, "A memory of 1,000 articles"). Pages read it as MatcherData
 * (matcher-data.ts), made from it once per change of packs.
 */
export interface CompiledMatcher {
  version: typeof COMPILED_MATCHER_VERSION;
  /** Every form of every entity, never-match phrase and context word (normalised, see normalizePhrase), sorted by UTF-16 code units, each ended by "\n". */
  forms: string;
  /** Per form, in the order of `forms`, RULE_WIDTH base-64 digits: the entity + 1 (0: none), then the flags (RULE_FLAGS). */
  rules: string;
  /** Form index → its needsContext group, for the few forms that have one. */
  needsContext: Record<string, number>;
  /** Form index → the context groups it is a word of. */
  contextOf: Record<string, number[]>;
  /** Entity ids by entity index, each ended by "\n". */
  ids: string;
  /** One character per entity: its type (TYPE_CODES). */
  types: string;
  /** Per entity, PACK_WIDTH base-64 digits: the first pack (index in the order compiled) that holds it. */
  packs: string;
  /**
   * The entities in more than one pack, by entity index, one line each ended by "\n": the entity
   * (ENTITY_WIDTH digits), then every pack that holds it (PACK_WIDTH digits each).
   */
  morePacks: string;
  allowedNeighbours: string[];
  /** One per distinct requirement (requiresPageContext words, contextFromPack pack); their words are in `forms`. */
  contextGroups: ContextGroup[];
}

/** Base-64 digits, JSON-safe: digit value = index. */
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Digits of a rule: three for the entity + 1 (up to 262,143 entities), one for the flags. */
export const RULE_WIDTH = 4;
/** Digits of an entity index in morePacks (as in a rule). */
export const ENTITY_WIDTH = RULE_WIDTH - 1;
/** Digits of an entity's first pack: up to 4,095 packs. */
export const PACK_WIDTH = 2;
export const RULE_FLAGS = { secondReference: 1, standalone: 2, notInCapitalsRun: 4, never: 8, contextWord: 16, needsContext: 32 } as const;
/** Entity types by one character (the first letter of each differs). */
export const TYPE_CODES: Record<EntityType, string> = { person: 'p', country: 'c', place: 'l', organisation: 'o', topic: 't' };

export function digits(value: number, width: number): string {
  let out = '';
  // Six bits per digit; every value written here is below 2^24.
  for (let k = width - 1; k >= 0; k--) out += DIGITS[(value >>> (6 * k)) & 63];
  return out;
}

/** Digit value by char code (see DIGITS). */
const DIGIT_VALUE = new Uint8Array(128);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The number written in `width` base-64 digits (DIGITS) at text[at]: digits() read back. */
export function decodeDigits(text: string, at: number, width: number): number {
  let n = 0;
  for (let k = 0; k < width; k++) n = n * 64 + DIGIT_VALUE[text.charCodeAt(at + k)]!;
  return n;
}

/** A form's rule as RULE_WIDTH digits (its context groups are listed apart). */
export function ruleText(rule: FormRule): string {
  let flags = 0;
  if (rule.secondReference) flags |= RULE_FLAGS.secondReference;
  if (rule.standalone) flags |= RULE_FLAGS.standalone;
  if (rule.notInCapitalsRun) flags |= RULE_FLAGS.notInCapitalsRun;
  if (rule.never) flags |= RULE_FLAGS.never;
  if (rule.contextOf?.length) flags |= RULE_FLAGS.contextWord;
  if (rule.needsContext !== undefined) flags |= RULE_FLAGS.needsContext;
  return digits(rule.entity === undefined ? 0 : rule.entity + 1, RULE_WIDTH - 1) + DIGITS[flags];
}

/** Past these the compact format cannot write an entity or a pack: refused with a message. */
export function checkLimits(entityCount: number, lastPack: number): void {
  if (entityCount >= 64 ** 3 - 1) throw new Error(`${entityCount} entities: the matcher holds at most ${64 ** 3 - 2}`);
  if (lastPack >= 64 ** PACK_WIDTH) throw new Error(`pack ${lastPack}: the matcher holds at most ${64 ** PACK_WIDTH} packs`);
}

/** The compact CompiledMatcher of forms with their rules and of entities. */
function encode(
  forms: Map<string, FormRule>,
  entities: CompilingEntity[],
  allowedNeighbours: string[],
  contextGroups: ContextGroup[],
): CompiledMatcher {
  if (entities.length >= 64 ** 3 - 1) throw new Error(`${entities.length} entities: the matcher holds at most ${64 ** 3 - 2}`);
  // An empty form (white space only) would match everywhere; the validator refuses them anyway.
  const keys = [...forms.keys()].filter((k) => k.length > 0).sort();
  const needsContext: Record<string, number> = {};
  const contextOf: Record<string, number[]> = {};
  let rules = '';
  for (let i = 0; i < keys.length; i++) {
    const rule = forms.get(keys[i]!)!;
    if (rule.contextOf?.length) contextOf[i] = rule.contextOf;
    if (rule.needsContext !== undefined) needsContext[i] = rule.needsContext;
    rules += ruleText(rule);
  }
  let morePacks = '';
  let packs = '';
  entities.forEach((e, i) => {
    const last = e.packs[e.packs.length - 1]!;
    if (last >= 64 ** PACK_WIDTH) throw new Error(`pack ${last}: the matcher holds at most ${64 ** PACK_WIDTH} packs`);
    packs += digits(e.packs[0]!, PACK_WIDTH);
    if (e.packs.length > 1) morePacks += `${digits(i, ENTITY_WIDTH)}${e.packs.map((p) => digits(p, PACK_WIDTH)).join('')}\n`;
  });
  return {
    version: COMPILED_MATCHER_VERSION,
    forms: keys.map((k) => `${k}\n`).join(''),
    rules,
    needsContext,
    contextOf,
    ids: entities.map((e) => `${e.id}\n`).join(''),
    types: entities.map((e) => TYPE_CODES[e.type]).join(''),
    packs,
    morePacks,
    allowedNeighbours,
    contextGroups,
  };
}

export interface CompileResult {
  compiled: CompiledMatcher;
  /**
   * Rules that clashed between packs (the first pack's rule was kept): the first
   * MAX_LISTED_CONFLICTS, then one line saying how many more (see conflictCount).
   */
  conflicts: string[];
}

/**
 * Clashes listed by name. A reading memory of 1,000 articles shares surnames between articles by
 * the thousand: listing every clash stored 11 MB of text beside the matcher, more than
 * storage.local holds (10 MB), and no reader reads past the first screenful.
 */
export const MAX_LISTED_CONFLICTS = 100;
export const MORE_CONFLICTS = /^…and ([\d,]+) more clashes, not listed$/;
const moreConflicts = (n: number) => `…and ${n.toLocaleString('en-US')} more clashes, not listed`;

/** How many clashes a conflicts list stands for (its last line may say how many more there were). */
export function conflictCount(conflicts: string[]): number {
  const more = MORE_CONFLICTS.exec(conflicts[conflicts.length - 1] ?? '');
  return more ? conflicts.length - 1 + Number(more[1]!.replace(/,/g, '')) : conflicts.length;
}


/** The spellings a form matches: as written and, unless exactCase, in capitals. */
export function spellings(form: string, exactCase: boolean | undefined): string[] {
  const upper = form.toUpperCase();
  return exactCase || upper === form ? [form] : [form, upper];
}

/** A form's rule while compiling: which pack set it, for the message of a later clash. */
export type CompilingRule = FormRule & { pack?: number };

/** A form's rules by form, as addPack reads and writes them (a Map; a lazy table when extending). */
export interface FormRules {
  get(key: string): CompilingRule | undefined;
  set(key: string, rule: CompilingRule): unknown;
}

/** An entity while compiling: its first type, and every pack that holds it in order. */
export interface CompilingEntity {
  id: string;
  type: EntityType;
  packs: number[];
}

/** The entities by index and by id, as addPack reads and writes them. */
export interface EntityTable {
  readonly length: number;
  indexOf(id: string): number | undefined;
  /** The entity at `index`, to read and to add a pack to. */
  at(index: number): CompilingEntity;
  push(entity: CompilingEntity): void;
}

/** The entities of a compile from scratch. */
export class EntityList implements EntityTable {
  readonly list: CompilingEntity[] = [];
  private readonly index = new Map<string, number>();
  get length(): number {
    return this.list.length;
  }
  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }
  at(index: number): CompilingEntity {
    return this.list[index]!;
  }
  push(entity: CompilingEntity): void {
    this.index.set(entity.id, this.list.length);
    this.list.push(entity);
  }
}

/**
 * Everything compiling keeps between packs: what extend-matcher.ts reads back from a stored
 * matcher (lazily: only the forms and entities one more pack touches) to add that pack.
 */
export interface CompileState<F extends FormRules = Map<string, CompilingRule>, E extends EntityTable = EntityList> {
  /** Source ids of the packs added so far, in order (pack indices in rules and messages). */
  packIds: string[];
  entities: E;
  forms: F;
  /** Context group by its key (its sorted normalised words and pack, see contextGroup). */
  contextGroups: Map<string, number>;
  groupList: ContextGroup[];
  neighbours: Set<string>;
  /** The clashes listed so far (at most MAX_LISTED_CONFLICTS), and how many more there were. */
  conflicts: string[];
  unlisted: number;
}

export const emptyCompileState = (): CompileState => ({
  packIds: [],
  entities: new EntityList(),
  forms: new Map(),
  contextGroups: new Map(),
  groupList: [],
  neighbours: new Set(),
  conflicts: [],
  unlisted: 0,
});

/** Adds one pack's alias rules to `state`, after the packs already there (whose rules win a clash). */
export function addPack(state: CompileState<FormRules, EntityTable>, pack: KnowledgeBase): void {
  const { entities, forms, contextGroups, groupList, conflicts } = state;
  const packIndex = state.packIds.length;
  state.packIds.push(pack.source.id);
  /** `text` is called only for a clash that is listed: a memory of 1,000 articles has tens of thousands. */
  const conflict = (text: () => string) => {
    if (conflicts.length < MAX_LISTED_CONFLICTS) conflicts.push(text());
    else state.unlisted++;
  };
  const where = (entity: number, p: number) => `entity "${entities.at(entity).id}" (pack "${state.packIds[p]!}")`;

  const ruleFor = (key: string): CompilingRule => {
    let rule = forms.get(key);
    if (!rule) forms.set(key, (rule = {}));
    return rule;
  };

  /** The group of these context words and, with `pack`, that pack's co-occurrence. */
  const contextGroup = (words: string[], p: number | undefined): number => {
    const id = JSON.stringify([[...new Set(words.map(normalizePhrase))].sort(), p ?? null]);
    let group = contextGroups.get(id);
    if (group === undefined) {
      group = contextGroups.size;
      contextGroups.set(id, group);
      groupList.push(p === undefined ? {} : { packs: [p] });
      for (const word of words) {
        for (const spelling of spellings(word, false)) {
          const rule = ruleFor(normalizePhrase(spelling));
          rule.contextOf = [...(rule.contextOf ?? []), group];
        }
      }
    }
    return group;
  };

  /**
   * One spelling of an alias. Returns whether it clashed with a rule already there. The hot loop
   * of compiling (twice per name): no object is made unless the form is new.
   */
  const addSpelling = (spelling: string, alias: Alias, entity: number, needsContext: number | undefined): boolean => {
    const key = normalizePhrase(spelling);
    const rule = forms.get(key);
    if (rule === undefined || rule.entity === undefined) {
      const wanted: CompilingRule = rule ?? {};
      wanted.entity = entity;
      wanted.pack = packIndex;
      if (alias.secondReference) wanted.secondReference = true;
      if (alias.standalone) wanted.standalone = true;
      if (alias.notInCapitalsRun) wanted.notInCapitalsRun = true;
      if (needsContext !== undefined) wanted.needsContext = needsContext;
      if (!rule) forms.set(key, wanted);
      return false;
    }
    return !(
      rule.entity === entity &&
      !!rule.secondReference === !!alias.secondReference &&
      !!rule.standalone === !!alias.standalone &&
      !!rule.notInCapitalsRun === !!alias.notInCapitalsRun &&
      rule.needsContext === needsContext
    );
  };

  const addAlias = (alias: Alias, entity: number) => {
    const needsContext = alias.requiresPageContext?.length || alias.contextFromPack
      ? contextGroup(alias.requiresPageContext ?? [], alias.contextFromPack ? packIndex : undefined)
      : undefined;
    const form = alias.form;
    const upper = alias.exactCase ? form : form.toUpperCase();
    // One line per alias: its capitals spelling ("MILLER") clashes whenever "Miller" does.
    let clash: string | null = addSpelling(form, alias, entity, needsContext) ? form : null;
    if (upper !== form && addSpelling(upper, alias, entity, needsContext)) clash ??= upper;
    if (clash !== null) {
      const spelling = clash;
      const owner = forms.get(normalizePhrase(spelling))!;
      conflict(() => `alias "${spelling}" of ${where(entity, packIndex)} clashes with the rule kept from ${where(owner.entity!, owner.pack!)}; the first is kept`);
    }
  };

  for (const word of pack.matching.allowedNeighbours) state.neighbours.add(word);
  for (const entity of pack.entities) {
    let index = entities.indexOf(entity.id);
    if (index === undefined) {
      index = entities.length;
      entities.push({ id: entity.id, type: entity.type, packs: [packIndex] });
    } else if (!entities.at(index).packs.includes(packIndex)) entities.at(index).packs.push(packIndex);
    const first = entities.at(index);
    if (first.type !== entity.type) {
      conflict(() => `entity "${entity.id}" is a ${entity.type} in pack "${pack.source.id}" but a ${first.type} in an earlier pack; the first is kept`);
    }
    for (const alias of entity.aliases) addAlias(alias, index);
    for (const phrase of entity.neverMatch ?? []) {
      for (const spelling of spellings(phrase, false)) ruleFor(normalizePhrase(spelling)).never = true;
    }
  }
}

/** The clashes listed, and the line that counts the others. */
export const finishConflicts = (state: CompileState<FormRules, EntityTable>): string[] =>
  state.unlisted > 0 ? [...state.conflicts, moreConflicts(state.unlisted)] : [...state.conflicts];

/** The compiled matcher and the clashes of what `state` holds. */
export function finishCompile(state: CompileState): CompileResult {
  const conflicts = finishConflicts(state);
  return { compiled: encode(state.forms, state.entities.list, [...state.neighbours].sort(), state.groupList), conflicts };
}

export function compileMatcher(packs: KnowledgeBase[]): CompileResult {
  const state = emptyCompileState();
  for (const pack of packs) addPack(state, pack);
  return finishCompile(state);
}
