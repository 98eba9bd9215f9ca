/**
 * Adding one more pack to a compiled matcher without compiling the others again: "Add this
 * article" saves a new pack switched on, which comes last in the order of enabled packs, so the new
 * matcher is the old one extended by that pack (on a clash the earlier pack's rule is kept). With
 * a memory of 1,000 articles, reading every pack's matching part and compiling them all took most
 * of the Save (README, "Performance and accuracy").
 *
 * A ResumableMatcher is a CompileResult with the little compiling needs besides it (the packs'
 * order, the context groups' keys, which pack set each alias rule): extendMatcher rebuilds the
 * compiling state from it, adds the pack as compileMatcher would, and encodes again, so that
 * extendMatcher(compileResumable(packs), pack) equals compileResumable([...packs, pack]) exactly
 * (extend-matcher.test.ts).
 *
 * Pure: no DOM, no browser API.
 */
import type { KnowledgeBase } from '../kb/types';
import {
  addPack,
  conflictCount,
  DIGITS,
  digits,
  emptyCompileState,
  ENTITY_WIDTH,
  finishCompile,
  MORE_CONFLICTS,
  PACK_WIDTH,
  RULE_FLAGS,
  RULE_WIDTH,
  TYPE_CODES,
  type CompileResult,
  type CompileState,
  type CompilingRule,
} from './compile';
import type { EntityType } from '../kb/types';

export interface ResumableMatcher extends CompileResult {
  /** Source ids of the packs compiled, in order (the built-in pack first). */
  packIds: string[];
  /** Each context group's key, by group index (the words it was made of cannot be told from the forms). */
  groupKeys: string[];
  /** Per form, in the order of `compiled.forms`, PACK_WIDTH digits: the pack that set its alias rule (for the message of a later clash). */
  rulePacks: string;
}

/** Digit value by character code. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

function valueAt(text: string, at: number, width: number): number {
  let value = 0;
  for (let k = 0; k < width; k++) value = value * 64 + VALUE[text.charCodeAt(at + k)]!;
  return value;
}

const TYPE_OF = Object.fromEntries(Object.entries(TYPE_CODES).map(([type, code]) => [code, type])) as Record<string, EntityType>;

/** Lines of a "\n"-ended list. */
const lines = (text: string): string[] => (text === '' ? [] : text.slice(0, -1).split('\n'));

/** The matcher of `state` with what extending it needs. */
function resumable(state: CompileState): ResumableMatcher {
  const { compiled, conflicts } = finishCompile(state);
  let rulePacks = '';
  for (const key of lines(compiled.forms)) rulePacks += digits(state.forms.get(key)!.pack ?? 0, PACK_WIDTH);
  return { compiled, conflicts, packIds: [...state.packIds], groupKeys: [...state.contextGroups.keys()], rulePacks };
}

/** The compiling state `previous` was encoded from. */
function resume(previous: ResumableMatcher): CompileState {
  const { compiled } = previous;
  const state = emptyCompileState();
  state.packIds = [...previous.packIds];
  lines(compiled.forms).forEach((key, i) => {
    const at = i * RULE_WIDTH;
    const entity = valueAt(compiled.rules, at, RULE_WIDTH - 1) - 1;
    const flags = valueAt(compiled.rules, at + RULE_WIDTH - 1, 1);
    const rule: CompilingRule = {};
    if (entity >= 0) {
      rule.entity = entity;
      rule.pack = valueAt(previous.rulePacks, i * PACK_WIDTH, PACK_WIDTH);
    }
    if (flags & RULE_FLAGS.secondReference) rule.secondReference = true;
    if (flags & RULE_FLAGS.standalone) rule.standalone = true;
    if (flags & RULE_FLAGS.notInCapitalsRun) rule.notInCapitalsRun = true;
    if (flags & RULE_FLAGS.never) rule.never = true;
    if (flags & RULE_FLAGS.contextWord) rule.contextOf = [...compiled.contextOf[i]!];
    if (flags & RULE_FLAGS.needsContext) rule.needsContext = compiled.needsContext[i]!;
    state.forms.set(key, rule);
  });
  lines(compiled.ids).forEach((id, i) => {
    state.entityIndex.set(id, i);
    state.entities.push({ id, type: TYPE_OF[compiled.types[i]!]!, packs: [valueAt(compiled.packs, i * PACK_WIDTH, PACK_WIDTH)] });
  });
  for (const line of lines(compiled.morePacks)) {
    const packs: number[] = [];
    for (let at = ENTITY_WIDTH; at < line.length; at += PACK_WIDTH) packs.push(valueAt(line, at, PACK_WIDTH));
    state.entities[valueAt(line, 0, ENTITY_WIDTH)]!.packs = packs;
  }
  previous.groupKeys.forEach((key, i) => state.contextGroups.set(key, i));
  state.groupList = compiled.contextGroups.map((g) => (g.packs ? { packs: [...g.packs] } : {}));
  state.neighbours = new Set(compiled.allowedNeighbours);
  const more = MORE_CONFLICTS.test(previous.conflicts[previous.conflicts.length - 1] ?? '');
  state.conflicts = more ? previous.conflicts.slice(0, -1) : [...previous.conflicts];
  state.unlisted = conflictCount(previous.conflicts) - state.conflicts.length;
  return state;
}

/** compileMatcher's result for these packs, with what extending it needs. */
export function compileResumable(packs: KnowledgeBase[]): ResumableMatcher {
  const state = emptyCompileState();
  for (const pack of packs) addPack(state, pack);
  return resumable(state);
}

/** The matcher of the packs `previous` was compiled from, then `pack` (last). */
export function extendMatcher(previous: ResumableMatcher, pack: KnowledgeBase): ResumableMatcher {
  const state = resume(previous);
  addPack(state, pack);
  return resumable(state);
}
