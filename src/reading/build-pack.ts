/**
 * From a reviewed draft to a reading pack: applies the reviewer's edits (unticked names left out,
 * renames, new types, merges), recomputes each entity's alias rules, mentions, facts and related
 * names with the extension's own matcher, and checks the result with the one validator
 * (`validateKnowledgeBase`: schema 2, origin "reading", every fact and quote verbatim in the
 * paragraph it cites). Returns the reasons, for the reader, when the edits cannot make a pack.
 *
 * Pure: no DOM, no browser API.
 */
import type { Alias, Entity, KnowledgeBase, Quote } from '../kb/types';
import { KB_SCHEMA_VERSION } from '../kb/types';
import { validateKnowledgeBase } from '../kb/validate';
import { compileMatcher, spellings } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { PageMentions } from '../match/page-mentions';
import { aliasRules } from './alias-rules';
import { factsFor, relatedNames, roleSentence, type Located } from './describe';
import { matchingFor } from './draft';
import { kebabId } from './ids';
import { articleSentences, type ArticleSentence } from './names';
import { CANDIDATE_TYPES, type Candidate, type CandidateType, type Draft, type ReviewEdits } from './types';

const ALL_TYPES = { person: true, country: true, place: true, organisation: true, topic: true };
/** The plain description a candidate gets when the article gives none (describe.ts). */
const PLAIN_DESCRIPTION = /^(?:Person|Country|Place|Organisation) named in this article\.$/;
const plainDescription = (type: CandidateType) => `${type === 'organisation' ? 'Organisation' : type[0]!.toUpperCase() + type.slice(1)} named in this article.`;

interface Working {
  key: string;
  name: string;
  type: CandidateType;
  description: string;
  role: string;
  forms: Set<string>;
  quotes: Quote[];
  /** Rules from the draft by form: kept for forms of a linked name (so packs agree). */
  rules: Map<string, Alias>;
  knownFrom?: string;
  renamed: boolean;
  retyped: boolean;
}

export type BuildResult = { ok: true; pack: KnowledgeBase } | { ok: false; errors: string[] };

export function buildReadingPack(draft: Draft, edits: ReviewEdits, addedAt: Date): BuildResult {
  const errors: string[] = [];
  const byKey = new Map<string, Working>();
  for (const c of draft.candidates) byKey.set(c.key, toWorking(c));

  // Merges first (a chain A → B → C ends in C), so renames and types apply to what is kept.
  const target = new Map<string, string>();
  const resolve = (key: string): string => {
    const seen = new Set<string>();
    let k = key;
    while (target.has(k) && !seen.has(k)) {
      seen.add(k);
      k = target.get(k)!;
    }
    return k;
  };
  for (const { from, into } of edits.merges ?? []) {
    if (!byKey.has(from) || !byKey.has(into)) {
      errors.push(`Cannot merge "${from}" into "${into}": ${byKey.has(from) ? `"${into}"` : `"${from}"`} is not a name of this draft.`);
      continue;
    }
    const a = resolve(from);
    const b = resolve(into);
    if (a === b) continue;
    target.set(a, b);
    const src = byKey.get(a)!;
    const dst = byKey.get(b)!;
    for (const f of src.forms) dst.forms.add(f);
    dst.forms.add(src.name);
    for (const [f, r] of src.rules) if (!dst.rules.has(f)) dst.rules.set(f, r);
    dst.quotes.push(...src.quotes);
    if (PLAIN_DESCRIPTION.test(dst.description) && !PLAIN_DESCRIPTION.test(src.description)) {
      dst.description = src.description;
      dst.role = src.role;
    }
  }
  const excluded = new Set((edits.excluded ?? []).map(resolve));
  for (const [key, name] of Object.entries(edits.names ?? {})) {
    const w = byKey.get(resolve(key));
    if (!w) errors.push(`Cannot rename "${key}": it is not a name of this draft.`);
    else if (name.trim() === '') errors.push(`The new name of "${w.name}" is empty.`);
    else if (name.trim() !== w.name) {
      w.forms.add(name.trim());
      w.name = name.trim();
      w.renamed = true;
    }
  }
  for (const [key, type] of Object.entries(edits.types ?? {})) {
    const w = byKey.get(resolve(key));
    if (!w) errors.push(`Cannot change the type of "${key}": it is not a name of this draft.`);
    else if (!(CANDIDATE_TYPES as readonly string[]).includes(type)) errors.push(`"${type}" is not a type (one of: ${CANDIDATE_TYPES.join(', ')}).`);
    else if (type !== w.type) {
      w.type = type;
      w.retyped = true;
      if (PLAIN_DESCRIPTION.test(w.description)) w.description = plainDescription(type);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const kept = [...byKey.values()].filter((w) => !target.has(w.key) && !excluded.has(w.key));
  if (kept.length === 0) return { ok: false, errors: ['Nothing to save: every name is unticked.'] };

  // Ids: a linked name keeps its pack's id; any other from its (new) name.
  const ids = new Map<string, string>();
  const owner = new Map<string, Working>();
  for (const w of kept) {
    const id = w.knownFrom && !w.renamed ? w.key : kebabId(w.name);
    if (id === '') {
      errors.push(`"${w.name}" has no letters or digits to make an id from: rename it.`);
      continue;
    }
    const other = owner.get(id);
    if (other) errors.push(`"${other.name}" and "${w.name}" would both be saved as "${id}": merge them or rename one.`);
    owner.set(id, w);
    ids.set(w.key, id);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Alias rules; no spelling may belong to two entities (the earlier, more named, keeps it).
  const taken = new Set<string>();
  const entities: Entity[] = kept.map((w) => {
    const { aliases, neverMatch } = aliasRules({ name: w.name, type: w.type, forms: w.forms });
    const reuse = w.knownFrom !== undefined || !w.retyped;
    const rules = aliases
      .map((a) => (reuse ? (w.rules.get(a.form) ?? a) : a))
      .filter((a) => {
        const variants = spellings(a.form, a.exactCase);
        if (variants.some((v) => taken.has(v))) return false;
        for (const v of variants) taken.add(v);
        return true;
      });
    const forms = rules.map((a) => a.form);
    const entity: Entity = {
      id: ids.get(w.key)!,
      name: w.name,
      type: w.type,
      description: w.description,
      role: w.role,
      facts: [],
      quotes: [],
      related: [],
      aliases: rules,
    };
    const never = neverMatch.filter((n) => forms.some((f) => n.includes(f)));
    if (never.length > 0) entity.neverMatch = never;
    return entity;
  });

  const { paragraphs, meta } = draft.article;
  const countryNames = entities.filter((e) => e.type === 'country').map((e) => e.name);
  const standfirst = paragraphs[1] ?? '';
  const pack: KnowledgeBase = {
    schemaVersion: KB_SCHEMA_VERSION,
    source: {
      id: draft.packId,
      outlet: meta.outlet,
      headline: meta.headline,
      standfirst,
      summary: standfirst || paragraphs[2] || meta.headline,
      paragraphCount: paragraphs.length,
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      ...(meta.byline ? { byline: meta.byline } : {}),
      ...(meta.language ? { language: meta.language } : {}),
      added: addedAt.toISOString(),
      origin: 'reading',
      paragraphs,
    },
    matching: matchingFor(paragraphs, countryNames),
    entities,
  };

  // Where each entity is now found, with the final rules: mentions, facts and related names.
  const sentences = articleSentences(paragraphs);
  const byParagraph = new Map<number, ArticleSentence[]>();
  for (const s of sentences) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s]);
  const { compiled } = compileMatcher([pack]);
  const matcher = matcherFromCompiled(compiled);
  const page = new PageMentions<number>(matcher, { firstMentionOnly: false, types: ALL_TYPES });
  const located = new Map<string, Located[]>();
  for (const { node, mention } of page.add(paragraphs.map((text, i) => ({ node: i + 1, result: matcher.scan(text) })))) {
    const sentence = [...(byParagraph.get(node) ?? [])].reverse().find((s) => s.start <= mention.start);
    if (!sentence) continue;
    const id = matcher.entityId(mention.entity);
    located.set(id, [...(located.get(id) ?? []), { sentence, start: mention.start - sentence.start, end: mention.end - sentence.start }]);
  }
  const keyToId = (key: string) => ids.get(resolve(key));
  const persons = new Set(entities.filter((e) => e.type === 'person').map((e) => e.id));
  kept.forEach((w, i) => {
    const e = entities[i]!;
    const where = located.get(e.id) ?? [];
    const role = where.find((l) => l.sentence.text === w.role)?.sentence ?? roleSentence(e.name, where);
    if (role) e.role = role.text;
    e.facts = factsFor(where, role);
    const seen = new Set<string>();
    e.quotes = w.quotes
      .map((q) => ({ ...q, speaker: keyToId(q.speaker) ?? '' }))
      .filter((q) => q.speaker === e.id && persons.has(q.speaker) && !seen.has(q.text) && seen.add(q.text));
    e.related = relatedNames(e.id, located).map((r) => ({ id: r.key, how: r.how }));
    const mentions = [...new Set(where.map((l) => l.sentence.paragraph))].sort((a, b) => a - b);
    if (mentions.length > 0) e.mentions = mentions;
  });

  const checked = validateKnowledgeBase(pack, `pack "${draft.packId}"`);
  if (!checked.kb) return { ok: false, errors: checked.errors };
  return { ok: true, pack: checked.kb };
}

function toWorking(c: Candidate): Working {
  const w: Working = {
    key: c.key,
    name: c.name,
    type: c.type,
    description: c.description,
    role: c.role,
    forms: new Set(c.forms),
    quotes: c.quotes.map((q) => ({ ...q })),
    rules: new Map(c.aliases.map((a) => [a.form, a])),
    renamed: false,
    retyped: false,
  };
  if (c.knownFrom) w.knownFrom = c.knownFrom;
  return w;
}
