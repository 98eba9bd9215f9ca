/**
 * Content checks of the built-in knowledge base, data/bali-talks.json.
 *
 * The first group needs nothing but the file. The second checks the file against the source
 * article and the core-entity list in ../shared; when ../shared is missing it prints one line and
 * registers nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_QUOTE_WORDS, validateKnowledgeBase } from './validate';
import type { Entity, KnowledgeBase } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KB_FILE = 'data/bali-talks.json';
const ARTICLE = path.resolve(repoRoot, '../shared/source-article.txt');
const ENTITIES_MD = path.resolve(repoRoot, '../shared/eval/ENTITIES.md');

/** The 16 core ids of ../shared/eval/ENTITIES.md, kept here for runs without ../shared. */
const CORE_IDS = [
  'antony-blinken',
  'wang-yi',
  'sergei-lavrov',
  'joe-biden',
  'china',
  'united-states',
  'russia',
  'ukraine',
  'taiwan',
  'taiwan-strait',
  'south-china-sea',
  'tibet',
  'xinjiang',
  'bali',
  'indonesia',
  'g20',
] as const;

/** Only quotes may repeat the article word for word. */
const MAX_COPIED_WORDS = 7;
/**
 * Any pack's quotes are at most MAX_QUOTE_WORDS (the validator checks that); the built-in pack's
 * stay under 14 words, since the project's checks flag any 14-word run of the article.
 */
const MAX_BUILT_IN_QUOTE_WORDS = 13;

function loadKb(): KnowledgeBase {
  const result = validateKnowledgeBase(JSON.parse(readFileSync(path.join(repoRoot, KB_FILE), 'utf8')), KB_FILE);
  assert.deepEqual(result.errors, []);
  assert.ok(result.kb);
  return result.kb;
}

const kb = loadKb();
const byId = new Map(kb.entities.map((e) => [e.id, e]));
const core = new Set<string>(CORE_IDS);

/** Straight and curly quote marks and apostrophes are read alike. */
const normQuotes = (s: string): string => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `form` as a whole word or phrase of `text` (a possessive "’s" or a hyphen may follow). */
const occursAsWords = (form: string, text: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(normQuotes(form))}(?![\\p{L}\\p{N}])`, 'u').test(normQuotes(text));
const wordsOf = (s: string): string[] => normQuotes(s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

function textFields(e: Entity): [string, string][] {
  return [
    ['description', e.description],
    ['role', e.role],
    ...e.facts.map((f, i): [string, string] => [`facts[${i}]`, f.text]),
    ...e.related.map((r, i): [string, string] => [`related[${i}].how`, r.how]),
  ];
}

describe('data/bali-talks.json (self-contained checks)', () => {
  test('the source is the Guardian article of 17 paragraphs', () => {
    assert.equal(kb.source.id, 'bali-talks');
    assert.equal(kb.source.outlet, 'The Guardian');
    assert.equal(kb.source.paragraphCount, 17);
  });

  test('every core id is present', () => {
    assert.deepEqual(CORE_IDS.filter((id) => !byId.has(id)), []);
  });

  test('core entities have 2 to 5 facts; Blinken and Wang are quoted', () => {
    const wrong = CORE_IDS.filter((id) => {
      const n = byId.get(id)?.facts.length ?? 0;
      return n < 2 || n > 5;
    });
    assert.deepEqual(wrong, []);
    for (const id of ['antony-blinken', 'wang-yi']) {
      assert.ok(kb.entities.some((e) => e.quotes.some((q) => q.speaker === id)), `${id} is quoted`);
    }
  });

  test(`quotes are at most ${MAX_BUILT_IN_QUOTE_WORDS} words (any pack: ${MAX_QUOTE_WORDS})`, () => {
    const long = kb.entities.flatMap((e) =>
      e.quotes.filter((q) => q.text.trim().split(/\s+/).length > MAX_BUILT_IN_QUOTE_WORDS).map((q) => q.text),
    );
    assert.deepEqual(long, []);
  });

  test('no alias form belongs to two entities', () => {
    const owners = new Map<string, string[]>();
    for (const e of kb.entities) for (const a of e.aliases) owners.set(normQuotes(a.form), [...(owners.get(normQuotes(a.form)) ?? []), e.id]);
    assert.deepEqual([...owners].filter(([, ids]) => new Set(ids).size > 1), []);
  });

  test('aliases of further entities contain no core name', () => {
    const coreForms = kb.entities.filter((e) => core.has(e.id)).flatMap((e) => e.aliases.map((a) => a.form));
    const swallowing = kb.entities
      .filter((e) => !core.has(e.id))
      .flatMap((e) => e.aliases.filter((a) => coreForms.some((f) => occursAsWords(f, a.form))).map((a) => `${e.id}: ${a.form}`));
    assert.deepEqual(swallowing, []);
  });

  test('the alias rules the matcher relies on', () => {
    const alias = (id: string, form: string) => byId.get(id)?.aliases.find((a) => a.form === form);
    assert.deepEqual(
      byId.get('united-states')?.aliases.map((a) => a.form),
      ['United States', 'US', 'U.S.', 'USA', 'U.S.A.'],
    );
    assert.deepEqual(alias('united-states', 'US'), { form: 'US', exactCase: true, notInCapitalsRun: true });
    assert.equal(alias('united-states', 'U.S.')?.exactCase, true);
    assert.equal(alias('china', 'PRC')?.exactCase, true);
    assert.ok(alias('china', 'Beijing'), 'Beijing is an alias of china, not an entity');
    assert.ok(!byId.has('beijing'));
    assert.deepEqual(alias('wang-yi', 'Wang'), { form: 'Wang', secondReference: true, standalone: true });
    for (const [id, form] of [['antony-blinken', 'Blinken'], ['sergei-lavrov', 'Lavrov'], ['joe-biden', 'Biden']] as const) {
      assert.equal(alias(id, form)?.standalone, true, `${form} is standalone`);
    }
    assert.deepEqual(byId.get('joe-biden')?.neverMatch, ['Hunter Biden', 'Jill Biden']);
    assert.ok(byId.get('wang-yi')?.neverMatch?.includes('Vera Wang'));
    for (const form of ['G20', 'G-20']) {
      const context = alias('g20', form)?.requiresPageContext ?? [];
      for (const word of ['summit', 'ministers', 'leaders', 'diplomats', 'Group of Twenty', 'communique']) {
        assert.ok(context.includes(word), `${form} needs "${word}" as page context`);
      }
    }
    const allForms = kb.entities.flatMap((e) => e.aliases.map((a) => a.form));
    for (const ambiguous of ['America', 'Washington', 'Chinese', 'us']) assert.ok(!allForms.includes(ambiguous), ambiguous);
  });

  test('allowed neighbours take titles and sentence openers, not first names', () => {
    const words = new Set(kb.matching.allowedNeighbours);
    for (const w of ['Mr', 'Ms', 'President', 'Secretary', 'Minister', 'Foreign', 'But', 'When', 'The', 'Meanwhile', 'US', 'Chinese'])
      assert.ok(words.has(w), `${w} is allowed`);
    for (const w of ['Hunter', 'Jill', 'Vera', 'Wei', 'Sea', 'Strait']) assert.ok(!words.has(w), `${w} is not allowed`);
  });
});

const sharedPresent = existsSync(ARTICLE) && existsSync(ENTITIES_MD);
if (!sharedPresent) {
  console.log('# ../shared not found: skipping article checks');
} else {
  const lines = readFileSync(ARTICLE, 'utf8').replace(/\n+$/, '').split('\n');
  /** id → the "forms that are a mention of it" cell of ENTITIES.md's table. */
  const formsColumn = new Map<string, string>();
  for (const line of readFileSync(ENTITIES_MD, 'utf8').split('\n')) {
    const m = /^\|\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\|[^|]*\|([^|]*)\|/.exec(line);
    if (m?.[1] !== undefined && m[1] !== 'id' && m[2] !== undefined) formsColumn.set(m[1], m[2].trim());
  }

  describe('data/bali-talks.json against ../shared/source-article.txt', () => {
    test('headline, standfirst and paragraph count match the article', () => {
      assert.equal(kb.source.headline, lines[0]);
      assert.equal(kb.source.standfirst, lines[1]);
      assert.equal(kb.source.paragraphCount, lines.length);
    });

    test('ENTITIES.md lists the 16 core ids, and each exists', () => {
      assert.deepEqual([...formsColumn.keys()].sort(), [...CORE_IDS].sort());
      assert.deepEqual([...formsColumn.keys()].filter((id) => !byId.has(id)), []);
    });

    test('every cited paragraph exists and every related id exists', () => {
      const bad: string[] = [];
      for (const e of kb.entities) {
        for (const f of e.facts) for (const p of f.paragraphs) if (lines[p - 1] === undefined) bad.push(`${e.id}: fact paragraph ${p}`);
        for (const q of e.quotes) if (lines[q.paragraph - 1] === undefined) bad.push(`${e.id}: quote paragraph ${q.paragraph}`);
        for (const r of e.related) if (!byId.has(r.id)) bad.push(`${e.id}: related ${r.id}`);
      }
      assert.deepEqual(bad, []);
    });

    test('every quote appears verbatim in its cited paragraph', () => {
      const missing = kb.entities.flatMap((e) =>
        e.quotes.filter((q) => !normQuotes(lines[q.paragraph - 1] ?? '').includes(normQuotes(q.text))).map((q) => `${e.id}: ${q.text}`),
      );
      assert.deepEqual(missing, []);
    });

    test('every alias form occurs in the article or is a variant named in ENTITIES.md', () => {
      const article = lines.join('\n');
      const unsupported = kb.entities.flatMap((e) =>
        e.aliases
          .filter((a) => !occursAsWords(a.form, article) && !occursAsWords(a.form, formsColumn.get(e.id) ?? ''))
          .map((a) => `${e.id}: ${a.form}`),
      );
      assert.deepEqual(unsupported, []);
    });

    test(`no text field copies more than ${MAX_COPIED_WORDS} consecutive words of the article`, () => {
      const n = MAX_COPIED_WORDS + 1;
      const grams = new Set<string>();
      for (const line of lines) {
        const w = wordsOf(line);
        for (let i = 0; i + n <= w.length; i++) grams.add(w.slice(i, i + n).join(' '));
      }
      const copies: string[] = [];
      const check = (where: string, text: string): void => {
        const w = wordsOf(text);
        for (let i = 0; i + n <= w.length; i++) {
          const gram = w.slice(i, i + n).join(' ');
          if (grams.has(gram)) copies.push(`${where}: "${gram}"`);
        }
      };
      check('source.summary', kb.source.summary);
      for (const e of kb.entities) for (const [field, text] of textFields(e)) check(`${e.id} ${field}`, text);
      assert.deepEqual(copies, []);
    });
  });
}
