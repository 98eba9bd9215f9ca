/**
 * What a reading pack says about each name, all in the article's own words:
 *
 * - a description: the appositive ("Antony Blinken, the US secretary of state, …", "the Chinese
 *   foreign minister, Wang Yi"), "X is a …", or the title the article gave the person ("US
 *   Defense Secretary"); else a plain line saying what it is;
 * - a role: the sentence that best introduces it (the one with the description, else its first
 *   sentence that gives the full name), verbatim;
 * - facts: the other sentences that name it, verbatim, each citing its paragraph;
 * - quotes a person speaks: the words inside quotation marks of a sentence that names them next
 *   to "said", "told", … (or "he said" right after they were named), at most 25 words;
 * - related names: the others named in the same sentences, with the words between them when they
 *   read as a relation ("Blinken told Wang" → "told").
 *
 * Pure: no DOM, no browser API.
 */
import type { Fact, Quote } from '../kb/types';
import { MAX_QUOTE_WORDS } from '../kb/validate';
import type { ArticleSentence } from './names';
import type { CandidateType } from './types';
import { isOrganisationHead, isPlaceHead } from './lexicon';

/** Facts per entity: a card shows a few; the rest is in the article. */
export const MAX_FACTS = 5;
/** Sentences longer than this are lists or run-ons, poor as a fact on a card. */
export const MAX_FACT_WORDS = 60;
/** Quotes per person. */
export const MAX_QUOTES = 3;
/** Quotes shorter than this are scare quotes ("neutral"), not something said. */
const MIN_QUOTE_WORDS = 4;
/** Related names per entity, most often named together first. */
export const MAX_RELATED = 6;
/** An appositive or title longer than this is a clause, not a description. */
const MAX_DESCRIPTION_WORDS = 14;
/** Words between two names that read as their relation ("held talks with"). */
const MAX_RELATION_WORDS = 5;
/**
 * A verb, perhaps a noun and a preposition, and nothing else: "told", "met with", "held talks
 * with", "accused". Anything longer or with a clause in it does not say how the two relate.
 */
const RELATION = /^\s+((?:has |had |have |was |were |is )?(?:[a-z]+ed|told|met|held|took|spoke|sent|won|lost|beat|left|led|met|urges|urged|meets|tells|calls|visits|visited|accuses|warns|joins|joined|succeeded|replaced|defeated|leads|heads|runs)(?: (?:talks|a call|a meeting|a visit|ties|war))?(?: (?:with|to|on|for|against|from|by|in|at|over))?)\s+(?:the\s+)?$/u;

/** Where the matcher found an entity: a sentence and the offsets in it. */
export interface Located {
  sentence: ArticleSentence;
  start: number;
  end: number;
}

const SPEECH = /\b(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|tweeted|posted|explained|argued|insisted|warned|noted|stressed|recalled|according to|declared|announced|replied|continued)\b/;
/** A description with a verb or a pronoun in it is a clause about something else. */
const DESCRIPTION_STOP = /\b(?:said|says|told|tells|is|was|are|were|has|had|have|will|would|who|which|that|and|but|he|she|they|his|her|its|their|it)\b/i;
/** Titles that say nothing about the person ("Mr.", "Sen.", "Dr"). */
const HONORIFIC_ONLY = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Sen|Rep|Gov|Gen|Prof|Rev)\.?$/;
const TYPE_LINE: Record<CandidateType, string> = {
  person: 'Person named in this article.',
  country: 'Country named in this article.',
  place: 'Place named in this article.',
  organisation: 'Organisation named in this article.',
};

const wordCount = (t: string) => t.trim().split(/\s+/).filter(Boolean).length;
const capitalise = (t: string) => (t === '' ? t : t[0]!.toUpperCase() + t.slice(1));

/**
 * What may open a description: an article ("the US secretary of state"), a possessive pronoun
 * ("her Icelandic counterpart") or a possessive name ("Norway’s fisheries minister").
 */
const OPENER = String.raw`(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|(?:\p{Lu}[\p{L}\p{M}.-]*\s){0,3}\p{Lu}[\p{L}\p{M}.-]*['’]s)`;
const FOLLOWING = new RegExp(String.raw`^,\s+(${OPENER}\s[^,;:“”"()]{2,120}?)\s*(?:,|;|\)|—|–|\.$)`, 'u');
const BEFORE = new RegExp(String.raw`(?:^|[,(—–]\s*|\s)(${OPENER}\s[^,;:“”"()]{2,120}),\s*$`, 'u');
const OPENERS = new RegExp(String.raw`(?<![\p{L}\p{M}])${OPENER}\s`, 'gu');
/** The stop words of a description, read after its opener (which may itself be "her"). */
const isClause = (phrase: string) => DESCRIPTION_STOP.test(phrase.replace(/^(?:his|her|its|their)\s/i, ''));
const usable = (phrase: string | undefined): phrase is string => !!phrase && wordCount(phrase) <= MAX_DESCRIPTION_WORDS && !isClause(phrase);

/** A description in the article's words next to one mention, if the sentence gives one. */
export function appositive(sentence: string, start: number, end: number): string | undefined {
  const after = sentence.slice(end).replace(/^['’]s\b/, '');
  const following = FOLLOWING.exec(after)?.[1];
  if (usable(following) && /^[a-z]|['’]s\s/u.test(following)) return following;
  const isA = /^\s+(?:is|was)\s+((?:a|an|the)\s[^,;:“”"()]{2,120}?)\s*(?:,|;|\.|$)/u.exec(after)?.[1];
  if (usable(isA)) return isA;
  // "… to the Chinese foreign minister, Wang Yi, about …": the phrase before, from its last opener.
  if (/^(?:['’]s)?\s*[,.;)]/.test(sentence.slice(end)) || end === sentence.length) {
    const phrase = BEFORE.exec(sentence.slice(0, start))?.[1];
    if (phrase) {
      const lastOpener = [...phrase.matchAll(OPENERS)].at(-1)?.index ?? 0;
      const cut = phrase.slice(lastOpener);
      if (usable(cut)) return cut;
    }
  }
  return undefined;
}

/**
 * The type a description gives a name whose type the finder could only guess: its head noun,
 * before any "of"/"in"/"for" ("Norway’s parliament" → organisation, "a port city on the coast" →
 * place). People are left out: "the owner of Facebook" describes a company as often as a person.
 */
export function typeOfDescription(description: string): CandidateType | undefined {
  const head = description.split(/\s+(?:of|in|on|for|at|from|with)\s+/)[0]!.trim().split(/\s+/).at(-1)?.toLowerCase().replace(/[^\p{L}]/gu, '') ?? '';
  if (head === '') return undefined;
  if (isOrganisationHead(head)) return 'organisation';
  if (isPlaceHead(head)) return 'place';
  return undefined;
}

export interface Description {
  description: string;
  /** The sentence it came from, verbatim; absent for a title or the plain line. */
  sentence?: ArticleSentence;
}

export function describe(type: CandidateType, located: Located[], titles: { title: string; sentence: ArticleSentence }[]): Description {
  for (const l of located) {
    const found = appositive(l.sentence.text, l.start, l.end);
    if (found) return { description: capitalise(found), sentence: l.sentence };
  }
  const title = titles.find((t) => wordCount(t.title) <= MAX_DESCRIPTION_WORDS && !HONORIFIC_ONLY.test(t.title));
  if (title) return { description: title.title, sentence: title.sentence };
  return { description: TYPE_LINE[type] };
}

/** The sentence that introduces it: the description's, else the first that gives the full name. */
export function roleSentence(name: string, located: Located[], described?: ArticleSentence): ArticleSentence | undefined {
  if (described) return described;
  const body = located.filter((l) => l.sentence.paragraph >= 3);
  const pool = body.length > 0 ? body : located;
  return (pool.find((l) => l.sentence.text.slice(l.start, l.end) === name) ?? pool[0])?.sentence;
}

/** Verbatim sentences naming it, body first, the role sentence left out. */
export function factsFor(located: Located[], role: ArticleSentence | undefined): Fact[] {
  const seen = new Set<number>(role ? [role.index] : []);
  const ordered = [...located.filter((l) => l.sentence.paragraph >= 3), ...located.filter((l) => l.sentence.paragraph < 3)];
  const facts: Fact[] = [];
  for (const { sentence } of ordered) {
    if (facts.length >= MAX_FACTS) break;
    if (seen.has(sentence.index) || wordCount(sentence.text) > MAX_FACT_WORDS) continue;
    seen.add(sentence.index);
    facts.push({ text: sentence.text, paragraphs: [sentence.paragraph] });
  }
  return facts;
}

/** The quoted words of a sentence with their offsets (“…” or "…"). */
function quotations(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]+)[”"]/gu)) out.push({ text: m[1]!, start: m.index!, end: m.index! + m[0].length });
  // A quotation that runs to the end of the paragraph without closing: “… (continues next paragraph).
  const open = /[“]([^“”]+)$/u.exec(text);
  if (open && !out.some((q) => q.start === open.index)) out.push({ text: open[1]!, start: open.index, end: text.length });
  return out;
}

/** At most 25 words of the quotation, verbatim: whole, or up to a sentence or clause end. */
export function shortQuote(quote: string): string | undefined {
  const q = quote.trim().replace(/[,;:]$/, '');
  if (wordCount(q) < MIN_QUOTE_WORDS) return undefined;
  if (wordCount(q) <= MAX_QUOTE_WORDS) return q;
  const words = [...q.matchAll(/\S+/g)].slice(0, MAX_QUOTE_WORDS);
  for (const stop of [/[.!?]$/, /[,;:]$/]) {
    for (let i = words.length - 1; i >= MIN_QUOTE_WORDS * 2; i--) {
      const w = words[i]!;
      if (stop.test(w[0])) return q.slice(0, w.index! + w[0].length).replace(/[,;:]$/, '');
    }
  }
  return undefined;
}

export interface PersonMention {
  key: string;
  located: Located;
}

/**
 * Quotes and who said them. `people` are every person's mentions in reading order; a quotation is
 * theirs when the sentence names exactly one person outside the quotation next to a speech verb,
 * or says "he said"/"she told …" right after naming one (this or the previous paragraph).
 */
export function quotesBySpeaker(sentences: ArticleSentence[], people: PersonMention[]): Map<string, Quote[]> {
  const out = new Map<string, Quote[]>();
  const bySentence = new Map<number, PersonMention[]>();
  for (const p of people) {
    const list = bySentence.get(p.located.sentence.index) ?? [];
    list.push(p);
    bySentence.set(p.located.sentence.index, list);
  }
  let lastPerson: { key: string; paragraph: number } | undefined;
  for (const s of sentences) {
    const quotes = quotations(s.text);
    const inQuote = (i: number) => quotes.some((q) => i >= q.start && i < q.end);
    const named = (bySentence.get(s.index) ?? []).filter((p) => !inQuote(p.located.start));
    const outside = quotes.reduce((t, q) => t.slice(0, q.start) + ' '.repeat(q.end - q.start) + t.slice(q.end), s.text);
    if (quotes.length > 0 && SPEECH.test(outside)) {
      const speakers = [...new Set(named.map((p) => p.key))];
      let speaker: string | undefined;
      if (speakers.length === 1) speaker = speakers[0];
      else if (speakers.length === 0 && /\b(?:he|she)\s+(?:said|says|told|added|asked|wrote|warned|noted|stressed)\b|\b(?:said|says|added)\s+(?:he|she)\b/i.test(outside)) {
        if (lastPerson && s.paragraph - lastPerson.paragraph <= 1) speaker = lastPerson.key;
      }
      if (speaker) {
        const list = out.get(speaker) ?? [];
        for (const q of quotes) {
          const text = shortQuote(q.text);
          if (!text || list.length >= MAX_QUOTES || list.some((x) => x.text === text)) continue;
          list.push({ text, speaker, paragraph: s.paragraph });
        }
        out.set(speaker, list);
      }
    }
    if (named.length > 0) lastPerson = { key: named[named.length - 1]!.key, paragraph: s.paragraph };
  }
  return out;
}

/**
 * Names of the same sentences, most often together first. `how` is the article's words between
 * the two ("told", "held talks with") when they are a short lower-case phrase, else a plain phrase.
 */
export function relatedNames(key: string, byKey: Map<string, Located[]>): { key: string; how: string }[] {
  const mine = byKey.get(key) ?? [];
  const scores = new Map<string, { n: number; how?: string }>();
  for (const [other, located] of byKey) {
    if (other === key) continue;
    for (const a of mine) {
      for (const b of located) {
        if (a.sentence.index !== b.sentence.index) continue;
        const entry = scores.get(other) ?? { n: 0 };
        entry.n++;
        if (!entry.how && a.end <= b.start) {
          const between = a.sentence.text.slice(a.end, b.start);
          const m = RELATION.exec(between);
          if (m && wordCount(m[1]!) <= MAX_RELATION_WORDS) entry.how = m[1]!;
        }
        scores.set(other, entry);
      }
    }
  }
  return [...scores]
    .sort((x, y) => y[1].n - x[1].n)
    .slice(0, MAX_RELATED)
    .map(([other, { how }]) => ({ key: other, how: how ?? 'is named in the same sentence as' }));
}
