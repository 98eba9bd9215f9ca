/**
 * Adding one more pack to a compiled matcher without compiling the others again: "Add this
 * article" saves a new pack switched on, which comes last in the order of enabled packs, so the new
 * matcher is the old one extended by that pack (on a clash the earlier pack's rule is kept). With
 * a memory of 1,000 articles, reading every pack's matching part and compiling them all took most
 * of the Save (README, "Performance and accuracy").
 *
 * A ResumableMatcher is a CompileResult with the little compiling needs besides it (the packs'
 * order, the context groups' keys, which pack set each alias rule). extendMatcher adds the pack
 * with compile.ts's own addPack, over tables that read from the stored strings only the forms and
 * entities the pack touches, then writes the new strings as the old ones with those few lines
 * inserted or replaced: no object per form, no sort of 60,000 forms. The result equals
 * compileResumable([...packs, pack]) exactly (extend-matcher.test.ts).
 *
 * Pure: no DOM, no browser API.
 */
import type { EntityType, KnowledgeBase } from '../kb/types';
import {
  addPack,
  checkLimits,
  COMPILED_MATCHER_VERSION,
  conflictCount,
  digits,
  decodeDigits,
  emptyCompileState,
  ENTITY_WIDTH,
  finishCompile,
  finishConflicts,
  MORE_CONFLICTS,
  PACK_WIDTH,
  RULE_FLAGS,
  RULE_WIDTH,
  ruleText,
  TYPE_CODES,
  type CompileResult,
  type CompileState,
  type CompilingEntity,
  type CompilingRule,
  type EntityTable,
  type FormRules,
} from './compile';

export interface ResumableMatcher extends CompileResult {
  /** Source ids of the packs compiled, in order (the built-in pack first). */
  packIds: string[];
  /** Each context group's key, by group index (the words it was made of cannot be told from the forms). */
  groupKeys: string[];
  /** Per form, in the order of `compiled.forms`, PACK_WIDTH digits: the pack that set its alias rule (for the message of a later clash). */
  rulePacks: string;
}


const TYPE_OF = Object.fromEntries(Object.entries(TYPE_CODES).map(([type, code]) => [code, type])) as Record<string, EntityType>;

/** Lines of a "\n"-ended list. */
const lines = (text: string): string[] => (text === '' ? [] : text.slice(0, -1).split('\n'));

/** Where each line of a "\n"-ended list starts, and (last) where the text ends. */
function lineStarts(text: string): Int32Array {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count + 1);
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  return starts;
}

/** The first index in 0..length whose value is not below `target` (`below(i)`: value i < target). */
function lowerBound(length: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The forms' rules of a stored matcher, each read from its strings when a pack first touches it. */
class StoredForms implements FormRules {
  /** The rules read or written, by form. */
  readonly touched = new Map<string, CompilingRule>();
  readonly keys: string[];
  constructor(private readonly previous: ResumableMatcher) {
    this.keys = lines(previous.compiled.forms);
  }
  /** The index of `key` among the stored forms, or -1. */
  find(key: string): number {
    const at = lowerBound(this.keys.length, (i) => this.keys[i]! < key);
    return this.keys[at] === key ? at : -1;
  }
  get(key: string): CompilingRule | undefined {
    let rule = this.touched.get(key);
    if (rule) return rule;
    const i = this.find(key);
    if (i < 0) return undefined;
    rule = this.read(i);
    this.touched.set(key, rule);
    return rule;
  }
  set(key: string, rule: CompilingRule): void {
    this.touched.set(key, rule);
  }
  private read(i: number): CompilingRule {
    const { compiled, rulePacks } = this.previous;
    const entity = decodeDigits(compiled.rules, i * RULE_WIDTH, RULE_WIDTH - 1) - 1;
    const flags = decodeDigits(compiled.rules, i * RULE_WIDTH + RULE_WIDTH - 1, 1);
    const rule: CompilingRule = {};
    if (entity >= 0) {
      rule.entity = entity;
      rule.pack = decodeDigits(rulePacks, i * PACK_WIDTH, PACK_WIDTH);
    }
    if (flags & RULE_FLAGS.secondReference) rule.secondReference = true;
    if (flags & RULE_FLAGS.standalone) rule.standalone = true;
    if (flags & RULE_FLAGS.notInCapitalsRun) rule.notInCapitalsRun = true;
    if (flags & RULE_FLAGS.never) rule.never = true;
    if (flags & RULE_FLAGS.contextWord) rule.contextOf = [...compiled.contextOf[i]!];
    if (flags & RULE_FLAGS.needsContext) rule.needsContext = compiled.needsContext[i]!;
    return rule;
  }
}

/** The entities of a stored matcher, each read from its strings when a pack first touches it; new ones after them. */
class StoredEntities implements EntityTable {
  /** The entities read or added, by index. */
  readonly touched = new Map<number, CompilingEntity>();
  readonly storedCount: number;
  readonly added: CompilingEntity[] = [];
  private readonly byId = new Map<string, number>();
  private readonly idStarts: Int32Array;
  readonly moreStarts: Int32Array;
  constructor(private readonly compiled: ResumableMatcher['compiled']) {
    this.idStarts = lineStarts(compiled.ids);
    this.storedCount = this.idStarts.length - 1;
    this.moreStarts = lineStarts(compiled.morePacks);
  }
  get length(): number {
    return this.storedCount + this.added.length;
  }
  indexOf(id: string): number | undefined {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    const { ids } = this.compiled;
    for (let at = ids.indexOf(`${id}\n`); at >= 0; at = ids.indexOf(`${id}\n`, at + 1)) {
      if (at > 0 && ids.charCodeAt(at - 1) !== 10) continue;
      const index = lowerBound(this.storedCount, (i) => this.idStarts[i]! < at);
      this.byId.set(id, index);
      return index;
    }
    return undefined;
  }
  /** The line of morePacks of entity `index`, or where it would go (as `at`, with found false). */
  moreLine(index: number): { at: number; found: boolean } {
    const { morePacks } = this.compiled;
    const lineCount = this.moreStarts.length - 1;
    const at = lowerBound(lineCount, (l) => decodeDigits(morePacks, this.moreStarts[l]!, ENTITY_WIDTH) < index);
    return { at, found: at < lineCount && decodeDigits(morePacks, this.moreStarts[at]!, ENTITY_WIDTH) === index };
  }
  at(index: number): CompilingEntity {
    if (index >= this.storedCount) return this.added[index - this.storedCount]!;
    let entity = this.touched.get(index);
    if (entity) return entity;
    const { compiled } = this;
    const id = compiled.ids.slice(this.idStarts[index]!, this.idStarts[index + 1]! - 1);
    let packs = [decodeDigits(compiled.packs, index * PACK_WIDTH, PACK_WIDTH)];
    const more = this.moreLine(index);
    if (more.found) {
      const start = this.moreStarts[more.at]!;
      const end = this.moreStarts[more.at + 1]! - 1;
      packs = [];
      for (let at = start + ENTITY_WIDTH; at < end; at += PACK_WIDTH) packs.push(decodeDigits(compiled.morePacks, at, PACK_WIDTH));
    }
    entity = { id, type: TYPE_OF[compiled.types[index]!]!, packs };
    this.touched.set(index, entity);
    return entity;
  }
  push(entity: CompilingEntity): void {
    this.byId.set(entity.id, this.length);
    this.added.push(entity);
  }
}

type StoredState = CompileState<StoredForms, StoredEntities>;

/** The compiling state of `previous`, its tables read lazily. */
function resume(previous: ResumableMatcher): StoredState {
  const { compiled } = previous;
  const conflictsListed = MORE_CONFLICTS.test(previous.conflicts[previous.conflicts.length - 1] ?? '') ? previous.conflicts.slice(0, -1) : [...previous.conflicts];
  return {
    packIds: [...previous.packIds],
    entities: new StoredEntities(compiled),
    forms: new StoredForms(previous),
    contextGroups: new Map(previous.groupKeys.map((key, i) => [key, i])),
    groupList: compiled.contextGroups.map((g) => (g.packs ? { packs: [...g.packs] } : {})),
    neighbours: new Set(compiled.allowedNeighbours),
    conflicts: conflictsListed,
    unlisted: conflictCount(previous.conflicts) - conflictsListed.length,
  };
}

/**
 * The forms, rules, rulePacks and context indices of `state`: the stored strings with the forms
 * the pack touched written again in place and its new forms inserted in order.
 */
function encodeForms(previous: ResumableMatcher, forms: StoredForms) {
  const { compiled, rulePacks } = previous;
  // An empty form would match everywhere; compileMatcher leaves it out too.
  const changes = [...forms.touched].filter(([key]) => key.length > 0).map(([key, rule]) => {
    const stored = forms.find(key);
    return { key, rule, stored, at: stored >= 0 ? stored : lowerBound(forms.keys.length, (i) => forms.keys[i]! < key) };
  });
  // By place; a new form sorts before the stored form at its place (the first form after it).
  changes.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
  const formStarts = lineStarts(compiled.forms);
  const out = { forms: [] as string[], rules: [] as string[], rulePacks: [] as string[] };
  const needsContext: Record<string, number> = {};
  const contextOf: Record<string, number[]> = {};
  const replaced = new Set<number>();
  /** Forms inserted before each stored form so far: a stored form's new index is its index plus these. */
  const insertedBefore: { at: number; count: number }[] = [];
  let copied = 0;
  let inserted = 0;
  const copyTo = (end: number) => {
    out.forms.push(compiled.forms.slice(formStarts[copied]!, formStarts[end]!));
    out.rules.push(compiled.rules.slice(copied * RULE_WIDTH, end * RULE_WIDTH));
    out.rulePacks.push(rulePacks.slice(copied * PACK_WIDTH, end * PACK_WIDTH));
    copied = end;
  };
  for (const { key, rule, stored, at } of changes) {
    copyTo(at);
    const index = at + inserted;
    out.forms.push(`${key}\n`);
    out.rules.push(ruleText(rule));
    out.rulePacks.push(digits(rule.pack ?? 0, PACK_WIDTH));
    if (rule.contextOf?.length) contextOf[index] = rule.contextOf;
    if (rule.needsContext !== undefined) needsContext[index] = rule.needsContext;
    if (stored >= 0) {
      replaced.add(stored);
      copied = stored + 1;
    } else {
      inserted++;
      insertedBefore.push({ at, count: inserted });
    }
  }
  copyTo(forms.keys.length);
  const newIndex = (i: number) => {
    const k = lowerBound(insertedBefore.length, (j) => insertedBefore[j]!.at <= i) - 1;
    return i + (k >= 0 ? insertedBefore[k]!.count : 0);
  };
  for (const [i, group] of Object.entries(compiled.needsContext)) if (!replaced.has(Number(i))) needsContext[newIndex(Number(i))] = group;
  for (const [i, groups] of Object.entries(compiled.contextOf)) if (!replaced.has(Number(i))) contextOf[newIndex(Number(i))] = groups;
  return { forms: out.forms.join(''), rules: out.rules.join(''), rulePacks: out.rulePacks.join(''), needsContext, contextOf };
}

/** The morePacks line of every entity the pack touched that is in more than one pack, put in place. */
function encodeMorePacks(entities: StoredEntities, morePacks: string): string {
  const changes: { index: number; line: string }[] = [];
  const lineOf = (index: number, e: CompilingEntity) => `${digits(index, ENTITY_WIDTH)}${e.packs.map((p) => digits(p, PACK_WIDTH)).join('')}\n`;
  for (const [index, e] of entities.touched) if (e.packs.length > 1) changes.push({ index, line: lineOf(index, e) });
  entities.added.forEach((e, k) => e.packs.length > 1 && changes.push({ index: entities.storedCount + k, line: lineOf(entities.storedCount + k, e) }));
  changes.sort((a, b) => a.index - b.index);
  const out: string[] = [];
  let copied = 0;
  for (const { index, line } of changes) {
    const { at, found } = entities.moreLine(index);
    out.push(morePacks.slice(entities.moreStarts[copied]!, entities.moreStarts[at]!), line);
    copied = found ? at + 1 : at;
  }
  out.push(morePacks.slice(entities.moreStarts[copied]!));
  return out.join('');
}

/** The matcher of a resumed `state`, with what extending it again needs. */
function finishStored(previous: ResumableMatcher, state: StoredState): ResumableMatcher {
  const { compiled } = previous;
  const { entities } = state;
  const newPack = state.packIds.length - 1;
  checkLimits(entities.length, entities.added.length > 0 || [...entities.touched.values()].some((e) => e.packs.includes(newPack)) ? newPack : 0);
  const { forms, rules, rulePacks, needsContext, contextOf } = encodeForms(previous, state.forms);
  return {
    compiled: {
      version: COMPILED_MATCHER_VERSION,
      forms,
      rules,
      needsContext,
      contextOf,
      ids: compiled.ids + entities.added.map((e) => `${e.id}\n`).join(''),
      types: compiled.types + entities.added.map((e) => TYPE_CODES[e.type]).join(''),
      packs: compiled.packs + entities.added.map((e) => digits(e.packs[0]!, PACK_WIDTH)).join(''),
      morePacks: encodeMorePacks(entities, compiled.morePacks),
      allowedNeighbours: [...state.neighbours].sort(),
      contextGroups: state.groupList,
    },
    conflicts: finishConflicts(state),
    packIds: state.packIds,
    groupKeys: [...state.contextGroups.keys()],
    rulePacks,
  };
}

/** compileMatcher's result for these packs, with what extending it needs. */
export function compileResumable(packs: KnowledgeBase[]): ResumableMatcher {
  const state = emptyCompileState();
  for (const pack of packs) addPack(state, pack);
  const { compiled, conflicts } = finishCompile(state);
  let rulePacks = '';
  for (const key of lines(compiled.forms)) rulePacks += digits(state.forms.get(key)!.pack ?? 0, PACK_WIDTH);
  return { compiled, conflicts, packIds: state.packIds, groupKeys: [...state.contextGroups.keys()], rulePacks };
}

/** The matcher of the packs `previous` was compiled from, then `pack` (last). */
export function extendMatcher(previous: ResumableMatcher, pack: KnowledgeBase): ResumableMatcher {
  const state = resume(previous);
  addPack(state, pack);
  return finishStored(previous, state);
}
