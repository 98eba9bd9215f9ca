/**
 * A generated news article of any length, the same on every run (seeded), for measuring the
 * reading pipeline's speed: 40 fictional people with titles and second references, places,
 * organisations with acronyms, quotes, datelines. `newsPageHtml` (test/unit/news-page.ts) wraps it
 * in a page with site chrome.
 */
import { pick, seededRandom } from '../bench/rng';

const FIRST = ['Maren', 'Tomas', 'Ada', 'Ivo', 'Greta', 'Lars', 'Nadia', 'Petra', 'Oskar', 'Vera', 'Emil', 'Sofia', 'Hugo', 'Lena', 'Anton', 'Ilse', 'Bruno', 'Clara', 'Felix', 'Hanna'];
const LAST = ['Osterholt', 'Quill', 'Brennan', 'Sander', 'Vole', 'Hemming', 'Okafor', 'Lindqvist', 'Marr', 'Holt', 'Kessler', 'Varga', 'Dunmore', 'Petrov', 'Aalto', 'Reyes', 'Novak', 'Fischer', 'Moreau', 'Lund'];
const TITLES = ['Foreign Minister', 'Transport Secretary', 'Mayor', 'Senator', 'Ambassador', 'Governor'];
const PLACES = ['Kelvik', 'Eastmere', 'Westport', 'Norland', 'Estavia', 'Harrowgate', 'Lindholm', 'Port Ardent', 'Saltmarsh', 'Greyhaven'];
const ORGS: [string, string][] = [
  ['Baltic Ferry Company', 'BFC'],
  ['Harbour Trust', 'HT'],
  ['Northern Development Bank', 'NDB'],
  ['Ministry of Transport', 'MOT'],
  ['Coastal Workers Union', 'CWU'],
];
const VERBS = ['met', 'criticised', 'praised', 'wrote to', 'called', 'visited'];

/** Paragraphs (¶1 headline, ¶2 standfirst, body) of about `words` words. */
export function generatedArticle(words: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const people = Array.from({ length: 40 }, (_, i) => ({ first: FIRST[i % FIRST.length]!, last: LAST[(i * 7) % LAST.length]!, title: pick(random, TITLES) }));
  const named = new Set<number>();
  const person = () => {
    const i = Math.floor(random() * people.length);
    const p = people[i]!;
    const first = !named.has(i);
    named.add(i);
    return first ? `${p.title} ${p.first} ${p.last}` : p.last;
  };
  const sentence = () => {
    const [org, acronym] = pick(random, ORGS);
    const templates = [
      () => `${person()} ${pick(random, VERBS)} ${person()} in ${pick(random, PLACES)} on Tuesday to discuss the ferry timetable.`,
      () => `“We will not accept any delay to the crossing,” ${person()} told reporters in ${pick(random, PLACES)}.`,
      () => `The ${org} (${acronym}) said the ${acronym} would publish its figures for ${pick(random, PLACES)} next month.`,
      () => `Officials in ${pick(random, PLACES)} said the harbour would stay open while engineers checked the bridge.`,
      () => `${person()}, a long-serving member of the council, said the plan for ${pick(random, PLACES)} had wide support.`,
    ];
    return pick(random, templates)();
  };
  const paragraphs = ['Ferry talks resume as harbour towns wait for a decision', 'Ministers from both islands meet again after months of delay over the new crossing'];
  let count = paragraphs.join(' ').split(/\s+/).length;
  while (count < words) {
    const p = Array.from({ length: 3 }, sentence).join(' ');
    paragraphs.push(p);
    count += p.split(/\s+/).length;
  }
  return paragraphs;
}
