/**
 * Generated reading packs (source.origin "reading", as "Add this article" makes them) for tests
 * and measurements of storage at scale: valid for the validator, each with its article's
 * paragraphs (about `paragraphs` × 300 bytes of text) and a few entities, some shared between
 * packs (the same people and places in many articles) and some of its own.
 */
import type { Entity, KnowledgeBase } from '../../src/kb/types';

const SHARED = ['Mara Quell', 'Tobin Ashgrove', 'Lisvane', 'Corrin Bay', 'Harrowgate Council', 'Delphine Ostrava', 'Kettering Port', 'Ysolde Marchetti'];
const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Pack number `n` (0-based) of a generated reading memory; `ownNames` names of its own (default
 * 1, "Reporter Number<n>"; more are "Witness Number<n> K<k>") besides two shared ones.
 */
export function readingPack(n: number, options: { paragraphs?: number; added?: string; ownNames?: number } = {}): KnowledgeBase {
  const count = options.paragraphs ?? 40;
  const own = [`Reporter Number${n}`, ...Array.from({ length: (options.ownNames ?? 1) - 1 }, (_, k) => `Witness Number${n} K${k + 1}`)];
  const shared = [SHARED[n % SHARED.length]!, SHARED[(n * 3 + 1) % SHARED.length]!].filter((v, i, a) => a.indexOf(v) === i);
  const names = [...shared, ...own];
  const paragraphs = [`Story number ${n} about ${shared[0]}`, ''];
  for (let p = 3; p <= count; p++) {
    const who = names[p % names.length]!;
    paragraphs.push(
      `${who} spoke about item ${p} of story ${n} on a quiet morning. ` +
        `The council heard from residents who had waited for news of the harbour works for many months, and who said so at length. ` +
        `Officials promised a fuller account of paragraph ${p} later in the week, once the figures were checked.`,
    );
  }
  const entities: Entity[] = names.map((name, i) => {
    const firstParagraph = paragraphs.findIndex((t, k) => k >= 2 && t.startsWith(name)) + 1;
    const sentence = paragraphs[firstParagraph - 1]!.split('. ')[0]! + '.';
    return {
      id: kebab(name),
      name,
      type: i >= shared.length || name.includes(' ') ? 'person' : 'place',
      description: `${name}, as named in story ${n}.`,
      role: sentence,
      facts: [{ text: sentence, paragraphs: [firstParagraph] }],
      quotes: [],
      related: [],
      aliases: [{ form: name }],
    };
  });
  return generatedReadingPack(`reading-${String(n).padStart(5, '0')}`, n, paragraphs, entities, options.added);
}

/**
 * A generated article's pack as "Add this article" stores it: number `n`'s outlet, address and
 * dates, its paragraphs (the first is the headline, the third the summary) and its entities.
 */
export function generatedReadingPack(id: string, n: number, paragraphs: string[], entities: Entity[], added?: string): KnowledgeBase {
  return {
    schemaVersion: 2,
    source: {
      id,
      outlet: `Outlet ${n % 17}`,
      headline: paragraphs[0]!,
      standfirst: '',
      summary: paragraphs[2]!,
      paragraphCount: paragraphs.length,
      url: `https://news.example.org/story/${n}`,
      published: `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
      added: added ?? new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      origin: 'reading',
      paragraphs,
    },
    matching: { allowedNeighbours: ['The', 'Mr', 'Ms'] },
    entities,
  };
}
