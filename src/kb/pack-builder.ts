/**
 * Builds a context pack from an article (plain text, one paragraph per line) and the reader's
 * list of entities: finds, with the extension's own matcher and page rules, every paragraph that
 * mentions each entity and attaches them as its `mentions`; reports entities the article never
 * mentions and aliases that never match. Pure: no file system, no DOM; `npm run pack` wraps it.
 */
import { compileMatcher, spellings } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { PageMentions } from '../match/page-mentions';
import { normalizePhrase } from '../match/form-table';
import { ENTITY_TYPES, KB_SCHEMA_VERSION, type Alias, type EntityType, type KnowledgeBase } from './types';
import { validateKnowledgeBase } from './validate';

export interface PackReport {
  /** Entity ids the article never mentions. */
  unmentioned: string[];
  /** "entity-id: alias" for aliases that never match in the article. */
  unusedAliases: string[];
}

export type PackResult = { ok: true; pack: KnowledgeBase; report: PackReport } | { ok: false; errors: string[] };

const allTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>;

/** The article's paragraphs: one per line, blank lines dropped, line endings of any kind. */
export function articleParagraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

export function buildPack(articleText: string, input: unknown, inputName = 'entities'): PackResult {
  const paragraphs = articleParagraphs(articleText);
  if (paragraphs.length < 3) {
    return { ok: false, errors: [`article: needs a headline, a standfirst and at least one paragraph, one per line (found ${paragraphs.length} lines)`] };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [`${inputName}: must be an object with "source" and "entities"`] };
  }
  const raw = input as { source?: Record<string, unknown>; matching?: unknown; entities?: unknown };
  const entities = Array.isArray(raw.entities) ? (raw.entities as Record<string, unknown>[]) : raw.entities;
  // Assemble the pack, then let the one validator judge every field (and name the place of any error).
  const candidate = {
    schemaVersion: KB_SCHEMA_VERSION,
    source: {
      ...(raw.source ?? {}),
      headline: paragraphs[0],
      standfirst: paragraphs[1],
      paragraphCount: paragraphs.length,
    },
    matching: raw.matching ?? { allowedNeighbours: [] },
    entities: Array.isArray(entities)
      ? entities.map((e) => (typeof e === 'object' && e !== null ? { facts: [], quotes: [], related: [], ...e } : e))
      : entities,
  };
  const checked = validateKnowledgeBase(candidate, inputName);
  if (!checked.kb) return { ok: false, errors: checked.errors };
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  const kb = checked.kb;
  // Quotes are the only verbatim text: each must stand in the paragraph it cites.
  const plain = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const quoteErrors = kb.entities.flatMap((e) =>
    e.quotes.flatMap((q, j) =>
      plain(paragraphs[q.paragraph - 1] ?? '').includes(plain(q.text))
        ? []
        : [`${inputName}: entity "${e.id}": quotes[${j}].text: not found verbatim in paragraph ${q.paragraph} of the article`],
    ),
  );
  if (quoteErrors.length > 0) return { ok: false, errors: quoteErrors };

  const { compiled } = compileMatcher([kb]);
  const matcher = matcherFromCompiled(compiled);
  const page = new PageMentions<number>(matcher, { firstMentionOnly: false, types: allTypes });
  const placed = page.add(paragraphs.map((text, i) => ({ node: i + 1, result: matcher.scan(text) })));

  const mentions = new Map<string, Set<number>>();
  const usedForms = new Set<string>();
  for (const { node, mention } of placed) {
    const id = matcher.entityId(mention.entity);
    if (!mentions.has(id)) mentions.set(id, new Set());
    mentions.get(id)!.add(node);
    usedForms.add(`${id}\u0000${normalizePhrase(paragraphs[node - 1]!.slice(mention.start, mention.end))}`);
  }
  const aliasUsed = (id: string, a: Alias) => spellings(a.form, a.exactCase).some((s) => usedForms.has(`${id}\u0000${normalizePhrase(s)}`));

  const pack: KnowledgeBase = {
    ...kb,
    entities: kb.entities.map((e) => {
      const found = [...(mentions.get(e.id) ?? [])].sort((a, b) => a - b);
      return found.length > 0 ? { ...e, mentions: found } : { ...e };
    }),
  };
  return {
    ok: true,
    pack,
    report: {
      unmentioned: kb.entities.filter((e) => e.aliases.length > 0 && !mentions.has(e.id)).map((e) => e.id),
      unusedAliases: kb.entities.flatMap((e) => e.aliases.filter((a) => !aliasUsed(e.id, a)).map((a) => `${e.id}: ${a.form}`)),
    },
  };
}
