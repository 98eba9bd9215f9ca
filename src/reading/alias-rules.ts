/**
 * The alias rules of a reading pack: which forms of each name to find on OTHER pages, and under
 * which conditions, so that a saved pack stays accurate beyond the article it came from. The same
 * rules the built-in pack uses (docs/knowledge-base.md, "Aliases"):
 *
 * - full names as they are ("Gordon Sondland", "International Monetary Fund");
 * - a person's single-word form (surname, or family name first) only as a second reference and
 *   standalone: "Sondland" counts on a page that names Gordon Sondland, never in "Capitol Hill"
 *   for a Fiona Hill, never as part of another name ("Hunter Biden");
 * - first names alone are never aliases;
 * - short forms exact case: acronyms ("IMF", not "Imf"), two-letter ones also not in a run of
 *   capitals ("WHO IS"), and only with the pack's other names on the page (`contextFromPack`);
 * - a single word that is also a common English word ("Turkey", "Reading") only exactly as
 *   written and with the pack's other names on the page;
 * - a capital standing for its country only as a second reference, never in "<capital> Post" or
 *   "<capital> state" ("Washington Post", "Washington state");
 * - a name the reader's packs already have keeps that pack's rule for the same form, so packs agree.
 *
 * Pure: no DOM, no browser API.
 */
import type { Alias, Entity } from '../kb/types';
import { capitalOf, countryByForm, isNationality } from './countries';
import { CALENDAR_WORDS, FUNCTION_WORDS, PERSON_TITLES, TITLE_MODIFIERS, isCommonWord, isFirstName } from './lexicon';
import type { CandidateType } from './types';

export interface AliasInput {
  name: string;
  type: CandidateType;
  forms: Iterable<string>;
  /** The entity of a pack the reader already has, when the name is linked to one. */
  known?: Entity;
}

const isAcronym = (form: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u.test(form);
const capitalise = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** Phrases in which a capital's name means something else than its country's government. */
const CAPITAL_NEVER = ['Post', 'Times', 'state', 'State', 'University'];

export function aliasRules(input: AliasInput): { aliases: Alias[]; neverMatch: string[] } {
  const aliases: Alias[] = [];
  const neverMatch = new Set<string>();
  const seen = new Set<string>();
  const nameWords = input.name.split(' ');
  const knownRule = new Map((input.known?.aliases ?? []).map((a) => [a.form.replace(/’/g, "'"), a]));

  const add = (form: string) => {
    const f = form.replace(/’/g, "'").trim();
    if (f === '' || seen.has(f)) return;
    seen.add(f);
    const known = knownRule.get(f);
    if (known) {
      aliases.push({ ...known, form: f });
      return;
    }
    const single = !f.includes(' ');
    if (input.type === 'person') {
      if (single) {
        // A first name alone is anyone's ("Hunter", "Vera"); a family name may stand first ("Wang").
        if (isFirstName(f) && nameWords.length > 1 && f !== nameWords.at(-1)) return;
        const alias: Alias = { form: f, standalone: true };
        if (f !== input.name) alias.secondReference = true;
        if (isCommonWord(f)) alias.exactCase = true;
        aliases.push(alias);
      } else aliases.push({ form: f });
      return;
    }
    const capitalFor = capitalOf(f);
    if (capitalFor && capitalFor.name === input.name) {
      aliases.push({ form: f, secondReference: true, standalone: true });
      for (const w of CAPITAL_NEVER) neverMatch.add(`${f} ${w}`);
      neverMatch.add(`University of ${f}`);
      return;
    }
    if (isAcronym(f)) {
      const alias: Alias = { form: f, exactCase: true };
      const letters = f.replace(/\./g, '').length;
      if (letters <= 3) alias.notInCapitalsRun = true;
      if (letters <= 2 && !countryByForm(f)) alias.contextFromPack = true;
      aliases.push(alias);
      return;
    }
    if (single && isCommonWord(f)) {
      aliases.push({ form: f, exactCase: true, contextFromPack: true });
      return;
    }
    aliases.push({ form: f });
  };

  add(input.name);
  for (const form of input.forms) add(form);
  return { aliases, neverMatch: [...neverMatch] };
}

/**
 * Capitalised words that may stand right next to a standalone alias without making it part of
 * another name: titles, sentence openers, days and months, the article's nationality words and
 * its countries' possessives. Never first names.
 */
export function allowedNeighbours(countryNames: string[], nationalityWords: string[]): string[] {
  const words = new Set<string>();
  for (const w of PERSON_TITLES) if (/^[a-z]+$/.test(w)) words.add(capitalise(w));
  for (const w of TITLE_MODIFIERS) words.add(capitalise(w));
  for (const w of FUNCTION_WORDS) if (w !== 'i') words.add(capitalise(w));
  for (const w of CALENDAR_WORDS) words.add(capitalise(w));
  words.add('I');
  for (const w of ['US', 'UK', 'EU', 'UN', 'Vice-President', 'Says', 'Tells', 'Meets', 'Met', 'Warns', 'Urges', 'Visits', 'Calls', 'Holds']) words.add(w);
  for (const w of nationalityWords) if (isNationality(w) && /^\p{Lu}\S*$/u.test(w)) words.add(w);
  for (const c of countryNames) {
    if (c.includes(' ')) continue;
    words.add(`${c}'s`);
    words.add(`${c}’s`);
  }
  return [...words].sort();
}
