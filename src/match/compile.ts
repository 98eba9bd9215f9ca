/**
 * Compiles the alias rules of one or more knowledge bases into what matching needs, and nothing
 * more: entity ids and types, one trie-shaped pattern over every form, and a table from each form
 * to its rules. The result is plain JSON, built once (at build time for the built-in knowledge
 * base) and carried by the content script.
 *
 * Pure: no DOM, no browser API.
 */
import type { Alias, EntityType, KnowledgeBase } from '../kb/types';
import { buildTrie, normalizePhrase, type TrieNode } from './trie';

/** Bumped when the format changes: a stored matcher of another version is compiled again. 2: packs, contextGroups. */
export const COMPILED_MATCHER_VERSION = 2;

/** What a matched form means. One form can be several things at once (an alias and a context word). */
export interface FormRule {
  /** Index into `entities` when the form is an alias. */
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

export interface CompiledMatcher {
  version: typeof COMPILED_MATCHER_VERSION;
  /** `packs`: the packs (indices in the order compiled) that hold the entity. */
  entities: { id: string; type: EntityType; packs: number[] }[];
  /** Every form of every entity, never-match phrase and context word, as one trie. */
  trie: TrieNode;
  /** Normalised form (see normalizePhrase) → its rules. */
  forms: Record<string, FormRule>;
  allowedNeighbours: string[];
  /** One per distinct requirement (requiresPageContext words, contextFromPack pack); their words are in `forms`. */
  contextGroups: ContextGroup[];
}

export interface CompileResult {
  compiled: CompiledMatcher;
  /** Rules that clashed between packs; the first pack's rule was kept. */
  conflicts: string[];
}


/** The spellings a form matches: as written and, unless exactCase, in capitals. */
export function spellings(form: string, exactCase: boolean | undefined): string[] {
  const upper = form.toUpperCase();
  return exactCase || upper === form ? [form] : [form, upper];
}

const sameRule = (a: FormRule, b: FormRule) =>
  a.entity === b.entity &&
  !!a.secondReference === !!b.secondReference &&
  !!a.standalone === !!b.standalone &&
  !!a.notInCapitalsRun === !!b.notInCapitalsRun &&
  a.needsContext === b.needsContext;

export function compileMatcher(packs: KnowledgeBase[]): CompileResult {
  const entities: CompiledMatcher['entities'] = [];
  const entityIndex = new Map<string, number>();
  const forms = new Map<string, FormRule>();
  const contextGroups = new Map<string, number>();
  const groupList: ContextGroup[] = [];
  const neighbours = new Set<string>();
  const conflicts: string[] = [];
  const owner = new Map<string, string>();

  const ruleFor = (key: string): FormRule => {
    let rule = forms.get(key);
    if (!rule) forms.set(key, (rule = {}));
    return rule;
  };

  /** The group of these context words and, with `pack`, that pack's co-occurrence. */
  const contextGroup = (words: string[], pack: number | undefined): number => {
    const id = JSON.stringify([[...new Set(words.map(normalizePhrase))].sort(), pack ?? null]);
    let group = contextGroups.get(id);
    if (group === undefined) {
      group = contextGroups.size;
      contextGroups.set(id, group);
      groupList.push(pack === undefined ? {} : { packs: [pack] });
      for (const word of words) {
        for (const spelling of spellings(word, false)) {
          const rule = ruleFor(normalizePhrase(spelling));
          rule.contextOf = [...(rule.contextOf ?? []), group];
        }
      }
    }
    return group;
  };

  const addAlias = (alias: Alias, entity: number, pack: number, where: string) => {
    const wanted: FormRule = { entity };
    if (alias.secondReference) wanted.secondReference = true;
    if (alias.standalone) wanted.standalone = true;
    if (alias.notInCapitalsRun) wanted.notInCapitalsRun = true;
    if (alias.requiresPageContext?.length || alias.contextFromPack) {
      wanted.needsContext = contextGroup(alias.requiresPageContext ?? [], alias.contextFromPack ? pack : undefined);
    }
    for (const spelling of spellings(alias.form, alias.exactCase)) {
      const key = normalizePhrase(spelling);
      const rule = ruleFor(key);
      if (rule.entity !== undefined) {
        if (!sameRule(rule, wanted)) {
          conflicts.push(
            `alias "${spelling}" of ${where} clashes with the rule kept from ${owner.get(key)}; the first is kept`,
          );
        }
        continue;
      }
      Object.assign(rule, wanted);
      owner.set(key, where);
    }
  };

  packs.forEach((pack, packIndex) => {
    for (const word of pack.matching.allowedNeighbours) neighbours.add(word);
    for (const entity of pack.entities) {
      let index = entityIndex.get(entity.id);
      if (index === undefined) {
        index = entities.length;
        entityIndex.set(entity.id, index);
        entities.push({ id: entity.id, type: entity.type, packs: [packIndex] });
      } else if (!entities[index]!.packs.includes(packIndex)) entities[index]!.packs.push(packIndex);
      if (entities[index]!.type !== entity.type) {
        conflicts.push(
          `entity "${entity.id}" is a ${entity.type} in pack "${pack.source.id}" but a ${entities[index]!.type} in an earlier pack; the first is kept`,
        );
      }
      const where = `entity "${entity.id}" (pack "${pack.source.id}")`;
      for (const alias of entity.aliases) addAlias(alias, index, packIndex, where);
      for (const phrase of entity.neverMatch ?? []) {
        for (const spelling of spellings(phrase, false)) ruleFor(normalizePhrase(spelling)).never = true;
      }
    }
  });

  const keys = [...forms.keys()].sort();
  return {
    compiled: {
      version: COMPILED_MATCHER_VERSION,
      entities,
      trie: buildTrie(keys),
      forms: Object.fromEntries(keys.map((k) => [k, forms.get(k)!])),
      allowedNeighbours: [...neighbours].sort(),
      contextGroups: groupList,
    },
    conflicts,
  };
}
