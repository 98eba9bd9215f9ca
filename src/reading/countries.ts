/**
 * Countries, their other names and their capitals, from the `world-countries` package (ODbL; the
 * bundles carry only the fields read here: scripts/bundle-options.mjs trims the 1.4 MB file to
 * about 60 KB at build time).
 *
 * - Every way the article may name a country maps to one canonical name: "US", "U.S.", "USA",
 *   "United States of America" → "United States"; "People's Republic of China" → "China".
 * - A capital stands for its country when the article names the country too ("Beijing" in a
 *   story about the government is China): `capitalOf`.
 * - Nationality words ("Chinese", "Americans") are never entities: `isNationality`.
 * - Sovereign states are `country`; territories (Taiwan, Hong Kong, Puerto Rico) are `place`, as
 *   in the built-in pack.
 *
 * `useCountries(false)` switches the package off, for the ablation report.
 *
 * Pure: no DOM, no browser API.
 */
import countries from 'world-countries';

export interface CountryInfo {
  /** Canonical name ("United States"). */
  name: string;
  type: 'country' | 'place';
}

/** Two-letter forms in everyday use; other ISO codes ("IN", "IT", "NO") are English words in capitals. */
const TWO_LETTER_FORMS = new Set(['US', 'UK']);
/** Everyday names the package does not list. */
const EXTRA_FORMS: Record<string, string> = { Britain: 'United Kingdom', 'U.S.': 'United States', 'U.S.A.': 'United States', 'U.K.': 'United Kingdom' };

const byForm = new Map<string, CountryInfo>();
const capitals = new Map<string, CountryInfo>();
const nationalities = new Set<string>();
/** Nationality word → its country, for words that belong to one country only. */
const countryOfWord = new Map<string, CountryInfo | null>();
let enabled = true;

/** Only forms an English article would write: Latin letters, no "Korea, Republic of". */
const USABLE_FORM = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u;

for (const c of countries) {
  const info: CountryInfo = { name: c.name.common, type: c.independent === true || c.unMember ? 'country' : 'place' };
  const forms = [c.name.common, c.name.official, ...c.altSpellings];
  for (const form of forms) {
    if (!USABLE_FORM.test(form)) continue;
    if (form.length <= 2 && !TWO_LETTER_FORMS.has(form)) continue;
    if (!byForm.has(form)) byForm.set(form, info);
  }
  // "PRC", "DPRK", "UAE", "ROK": the initials of an official name of three words or more.
  for (const form of forms) {
    if (!USABLE_FORM.test(form)) continue;
    const initials = form.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials.length >= 3 && !byForm.has(initials)) byForm.set(initials, info);
  }
  for (const capital of c.capital ?? []) {
    if (!USABLE_FORM.test(capital)) continue;
    capitals.set(capital, info);
    // "Washington D.C." is written "Washington" in most stories.
    const bare = capital.replace(/,?\s+D\.?C\.?$/, '');
    if (bare !== capital) capitals.set(bare, info);
  }
  for (const d of Object.values(c.demonyms?.eng ?? {})) {
    if (!d) continue;
    nationalities.add(d);
    countryOfWord.set(d, countryOfWord.has(d) && countryOfWord.get(d)?.name !== info.name ? null : info);
    // Plurals: "Americans", "New Zealanders", "Israelis" (not "Chinese", "British", "Swiss").
    if (!/(?:ese|sh|ch|ss|s)$/.test(d)) nationalities.add(`${d}s`);
  }
}
for (const [form, name] of Object.entries(EXTRA_FORMS)) {
  const info = byForm.get(name);
  if (info) byForm.set(form, info);
}

/** For the ablation report: answer as if the package were not there. */
export function useCountries(on: boolean): void {
  enabled = on;
}

/** The country or territory a form names ("U.S." → United States), if it is one. */
export function countryByForm(form: string): CountryInfo | undefined {
  return enabled ? byForm.get(form) : undefined;
}

/** The country whose capital this is ("Beijing" → China). */
export function capitalOf(form: string): CountryInfo | undefined {
  return enabled ? capitals.get(form) : undefined;
}

/** The country of a nationality word ("Indonesian" → Indonesia); none when several share it. */
export function countryOfNationality(word: string): CountryInfo | undefined {
  return enabled ? (countryOfWord.get(word) ?? undefined) : undefined;
}

/** "Chinese", "Americans", "British": a nationality, never an entity of its own. */
export function isNationality(word: string): boolean {
  return enabled && nationalities.has(word);
}
