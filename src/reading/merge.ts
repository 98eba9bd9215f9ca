/**
 * Turns the names found in an article (names.ts) into its entities, each once:
 *
 * - forms of one name are one entity: "US", "U.S." and "United States" (the countries package);
 *   "HANOI" in a dateline and "Hanoi"; "International Monetary Fund (IMF)" and "IMF" (an acronym
 *   in brackets, or the initials of the name);
 * - a second reference is its person: "Sondland" after "Gordon Sondland", "Wang" after "Wang Yi"
 *   (family name first) when exactly one person of the article carries it;
 * - a capital is its country when the article names the country too ("Beijing" → China);
 * - a name of a pack the reader already has keeps that pack's id and name, so the card merges the
 *   backgrounds ("Biden administration" → Joe Biden, "Wang" → Wang Yi);
 * - each entity gets a type from what the article and the word lists say (classify).
 *
 * Pure: no DOM, no browser API.
 */
import type { Entity, KnowledgeBase } from '../kb/types';
import { capitalOf, countryByForm } from './countries';
import { COMPASS, isFirstName, isKnownOrganisation, isKnownPlace, isLastName, isOrganisationHead, isPlaceHead, isCommonWord } from './lexicon';
import type { NameMention } from './names';
import type { RuleSwitches } from './switches';
import type { CandidateType } from './types';

export interface NameCluster {
  /** The entity's display name ("Antony Blinken"). */
  name: string;
  type: CandidateType;
  /** Every form written in the article, as written (possessives and titles off). */
  forms: Set<string>;
  mentions: NameMention[];
  /** Set when the name is an entity of a pack the reader already has. */
  known?: { packId: string; entity: Entity };
}

/** Straight apostrophes, single spaces: the key two spellings of one form share. */
export const formKey = (form: string) => form.replace(/’/g, "'").replace(/\s+/g, ' ').trim();
const words = (name: string) => name.split(' ');
/** "NATO", "U.S.", "G20": capitals (and digits), at least two characters, one of them a letter. */
const isAllCaps = (w: string) => /^[\p{Lu}\p{N}.&-]{2,}$/u.test(w) && /\p{Lu}/u.test(w) && /\p{Lu}.*[\p{Lu}\p{N}]|\p{Lu}\./u.test(w);
const titleCase = (w: string) => w.split(/([ -])/).map((p) => (p.length > 1 ? p[0] + p.slice(1).toLowerCase() : p)).join('');

/** "The Guardian" → "Guardian"; a country form → the country's name. */
function canonicalForm(form: string): string {
  const f = formKey(form).replace(/^The (?=\p{Lu})/u, '');
  const country = countryByForm(f);
  return country ? country.name : f;
}

/** Verbs after a person's name. */
const PERSON_AFTER = /^(?:said|says|told|tells|added|asked|wrote|tweeted|explained|argued|insisted|warned|believes|thinks|noted|who|himself|herself)$/;
/** Prepositions before a place. */
const PLACE_BEFORE = /^(?:in|at|near|across|into|outside|inside|around|throughout|towards?)$/;
/** "the resort of Bali", "the city of Hanoi", "the province of …". */
const PLACE_OF = /\b(?:resort|city|town|village|region|province|state|island|capital|county|district|port|republic|kingdom|mayor|residents|people|streets|outskirts|centre|center|north|south|east|west) of$/;

/** A mention that uses a name as a place ("in Hanoi", "over Hanoi", the dateline "HANOI,"). */
export function isLocative(m: NameMention): boolean {
  return PLACE_BEFORE.test(m.wordBefore) || /^(?:over|from|to|visit|visited|visiting|arrived|left)$/.test(m.wordBefore) || PLACE_OF.test(m.wordsBefore) || (m.wordBefore === '' && /^[\p{Lu} .'-]+$/u.test(m.text));
}

/** What the forms say about the type; the mentions' context decides between the rest. */
export function classify(cluster: NameCluster): CandidateType {
  if (cluster.known) {
    const t = cluster.known.entity.type;
    if (t !== 'topic') return t;
  }
  const name = cluster.name;
  const country = countryByForm(name);
  if (country) return country.type;
  if (capitalOf(name)) return 'place';
  const ws = words(name);
  // The head of "Bank of England" is "Bank", of "Strait of Hormuz" "Strait"; else the last word.
  const connector = ws.findIndex((w, i) => i > 0 && /^(?:of|for|on|de|du)$/.test(w));
  const head = ws[connector > 0 ? connector - 1 : ws.length - 1]!;
  let person = 0;
  let place = 0;
  let org = 0;
  // A body's head word outweighs a first name: "George Washington University".
  if (isOrganisationHead(head)) org += 4;
  else if (ws.length > 1 && ws.some((w) => isOrganisationHead(w))) org += 2;
  if (isKnownOrganisation(name)) org += 3;
  if (isKnownPlace(name)) place += 3;
  // "East Asia", "Southern California", "Upper East Side": a compass word before a place.
  else if (ws.length > 1 && (isKnownPlace(ws[ws.length - 1]!) || countryByForm(ws[ws.length - 1]!)) && COMPASS.test(ws[0]!)) place += 3;
  else if (ws.length > 1 && COMPASS.test(ws[0]!)) place += 1;
  // "Fiona Hill", "Rob Lowe": a first name before a place word makes it a person's surname.
  const firstName = ws.length > 1 && isFirstName(ws[0]!);
  if (isPlaceHead(head)) place += firstName ? 1 : 3;
  else if (ws.length > 1 && ws.some((w) => isPlaceHead(w))) place += 1;
  for (const m of cluster.mentions) {
    if (m.title) person += 2;
    if (PERSON_AFTER.test(m.wordAfter)) person += 1;
    if (/^(?:administration|government|campaign|family)$/.test(m.wordAfter)) person += 1;
    if (PLACE_BEFORE.test(m.wordBefore) || PLACE_OF.test(m.wordsBefore) || isPlaceHead(m.wordAfter) || /^(?:region|province|state|city|island|capital)$/.test(m.wordAfter)) place += 1;
    if (/^(?:spokesperson|spokesman|spokeswoman|chief|executive|shares|stock|employees|staff|board|officials|members|founder)$/.test(m.wordAfter)) org += 1;
  }
  const mixedCase = [...cluster.forms].some((f) => !isAllCaps(f));
  for (const form of cluster.forms) {
    if (isAllCaps(form) && form.length <= 6 && !mixedCase) org += 2;
    const fw = words(form);
    if (fw.length >= 2 && isFirstName(fw[0]!)) person += 2;
    if (isLastName(fw[fw.length - 1]!)) person += 1;
    if (fw.length >= 2 && fw.length <= 3 && fw.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) person += 1;
  }
  if (place > person && place >= org) return 'place';
  if (org > person) return 'organisation';
  if (person > 0) return 'person';
  // One capitalised word with no clue is as often a place as an organisation; a person's name
  // would have come with a first name somewhere in the article.
  return ws.length === 1 && !isFirstName(name) ? 'place' : 'person';
}

/** Initials of a name's capitalised words: "International Monetary Fund" → "IMF", "Co-operation" → "C". */
function initials(name: string): string {
  return words(name)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

interface KnownForm {
  packId: string;
  entity: Entity;
  secondReference: boolean;
}

/** Every alias form of the known packs → its entity (full names first). */
function knownForms(known: KnowledgeBase[]): Map<string, KnownForm> {
  const map = new Map<string, KnownForm>();
  for (const pack of known) {
    for (const entity of pack.entities) {
      if (entity.type === 'topic') continue;
      for (const alias of entity.aliases) {
        const key = formKey(alias.form);
        if (!map.has(key)) map.set(key, { packId: pack.source.id, entity, secondReference: !!alias.secondReference });
      }
      if (!map.has(formKey(entity.name))) map.set(formKey(entity.name), { packId: pack.source.id, entity, secondReference: false });
    }
  }
  return map;
}

/** The clusters of one article by key, with the one operation merging needs. */
class Clusters {
  private readonly byKey = new Map<string, NameCluster>();

  get(key: string): NameCluster | undefined {
    return this.byKey.get(key);
  }

  all(): NameCluster[] {
    return [...this.byKey.values()];
  }

  has(c: NameCluster): boolean {
    return this.all().includes(c);
  }

  add(m: NameMention): void {
    const key = canonicalForm(m.text);
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = { name: key, type: 'person', forms: new Set(), mentions: [] }));
    if (!m.implied) c.forms.add(formKey(m.text));
    c.mentions.push(m);
  }

  /** `from` is one entity with `into`: its forms and mentions move there. */
  fold(from: NameCluster, into: NameCluster): void {
    if (from === into) return;
    for (const f of from.forms) into.forms.add(f);
    into.mentions.push(...from.mentions);
    if (!into.known && from.known) into.known = from.known;
    for (const [k, c] of this.byKey) if (c === from) this.byKey.delete(k);
  }
}

/** "HANOI" (a dateline) and "Hanoi"; "Taiwan strait" and "Taiwan Strait": one name in two cases. */
function foldCases(set: Clusters): void {
  const byLower = new Map<string, NameCluster>();
  // The mixed-case spelling wins.
  for (const c of set.all().sort((a, b) => Number(isAllCaps(a.name)) - Number(isAllCaps(b.name)))) {
    const lower = c.name.toLowerCase();
    const other = byLower.get(lower);
    if (other && (((isAllCaps(c.name) || isAllCaps(other.name)) && c.name.length > 4) || c.name.includes(' '))) set.fold(c, other);
    else byLower.set(lower, c);
  }
}

/** Acronyms: "(IMF)" after the name, or the initials of an organisation's or a place's name. */
function foldAcronyms(set: Clusters): void {
  for (const c of set.all()) {
    for (const m of c.mentions) {
      if (!m.acronym) continue;
      const acr = set.get(canonicalForm(m.acronym));
      if (acr && acr !== c) set.fold(acr, c);
    }
  }
  for (const c of set.all()) {
    if (!isAllCaps(c.name) || c.name.includes(' ') || countryByForm(c.name)) continue;
    // Not a person's initials: "MM" is not Michael Mackenzie.
    const long = set.all().filter((o) => o !== c && words(o.name).length >= 2 && classify(o) !== 'person' && initials(o.name) === c.name.replace(/\./g, ''));
    if (long.length === 1) set.fold(c, long[0]!);
  }
}

/**
 * A capital stands for its country's government when the article names the country and uses the
 * capital as an actor ("Beijing’s stance", "between Washington and Beijing"), not only as a place
 * ("in Hanoi", "over Hanoi", a dateline).
 */
function foldCapitals(set: Clusters): void {
  for (const c of set.all()) {
    const country = capitalOf(c.name);
    const target = country && set.get(country.name);
    if (target && c.mentions.some((m) => !isLocative(m))) set.fold(c, target);
  }
}

/** Other writings of a body's or a place's name. */
function foldBodyNames(set: Clusters): void {
  // "Mercedes Benz" and "Mercedes-Benz".
  const bySpelling = new Map<string, NameCluster>();
  for (const c of set.all()) {
    const k = c.name.toLowerCase().replace(/[\s-]+/g, ' ');
    const other = bySpelling.get(k);
    if (other) set.fold(c, other);
    else bySpelling.set(k, c);
  }
  // "Fed" of "Federal Reserve", "Mercedes" of "Mercedes-Benz": the start of exactly one body's name.
  for (const c of set.all()) {
    if (c.name.includes(' ') || c.name.length < 3 || isAllCaps(c.name)) continue;
    const starts = (o: NameCluster) => [...o.forms].some((f) => (f.includes('-') && f.split('-')[0] === c.name) || (words(f)[0]!.startsWith(c.name) && words(f)[0] !== c.name));
    const bodies = set.all().filter((o) => o !== c && classify(o) === 'organisation' && /[ -]/.test(o.name) && starts(o));
    if (bodies.length === 1) set.fold(c, bodies[0]!);
  }
  // "Onetime Federal Reserve …": a word that only ever opens a sentence before a body the article
  // names alone is not part of its name.
  for (const c of set.all()) {
    const ws = words(c.name);
    const rest = ws.length > 2 ? set.get(ws.slice(1).join(' ')) : undefined;
    if (rest && rest !== c && c.mentions.every((m) => m.sentenceStart)) set.fold(c, rest);
  }
  // Nicknames: "Hoa Lo prison, dubbed the “Hanoi Hilton”" is one place.
  for (const c of set.all()) {
    const m = c.mentions.find((x) => x.nicknameOf !== undefined);
    const target = m && set.all().find((o) => o !== c && o.mentions.some((x) => x.sentence === m.sentence && x.start === m.nicknameOf));
    if (target && c.mentions.length === 1) set.fold(c, target);
  }
  // "US Congress", "New Zealand Department of Conservation": a country, place or acronym before a
  // body the article also names alone is that body.
  for (const c of set.all()) {
    const ws = words(c.name);
    for (let k = 1; k < ws.length; k++) {
      const prefix = ws.slice(0, k).join(' ');
      const rest = set.get(ws.slice(k).join(' '));
      const before = set.get(prefix);
      const placeOrBody = countryByForm(prefix) || capitalOf(prefix) || (before && classify(before) === 'place') || isAllCaps(prefix);
      if (rest && rest !== c && placeOrBody && classify(rest) === 'organisation') {
        set.fold(c, rest);
        break;
      }
    }
  }
}

/** Other writings of a person's name, and second references. */
function foldPeople(set: Clusters): void {
  // "Donald J. Trump" and "Donald Trump": middle initials do not make another person.
  for (const c of set.all()) {
    const plain = c.name.replace(/ (?:\p{Lu}\.)+(?= )/gu, '');
    const other = plain !== c.name ? set.get(plain) : undefined;
    if (other) set.fold(c, other);
  }
  // Longer and shorter writings: "Bin Laden" of "Osama bin Laden", "Te Kaurinui Robert" and "Te
  // Kaurinui Parata" of "Te Kaurinui Robert Parata" (the longest name that contains it, when the
  // names that do all end alike).
  const lower = (ws: string[]) => ws.map((w) => w.toLowerCase());
  const within = (short: string[], long: string[]) => {
    let j = 0;
    for (const w of long) if (j < short.length && w === short[j]) j++;
    return j === short.length;
  };
  for (const c of set.all().sort((a, b) => words(b.name).length - words(a.name).length)) {
    if (!set.has(c)) continue;
    const ws = lower(words(c.name));
    if (ws.length < 2 || classify(c) !== 'person') continue;
    // "Donald Trump Jr." is another person than "Donald Trump".
    const longer = set.all().filter((o) => o !== c && words(o.name).length > ws.length && classify(o) === 'person' && !/^(?:Jr|Sr|II|III|IV)\.?$/.test(words(o.name).at(-1)!) && within(ws, lower(words(o.name))));
    const tail = longer.filter((o) => lower(words(o.name)).slice(-ws.length).join(' ') === ws.join(' ') || lower(words(o.name))[0] === ws[0]);
    if (tail.length >= 1 && new Set(tail.map((o) => lower(words(o.name)).slice(-1)[0])).size <= 1) {
      set.fold(c, tail.sort((a, b) => words(b.name).length - words(a.name).length)[0]!);
    }
  }
  // Second references: a single word that ends the name of a person of the article ("Sondland"),
  // or starts it (a first name, "Katharine"; a family name first, "Wang"). When several people
  // share it, the most named of them.
  const people = () => set.all().filter((c) => words(c.name).length >= 2 && classify(c) === 'person');
  const mostNamed = (list: NameCluster[]) => list.sort((a, b) => b.mentions.length - a.mentions.length)[0];
  // "Bashir" of "Omar Hassan al-Bashir": the family name without its particle.
  const family = (name: string) => words(name).at(-1)!.replace(/^(?:al|el|ad|bin|ibn|abu)-/, '');
  for (const c of set.all()) {
    if (c.name.includes(' ') || isAllCaps(c.name) || countryByForm(c.name) || capitalOf(c.name)) continue;
    const lastOf = people().filter((p) => p !== c && family(p.name) === c.name);
    const firstOf = people().filter((p) => p !== c && words(p.name)[0] === c.name);
    const target = mostNamed(lastOf) ?? mostNamed(firstOf);
    if (target && (!c.known || c.known.entity.id === target.known?.entity.id)) set.fold(c, target);
  }
}

/** Names that are a form of an entity the reader already has take its id and name. */
function linkKnown(set: Clusters, forms: Map<string, KnownForm>): void {
  for (const c of set.all()) {
    for (const f of [c.name, ...c.forms]) {
      const k = forms.get(formKey(f));
      if (k && !k.secondReference) {
        c.known = { packId: k.packId, entity: k.entity };
        break;
      }
    }
  }
}

/** After the people are merged: known second references, and two names of one known entity. */
function foldKnown(set: Clusters, forms: Map<string, KnownForm>): void {
  // A known second reference ("Wang" of "Wang Yi") joins that entity when the article names it.
  for (const c of set.all()) {
    if (c.known) continue;
    const k = forms.get(formKey(c.name));
    const owner = k && set.all().find((o) => o.known?.entity.id === k.entity.id);
    if (owner) set.fold(c, owner);
  }
  // "Biden administration" and "Joe Biden" are one.
  const byId = new Map<string, NameCluster>();
  for (const c of set.all()) {
    if (!c.known) continue;
    const other = byId.get(c.known.entity.id);
    if (other) set.fold(c, other);
    else byId.set(c.known.entity.id, c);
  }
}

/**
 * The article's entities from its name mentions. Mentions from Title Case or capitals lines only
 * join entities found elsewhere.
 */
export function mergeNames(mentions: NameMention[], switches: RuleSwitches, known: KnowledgeBase[] = []): NameCluster[] {
  const set = new Clusters();
  for (const m of mentions) if (!m.fromCapitalsLine) set.add(m);
  const forms = switches.linking ? knownForms(known) : new Map<string, KnownForm>();

  if (switches.merging) {
    foldCases(set);
    foldAcronyms(set);
    foldCapitals(set);
    foldBodyNames(set);
  }
  if (switches.linking) linkKnown(set, forms);
  if (switches.merging) foldPeople(set);
  if (switches.linking) foldKnown(set, forms);

  // Mentions from capitals lines count where they name an entity found in running text.
  const byForm = new Map<string, NameCluster>();
  for (const c of set.all()) for (const f of c.forms) byForm.set(f.toLowerCase(), c);
  for (const m of mentions) {
    if (!m.fromCapitalsLine) continue;
    const c = byForm.get(canonicalForm(m.text).toLowerCase()) ?? byForm.get(formKey(m.text).toLowerCase());
    if (c) c.mentions.push(m);
  }

  for (const c of set.all()) {
    if (c.known) c.name = c.known.entity.name;
    else if (isAllCaps(c.name) && c.name.length > 4 && !c.name.includes('.') && (isKnownPlace(titleCase(c.name)) || isCommonWord(c.name))) c.name = titleCase(c.name);
    c.type = classify(c);
    c.mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  }
  return set.all();
}
