/**
 * From an extracted article to the draft the reader reviews: the names (names.ts), merged into
 * entities (merge.ts), each with alias rules (alias-rules.ts), counted with the extension's own
 * matcher under those rules (so the count is what highlighting will find), and described in the
 * article's words (describe.ts). Weak candidates (named once; one word seen only at sentence
 * starts) start unticked.
 *
 * Pure: no DOM, no browser API.
 */
import type { Entity, KnowledgeBase } from '../kb/types';
import { compileMatcher } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { PageMentions } from '../match/page-mentions';
import { aliasRules, allowedNeighbours } from './alias-rules';
import { isKnownOrganisation, isKnownPlace, isLastName, useCompromise, useWordList } from './lexicon';
import { capitalOf, countryByForm, useCountries, isNationality } from './countries';
import { appositive, describe, factsFor, quotesBySpeaker, relatedNames, roleSentence, typeOfDescription, type Located, type PersonMention } from './describe';
import { kebabId, readingPackId } from './ids';
import { mergeNames, type NameCluster } from './merge';
import { findNames, type ArticleSentence, type FoundNames } from './names';
import { ALL_ON, type RuleSwitches } from './switches';
import type { Candidate, Draft, ExtractedArticle, ReviewEdits } from './types';

export interface DraftOptions {
  /** The packs the reader already has (the built-in pack at least): names link to their entities. */
  known?: KnowledgeBase[];
  /** For the ablation report only: parts of the pipeline switched off. */
  switches?: Partial<RuleSwitches>;
  /** For the ablation report only: another name finder than the capitalised-phrase rules. */
  finder?: (paragraphs: string[], switches: RuleSwitches) => FoundNames;
}

const ALL_TYPES = { person: true, country: true, place: true, organisation: true, topic: true };

/** The sentence of a paragraph that holds an offset. */
function sentenceAt(byParagraph: Map<number, ArticleSentence[]>, paragraph: number, offset: number): ArticleSentence | undefined {
  const list = byParagraph.get(paragraph) ?? [];
  let found: ArticleSentence | undefined;
  for (const s of list) if (s.start <= offset) found = s;
  return found;
}

/** A unique key per cluster: the known id, else the kebab-case name (with a number if taken). */
function keysFor(clusters: NameCluster[]): string[] {
  const used = new Set<string>();
  return clusters.map((c) => {
    const base = c.known?.entity.id ?? (kebabId(c.name) || 'name');
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/** Matching options of a reading pack: titles, openers, the article's nationality words and countries. */
export function matchingFor(paragraphs: string[], countryNames: string[]): KnowledgeBase['matching'] {
  const words = new Set(paragraphs.join(' ').match(/\p{Lu}\p{Ll}+s?/gu) ?? []);
  return { allowedNeighbours: allowedNeighbours(countryNames, [...words].filter(isNationality)) };
}

export function draftPack(article: ExtractedArticle, options: DraftOptions = {}): Draft {
  const switches: RuleSwitches = { ...ALL_ON, ...options.switches };
  useCompromise(switches.compromise);
  useCountries(switches.countries);
  useWordList(switches.wordList);
  try {
    return buildDraft(article, switches, options.known ?? [], options.finder ?? findNames);
  } finally {
    useCompromise(true);
    useCountries(true);
    useWordList(true);
  }
}

function buildDraft(article: ExtractedArticle, switches: RuleSwitches, known: KnowledgeBase[], finder: NonNullable<DraftOptions['finder']>): Draft {
  const { paragraphs } = article;
  const { sentences, mentions } = finder(paragraphs, switches);
  // The byline's names wrote the story; they are not in it ("Eleanor Ainge Roy in Dunedin").
  const byline = article.meta.byline ?? '';
  // The publisher's own name inside its story is a credit, not the story's ("Times of Israel" on
  // timesofisrael.com, "POLITICO Pro" on politico.com).
  const squash = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');
  const outlet = squash(article.meta.outlet.replace(/\.(?:com|co\.uk|org|net|news)$/, '').replace(/^the /i, ''));
  // "the Post" in the South China Morning Post, "the Times" in the New York Times.
  const outletWords = article.meta.outlet.split(/\s+/);
  const lastWord = outletWords.length >= 2 && outletWords.at(-1)!.length >= 4 ? outletWords.at(-1) : undefined;
  const publisher = (name: string) => outlet.length >= 3 && (squash(name.replace(/^the /i, '')) === outlet || squash(name.split(' ')[0]!) === outlet || name === lastWord);
  const clusters = mergeNames(mentions, switches, known).filter(
    (c) => !(switches.credits && ((c.name.includes(' ') && byline.includes(c.name)) || publisher(c.name))),
  );
  const keys = keysFor(clusters);
  // A one-word name the finder could only guess the type of takes the type its description in
  // the article gives: "the Storting, Norway’s parliament" is an organisation, not a place.
  for (const c of clusters) {
    if (c.known || c.name.includes(' ') || countryByForm(c.name) !== undefined) continue;
    for (const m of c.mentions) {
      const s = sentences[m.sentence];
      const found = s && !m.implied ? appositive(s.text, m.start - s.start, m.end - s.start) : undefined;
      const type = found ? typeOfDescription(found) : undefined;
      if (type) {
        c.type = type;
        break;
      }
    }
  }

  // Count and locate each entity with the matcher and the rules the saved pack will have.
  const entities: Entity[] = clusters.map((c, i) => {
    const { aliases, neverMatch } = aliasRules({ name: c.name, type: c.type, forms: c.forms, known: c.known?.entity });
    return { id: keys[i]!, name: c.name, type: c.type, description: '', role: '', facts: [], quotes: [], related: [], aliases, neverMatch };
  });
  const countryNames = clusters.filter((c) => c.type === 'country').map((c) => c.name);
  const pack: KnowledgeBase = {
    schemaVersion: 2,
    source: { id: 'draft', outlet: '', headline: '', standfirst: '', summary: '', paragraphCount: paragraphs.length },
    matching: matchingFor(paragraphs, countryNames),
    entities,
  };
  const { compiled } = compileMatcher([pack]);
  const matcher = matcherFromCompiled(compiled);
  const page = new PageMentions<number>(matcher, { firstMentionOnly: false, types: ALL_TYPES });
  const placed = page.add(paragraphs.map((text, i) => ({ node: i + 1, result: matcher.scan(text) })));

  const byParagraph = new Map<number, ArticleSentence[]>();
  for (const s of sentences) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s]);
  const located = new Map<string, Located[]>();
  for (const { node, mention } of placed) {
    const sentence = sentenceAt(byParagraph, node, mention.start);
    if (!sentence) continue;
    const key = matcher.entityId(mention.entity);
    const list = located.get(key) ?? [];
    list.push({ sentence, start: mention.start - sentence.start, end: mention.end - sentence.start });
    located.set(key, list);
  }

  const people: PersonMention[] = [];
  clusters.forEach((c, i) => {
    if (c.type !== 'person') return;
    for (const l of located.get(keys[i]!) ?? []) people.push({ key: keys[i]!, located: l });
  });
  people.sort((a, b) => a.located.sentence.index - b.located.sentence.index || a.located.start - b.located.start);
  const quotes = quotesBySpeaker(sentences, people);

  const candidates: Candidate[] = [];
  clusters.forEach((c, i) => {
    const key = keys[i]!;
    // A country only implied ("the Indonesian resort of Bali") has no form in the text to match:
    // the finder's own mentions place it.
    const implied = !located.has(key);
    const where = located.get(key) ?? c.mentions.filter((m) => m.implied).map((m) => ({ sentence: sentences[m.sentence]!, start: m.start - sentences[m.sentence]!.start, end: m.end - sentences[m.sentence]!.start }));
    if (where.length === 0) return;
    const titles = c.mentions.filter((m) => m.title).map((m) => ({ title: m.title!, sentence: sentences[m.sentence]! }));
    // A capital's appositive ("Khartoum, the capital,") describes the city, not its country.
    const own = where.filter((l) => !capitalOf(l.sentence.text.slice(l.start, l.end)));
    const { description, sentence } = describe(c.type, own, titles);
    const role = roleSentence(c.name, where, sentence);
    const single = !c.name.includes(' ') && [...c.forms].every((f) => !f.includes(' '));
    const onlyAtStarts = single && c.mentions.length > 0 && c.mentions.every((m) => m.sentenceStart || m.fromCapitalsLine);
    // Named once is weak unless something besides the article vouches for the name: a pack the
    // reader has, the countries package, compromise's lexicon of places and organisations.
    const vouched = c.known !== undefined || countryByForm(c.name) !== undefined || capitalOf(c.name) !== undefined || isKnownPlace(c.name) || isKnownOrganisation(c.name) || (c.type === 'person' && isLastName(c.name));
    // Acronyms of three letters or more are names; two letters once ("MM", "AP") could be initials.
    const acronym = /^[\p{Lu}&]{3,6}$/u.test(c.name);
    const weakReason = vouched ? undefined : onlyAtStarts ? 'one word, seen only at the start of sentences' : where.length === 1 && single && !acronym ? 'one word, named once' : undefined;
    const entity = entities[i]!;
    const candidate: Candidate = {
      key,
      name: c.name,
      type: c.type,
      description,
      count: where.length,
      weak: weakReason !== undefined,
      forms: [...c.forms],
      paragraphs: [...new Set(where.map((l) => l.sentence.paragraph))].sort((a, b) => a - b),
      role: role?.text ?? description,
      facts: implied ? [] : factsFor(where, role),
      quotes: quotes.get(key) ?? [],
      related: [],
      aliases: entity.aliases,
      neverMatch: entity.neverMatch ?? [],
    };
    if (weakReason) candidate.weakReason = weakReason;
    if (c.known) candidate.knownFrom = c.known.packId;
    candidates.push(candidate);
  });
  const kept = new Map([...located].filter(([k]) => candidates.some((c) => c.key === k)));
  for (const c of candidates) c.related = relatedNames(c.key, kept);
  // Most named first: the reviewer reads the story's main names first.
  candidates.sort((a, b) => b.count - a.count || a.paragraphs[0]! - b.paragraphs[0]!);

  return { article, packId: readingPackId(article.meta.headline, article.meta.url), candidates };
}

/** The reviewer's starting point: weak candidates unticked, nothing renamed or merged. */
export function defaultEdits(draft: Draft): ReviewEdits {
  return { excluded: draft.candidates.filter((c) => c.weak).map((c) => c.key), names: {}, types: {}, merges: [] };
}
