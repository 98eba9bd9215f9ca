/**
 * Run-time validator of knowledge-base packs (schema versions 1 and 2, see types.ts and
 * docs/knowledge-base.md). Used at build time on data/*.json and, later, on packs a user imports,
 * so it is pure: no Node API, no DOM, no browser API.
 *
 * Every error names the file, the entity (by id, or by index when it has no usable id), the field
 * path and what is wrong:
 *   data/bali-talks.json: entity "wang-yi": facts[2].paragraphs[0]: paragraph 19 does not exist (the source has 17)
 */
import { ENTITY_TYPES, KB_SCHEMA_VERSION, PACK_ORIGINS, SUPPORTED_SCHEMA_VERSIONS, type KnowledgeBase } from './types';

export interface ValidationResult {
  /** The pack, upgraded to the current schema version; present only when there are no errors. */
  kb?: KnowledgeBase;
  errors: string[];
}

type Obj = Record<string, unknown>;

const SUPPORTED_VERSIONS: readonly number[] = SUPPORTED_SCHEMA_VERSIONS;
/** A date ("2022-07-09") or a date and time in ISO 8601 ("2022-07-09T10:31:00Z", "…+01:00"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A BCP 47 language tag, loosely: "en", "en-GB", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** Straight and curly quote marks read alike, and runs of white space as one space. */
const plainText = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The fields each object may have; anything else is a typo or a field from another version. */
const FIELDS = {
  root: ['schemaVersion', 'source', 'matching', 'entities'],
  source: ['id', 'outlet', 'headline', 'standfirst', 'summary', 'paragraphCount', 'url', 'published', 'byline', 'language', 'added', 'origin', 'paragraphs'],
  matching: ['allowedNeighbours'],
  entity: ['id', 'name', 'type', 'description', 'role', 'facts', 'quotes', 'related', 'aliases', 'neverMatch', 'mentions'],
  fact: ['text', 'paragraphs'],
  quote: ['text', 'speaker', 'paragraph'],
  relation: ['id', 'how'],
  alias: ['form', 'exactCase', 'secondReference', 'standalone', 'notInCapitalsRun', 'requiresPageContext', 'contextFromPack'],
} as const;

/** Quotes are the only verbatim text in a pack, and stay short. */
export const MAX_QUOTE_WORDS = 25;

const ALIAS_FLAGS = ['exactCase', 'secondReference', 'standalone', 'notInCapitalsRun', 'contextFromPack'] as const;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'u.s.', 'u.k.', 'u.n.', 'e.g.', 'i.e.', 'etc.', 'vs.', 'no.']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** "a country", "an organisation"; anything that is not a word is described as it is. */
function withArticle(v: unknown): string {
  return typeof v === 'string' && /^[a-z]+$/.test(v) ? `${/^[aeiou]/.test(v) ? 'an' : 'a'} ${v}` : describe(v);
}

/**
 * Counts sentences: a sentence ends at ".", "!" or "?" (possibly followed by closing quotes or
 * brackets) at the end of the text or before a word that starts with a capital, a digit or an
 * opening quote. Known abbreviations ("Mr.", "U.S.") do not end a sentence.
 */
export function countSentences(text: string): number {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  let count = 0;
  words.forEach((word, i) => {
    const bare = word.replace(/["'’”)\]]+$/u, '');
    if (!/[.!?]$/.test(bare) || ABBREVIATIONS.has(bare.toLowerCase())) return;
    const next = words[i + 1];
    if (next === undefined || /^["'‘“([]?[\p{Lu}\d]/u.test(next)) count += 1;
  });
  const last = words[words.length - 1];
  if (last !== undefined && !/[.!?]["'’”)\]]*$/u.test(last)) count += 1;
  return count;
}

/** Levenshtein distance, for "did you mean" hints on unknown fields. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The texts an alias form can match: as written and, unless exactCase, in capitals (’ read as '). */
function aliasVariants(form: string, exactCase: boolean): string[] {
  const f = form.replace(/’/g, "'");
  return exactCase || f.toUpperCase() === f ? [f] : [f, f.toUpperCase()];
}

/** Whether `phrase` contains `words` with no letter or digit touching it, as the matcher reads it. */
function containsWords(phrase: string, words: string): boolean {
  for (let i = phrase.indexOf(words); i !== -1; i = phrase.indexOf(words, i + 1)) {
    const before = phrase.slice(0, i);
    const after = phrase.slice(i + words.length);
    if (!/[\p{L}\p{N}\p{M}]$/u.test(before) && !/^[\p{L}\p{N}\p{M}]/u.test(after)) return true;
  }
  return false;
}

interface AliasOwner {
  entity: string;
  form: string;
}

export function validateKnowledgeBase(value: unknown, file: string): ValidationResult {
  const errors: string[] = [];
  /** Reports one problem: `file: scope: path: message`, leaving out empty parts. */
  const report = (scope: string, path: string, message: string): void => {
    errors.push([file, scope, path, message].filter((p) => p !== '').join(': '));
  };

  const checkKeys = (scope: string, path: string, obj: Obj, allowed: readonly string[]): void => {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = allowed.find((a) => distance(a.toLowerCase(), key.toLowerCase()) <= 2);
      const hint = near !== undefined ? `did you mean "${near}"?` : `expected one of: ${allowed.join(', ')}`;
      report(scope, path, `unknown field "${key}" (${hint})`);
    }
  };

  /** A required non-empty string; returns it when valid. */
  const requireString = (scope: string, path: string, v: unknown): string | undefined => {
    if (v === undefined) report(scope, path, 'missing (a non-empty string)');
    else if (typeof v !== 'string') report(scope, path, `must be a string, not ${describe(v)}`);
    else if (v.trim() === '') report(scope, path, 'must not be empty');
    else return v;
    return undefined;
  };

  const requireArray = (scope: string, path: string, v: unknown): unknown[] | undefined => {
    if (v === undefined) report(scope, path, 'missing (a list)');
    else if (!Array.isArray(v)) report(scope, path, `must be a list, not ${describe(v)}`);
    else return v;
    return undefined;
  };

  const requireObject = (scope: string, path: string, v: unknown): Obj | undefined => {
    if (v === undefined) report(scope, path, 'missing (an object)');
    else if (!isObj(v)) report(scope, path, `must be an object, not ${describe(v)}`);
    else return v;
    return undefined;
  };

  const checkSentences = (scope: string, path: string, text: string | undefined, min: number, max: number): void => {
    if (text === undefined) return;
    const n = countSentences(text);
    if (n < min || n > max) {
      const want = min === max ? `${min === 1 ? 'one sentence' : `${min} sentences`}` : `${min} to ${max} sentences`;
      report(scope, path, `must be ${want} (found ${n})`);
    }
  };

  if (!isObj(value)) {
    report('', '', `must be a JSON object with schemaVersion, source, matching and entities, not ${describe(value)}`);
    return { errors };
  }
  checkKeys('', '', value, FIELDS.root);

  // schemaVersion
  const supported = `supported: ${SUPPORTED_VERSIONS.join(', ')}`;
  if (value.schemaVersion === undefined) report('', 'schemaVersion', `missing (${supported})`);
  else if (!SUPPORTED_VERSIONS.includes(value.schemaVersion as number))
    report('', 'schemaVersion', `version ${describe(value.schemaVersion)} is not supported (${supported})`);

  // source
  let paragraphCount: number | undefined;
  /** The article's paragraph texts, when the pack carries them (straight quotes, single spaces). */
  let paragraphTexts: string[] | undefined;
  const source = requireObject('', 'source', value.source);
  // Reading packs hold the article's own sentences, so the rules for authors' prose do not apply.
  const reading = source?.origin === 'reading';
  if (source) {
    checkKeys('', 'source', source, FIELDS.source);
    const id = requireString('', 'source.id', source.id);
    if (id !== undefined && !KEBAB_CASE.test(id)) report('', 'source.id', `"${id}" must be kebab-case (like "bali-talks")`);
    for (const key of ['outlet', 'headline'] as const) requireString('', `source.${key}`, source[key]);
    // A page may have no standfirst; a reading pack then keeps ¶ 2 empty so numbering stays the same.
    if (reading && source.standfirst === '') {
      // allowed
    } else requireString('', 'source.standfirst', source.standfirst);
    const summary = requireString('', 'source.summary', source.summary);
    if (!reading) checkSentences('', 'source.summary', summary, 3, 5);
    const pc = source.paragraphCount;
    if (pc === undefined) report('', 'source.paragraphCount', 'missing (a whole number of paragraphs)');
    else if (typeof pc !== 'number' || !Number.isInteger(pc) || pc < 1)
      report('', 'source.paragraphCount', `must be a whole number of at least 1, not ${describe(pc)}`);
    else paragraphCount = pc;
    if (source.url !== undefined) {
      const url = requireString('', 'source.url', source.url);
      let ok = false;
      try {
        ok = url !== undefined && ['http:', 'https:'].includes(new URL(url).protocol);
      } catch {
        ok = false;
      }
      if (url !== undefined && !ok) report('', 'source.url', `${describe(url)} is not an http or https address`);
    }
    for (const key of ['published', 'added'] as const) {
      if (source[key] === undefined) continue;
      const date = requireString('', `source.${key}`, source[key]);
      if (date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))))
        report('', `source.${key}`, `${describe(date)} is not a date like "2022-07-09" or "2022-07-09T10:31:00Z"`);
    }
    if (source.byline !== undefined) requireString('', 'source.byline', source.byline);
    if (source.language !== undefined) {
      const tag = requireString('', 'source.language', source.language);
      if (tag !== undefined && !LANGUAGE_TAG.test(tag)) report('', 'source.language', `${describe(tag)} is not a language tag like "en" or "en-GB"`);
    }
    if (source.origin !== undefined && !(PACK_ORIGINS as readonly unknown[]).includes(source.origin))
      report('', 'source.origin', `${describe(source.origin)} is not an origin (one of: ${PACK_ORIGINS.join(', ')})`);
    if (source.paragraphs !== undefined) {
      const list = requireArray('', 'source.paragraphs', source.paragraphs);
      if (list) {
        const bad = list.findIndex((p) => typeof p !== 'string');
        if (bad !== -1) report('', `source.paragraphs[${bad}]`, `must be a string, not ${describe(list[bad])}`);
        else if (paragraphCount !== undefined && list.length !== paragraphCount)
          report('', 'source.paragraphs', `has ${list.length} paragraphs but paragraphCount is ${paragraphCount}`);
        else paragraphTexts = (list as string[]).map(plainText);
      }
    } else if (reading) report('', 'source.paragraphs', 'missing (a reading pack keeps the text of every paragraph it cites)');
  }

  const checkParagraph = (scope: string, path: string, p: unknown): void => {
    if (typeof p !== 'number' || !Number.isInteger(p)) report(scope, path, `must be a whole paragraph number, not ${describe(p)}`);
    else if (p < 1) report(scope, path, `paragraph ${p} does not exist (paragraphs are numbered from 1)`);
    else if (paragraphCount !== undefined && p > paragraphCount)
      report(scope, path, `paragraph ${p} does not exist (the source has ${paragraphCount})`);
  };

  // matching
  const matching = requireObject('', 'matching', value.matching);
  if (matching) {
    checkKeys('', 'matching', matching, FIELDS.matching);
    const words = requireArray('', 'matching.allowedNeighbours', matching.allowedNeighbours);
    const seen = new Set<string>();
    words?.forEach((w, i) => {
      const path = `matching.allowedNeighbours[${i}]`;
      const word = requireString('', path, w);
      if (word === undefined) return;
      if (!/^\p{Lu}\S*$/u.test(word)) report('', path, `"${word}" must be one capitalised word`);
      else if (seen.has(word)) report('', path, `"${word}" is listed twice`);
      seen.add(word);
    });
  }

  // entities: first pass collects ids and types, so that references can be checked in any order.
  const entities = requireArray('', 'entities', value.entities);
  if (entities === undefined) return { errors };
  if (entities.length === 0) report('', 'entities', 'must list at least one entity');
  const types = new Map<string, unknown>();
  const scopes: string[] = entities.map((e, i) => {
    const id = isObj(e) ? e.id : undefined;
    return typeof id === 'string' && id.trim() !== '' ? `entity "${id}"` : `entities[${i}]`;
  });
  entities.forEach((e, i) => {
    if (!isObj(e)) return;
    const scope = scopes[i] ?? '';
    const id = requireString(scope, 'id', e.id);
    if (id === undefined) return;
    if (!KEBAB_CASE.test(id)) report(scope, 'id', `"${id}" must be kebab-case (lower-case words joined by "-", like "wang-yi")`);
    if (types.has(id)) report(scope, 'id', `"${id}" is used by another entity too (entities[${entities.findIndex((o) => isObj(o) && o.id === id)}])`);
    else types.set(id, e.type);
  });

  const aliasOwners = new Map<string, AliasOwner>();
  const contextPhrases: { scope: string; path: string; phrase: string }[] = [];
  entities.forEach((e, i) => {
    const scope = scopes[i] ?? '';
    if (!isObj(e)) {
      report(scope, '', `must be an object, not ${describe(e)}`);
      return;
    }
    checkKeys(scope, '', e, FIELDS.entity);
    const selfId = typeof e.id === 'string' ? e.id : undefined;
    requireString(scope, 'name', e.name);
    if (e.type === undefined) report(scope, 'type', `missing (one of: ${ENTITY_TYPES.join(', ')})`);
    else if (!(ENTITY_TYPES as readonly unknown[]).includes(e.type))
      report(scope, 'type', `${describe(e.type)} is not a type (one of: ${ENTITY_TYPES.join(', ')})`);
    const description = requireString(scope, 'description', e.description);
    if (description !== undefined && /[\r\n]/.test(description)) report(scope, 'description', 'must be one line');
    const role = requireString(scope, 'role', e.role);
    if (!reading) checkSentences(scope, 'role', role, 2, 4);

    requireArray(scope, 'facts', e.facts)?.forEach((f, j) => {
      const path = `facts[${j}]`;
      const fact = requireObject(scope, path, f);
      if (!fact) return;
      checkKeys(scope, path, fact, FIELDS.fact);
      const text = requireString(scope, `${path}.text`, fact.text);
      if (!reading) checkSentences(scope, `${path}.text`, text, 1, 1);
      const paragraphs = requireArray(scope, `${path}.paragraphs`, fact.paragraphs);
      if (paragraphs?.length === 0) report(scope, `${path}.paragraphs`, 'must cite at least one paragraph');
      paragraphs?.forEach((p, k) => checkParagraph(scope, `${path}.paragraphs[${k}]`, p));
      // A reading pack's fact is the article's own sentence: it must stand in the paragraph it cites.
      const first = paragraphs?.[0];
      if (reading && text !== undefined && paragraphTexts && typeof first === 'number' && paragraphTexts[first - 1] !== undefined) {
        if (!paragraphTexts[first - 1]!.includes(plainText(text))) report(scope, `${path}.text`, `not found verbatim in paragraph ${first}`);
      }
    });

    if (e.mentions !== undefined) {
      requireArray(scope, 'mentions', e.mentions)?.forEach((p, k) => checkParagraph(scope, `mentions[${k}]`, p));
    }

    requireArray(scope, 'quotes', e.quotes)?.forEach((q, j) => {
      const path = `quotes[${j}]`;
      const quote = requireObject(scope, path, q);
      if (!quote) return;
      checkKeys(scope, path, quote, FIELDS.quote);
      const text = requireString(scope, `${path}.text`, quote.text);
      const words = text?.trim().split(/\s+/).length ?? 0;
      if (words > MAX_QUOTE_WORDS) report(scope, `${path}.text`, `must be a short quote of at most ${MAX_QUOTE_WORDS} words (found ${words})`);
      const speaker = requireString(scope, `${path}.speaker`, quote.speaker);
      if (speaker !== undefined) {
        if (!types.has(speaker)) report(scope, `${path}.speaker`, `no entity has the id "${speaker}"`);
        else if (types.get(speaker) !== 'person')
          report(scope, `${path}.speaker`, `"${speaker}" is ${withArticle(types.get(speaker))}, not a person`);
      }
      if (quote.paragraph === undefined) report(scope, `${path}.paragraph`, 'missing (the paragraph number of the quote)');
      else checkParagraph(scope, `${path}.paragraph`, quote.paragraph);
      const cited = typeof quote.paragraph === 'number' ? paragraphTexts?.[quote.paragraph - 1] : undefined;
      if (text !== undefined && cited !== undefined && !cited.includes(plainText(text)))
        report(scope, `${path}.text`, `not found verbatim in paragraph ${String(quote.paragraph)}`);
    });

    const relatedSeen = new Set<string>();
    requireArray(scope, 'related', e.related)?.forEach((r, j) => {
      const path = `related[${j}]`;
      const rel = requireObject(scope, path, r);
      if (!rel) return;
      checkKeys(scope, path, rel, FIELDS.relation);
      const id = requireString(scope, `${path}.id`, rel.id);
      if (id !== undefined) {
        if (id === selfId) report(scope, `${path}.id`, 'an entity cannot be related to itself');
        else if (!types.has(id)) report(scope, `${path}.id`, `no entity has the id "${id}"`);
        else if (relatedSeen.has(id)) report(scope, `${path}.id`, `"${id}" is listed twice`);
        relatedSeen.add(id);
      }
      requireString(scope, `${path}.how`, rel.how);
    });

    // aliases: each form's variants must belong to no other alias, of this entity or another.
    const ownVariants: string[] = [];
    const ownForms = new Set<string>();
    requireArray(scope, 'aliases', e.aliases)?.forEach((a, j) => {
      const path = `aliases[${j}]`;
      const alias = requireObject(scope, path, a);
      if (!alias) return;
      checkKeys(scope, path, alias, FIELDS.alias);
      for (const flag of ALIAS_FLAGS) {
        const v = alias[flag];
        if (v !== undefined && typeof v !== 'boolean') report(scope, `${path}.${flag}`, `must be true or false, not ${describe(v)}`);
      }
      const context = alias.requiresPageContext;
      if (context !== undefined) {
        const list = requireArray(scope, `${path}.requiresPageContext`, context);
        if (list?.length === 0) report(scope, `${path}.requiresPageContext`, 'must list at least one word or phrase (or be left out)');
        list?.forEach((c, k) => {
          const phrase = requireString(scope, `${path}.requiresPageContext[${k}]`, c);
          if (phrase !== undefined) contextPhrases.push({ scope, path: `${path}.requiresPageContext[${k}]`, phrase });
        });
      }
      const form = requireString(scope, `${path}.form`, alias.form);
      if (form === undefined) return;
      if (form.trim() !== form) {
        report(scope, `${path}.form`, `"${form}" must not start or end with spaces`);
        return;
      }
      const owner = selfId ?? scope;
      const variants = aliasVariants(form, alias.exactCase === true);
      // Within one entity only a repeated form is wrong ("Taiwan strait" and "Taiwan Strait" may
      // both match "TAIWAN STRAIT"); across entities any shared variant is a clash.
      if (ownForms.has(form.replace(/’/g, "'"))) report(scope, `${path}.form`, `"${form}" is listed twice`);
      else {
        const clash = variants.map((v) => [v, aliasOwners.get(v)] as const).find(([, o]) => o !== undefined && o.entity !== owner);
        if (clash?.[1] !== undefined) {
          const [variant, other] = clash;
          report(
            scope,
            `${path}.form`,
            other.form === form
              ? `"${form}" is already an alias of entity "${other.entity}"`
              : `"${form}" clashes with the alias "${other.form}" of entity "${other.entity}" (both match "${variant}")`,
          );
        }
      }
      ownForms.add(form.replace(/’/g, "'"));
      for (const variant of variants) {
        if (!aliasOwners.has(variant)) aliasOwners.set(variant, { entity: owner, form });
        ownVariants.push(variant);
      }
    });

    if (e.neverMatch !== undefined) {
      requireArray(scope, 'neverMatch', e.neverMatch)?.forEach((n, j) => {
        const phrase = requireString(scope, `neverMatch[${j}]`, n);
        if (phrase === undefined) return;
        const p = phrase.replace(/’/g, "'");
        if (!ownVariants.some((v) => containsWords(p, v)))
          report(scope, `neverMatch[${j}]`, `"${phrase}" contains none of this entity's aliases, so it can never apply`);
      });
    }
  });

  // Context words are found like forms, longest first: one that contains an alias without being
  // it would swallow that alias's mentions ("US-China" as a context word hides "US" and "China").
  // A context word that is itself an alias ("Wang Yi") is matched as that alias, which is fine.
  for (const { scope, path, phrase } of contextPhrases) {
    const spellings = aliasVariants(phrase, false);
    if (spellings.some((s) => aliasOwners.has(s))) continue;
    for (const [variant, owner] of aliasOwners) {
      if (!spellings.some((s) => containsWords(s, variant))) continue;
      report(scope, path, `"${phrase}" contains the alias "${owner.form}" of entity "${owner.entity}" and would hide its mentions`);
      break;
    }
  }

  // Version 1 is version 2 without the new optional fields: upgrading is a new version number.
  return errors.length === 0 ? { kb: { ...(value as unknown as KnowledgeBase), schemaVersion: KB_SCHEMA_VERSION }, errors } : { errors };
}
