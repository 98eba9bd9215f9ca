import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countSentences, validateKnowledgeBase } from './validate';
import type { KnowledgeBase } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = 'packs/test.json';

/** A small valid pack; every broken case mutates a deep copy of it. */
const FIXTURE: KnowledgeBase = {
  schemaVersion: 2,
  source: {
    id: 'test-pack',
    outlet: 'The Example Times',
    headline: 'Two ministers meet at a lakeside resort',
    standfirst: 'A short standfirst.',
    summary: 'Two ministers met at a resort. They talked for a day. Nothing was agreed.',
    paragraphCount: 5,
  },
  matching: { allowedNeighbours: ['Mr', 'President', 'But'] },
  entities: [
    {
      id: 'ana-lind',
      name: 'Ana Lind',
      type: 'person',
      description: 'Foreign minister of Examplia.',
      role: 'She hosted the talks. She spoke to reporters afterwards.',
      facts: [
        { text: 'She hosted the meeting.', paragraphs: [2] },
        { text: 'She said talks would go on.', paragraphs: [3, 4] },
      ],
      quotes: [{ text: 'We will keep talking', speaker: 'ana-lind', paragraph: 3 }],
      related: [{ id: 'examplia', how: 'is the foreign minister of' }],
      aliases: [{ form: 'Ana Lind' }, { form: 'Lind', standalone: true }],
      neverMatch: ['Jenny Lind'],
    },
    {
      id: 'examplia',
      name: 'Examplia',
      type: 'country',
      description: 'A country.',
      role: 'Its minister hosted the talks. Its capital was the venue.',
      facts: [{ text: 'It hosted the meeting.', paragraphs: [2] }],
      quotes: [],
      related: [],
      aliases: [{ form: 'Examplia' }, { form: 'EX', exactCase: true, notInCapitalsRun: true }],
    },
  ],
};

const copy = (): KnowledgeBase => structuredClone(FIXTURE);

/**
 * The fixture as a reading pack: the paragraphs are the article's own, facts and quotes are its
 * sentences (straight or curly quote marks, any white space), prose rules do not apply.
 */
function readingPack(): KnowledgeBase {
  const kb = copy();
  Object.assign(kb.source, {
    origin: 'reading',
    url: 'https://example.org/news/lakeside',
    published: '2026-11-02T09:30:00Z',
    added: '2026-12-03T08:00:00.000Z',
    language: 'en-GB',
    byline: 'A Reporter',
    standfirst: '',
    summary: 'Two ministers met.',
    paragraphs: [
      'Two ministers meet at a lakeside resort',
      '',
      'Ana Lind hosted the meeting at the resort on Tuesday.',
      '“We will keep talking,” Lind told reporters.  Examplia hosted it.',
      'Nothing was agreed.',
    ],
  });
  kb.entities[0]!.role = 'Ana Lind hosted the meeting at the resort on Tuesday.';
  kb.entities[0]!.facts = [{ text: 'Ana Lind hosted the meeting at the resort on Tuesday.', paragraphs: [3] }];
  kb.entities[0]!.quotes = [{ text: 'We will keep talking', speaker: 'ana-lind', paragraph: 4 }];
  kb.entities[1]!.facts = [{ text: 'Examplia hosted it.', paragraphs: [4] }];
  kb.entities[1]!.role = 'Examplia hosted it.';
  return kb;
}
/** A deep copy as a loose record, for mutations the schema type forbids (typos, wrong types). */
const loose = (): Record<string, any> => structuredClone(FIXTURE) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BROKEN: [string, () => unknown, string[]][] = [
  ['a JSON array instead of an object', () => [], [`${FILE}: must be a JSON object with schemaVersion, source, matching and entities, not a list`]],
  [
    'an unsupported schema version',
    () => ({ ...copy(), schemaVersion: 3 }),
    [`${FILE}: schemaVersion: version number 3 is not supported (supported: 1, 2)`],
  ],
  [
    'a missing schema version',
    () => {
      const kb = loose();
      delete kb.schemaVersion;
      return kb;
    },
    [`${FILE}: schemaVersion: missing (supported: 1, 2)`],
  ],
  [
    'a typo in an entity field',
    () => {
      const kb = loose();
      kb.entities[0].facst = kb.entities[0].facts;
      delete kb.entities[0].facts;
      return kb;
    },
    [`${FILE}: entity "ana-lind": unknown field "facst" (did you mean "facts"?)`, `${FILE}: entity "ana-lind": facts: missing (a list)`],
  ],
  [
    'an unknown alias flag',
    () => {
      const kb = loose();
      kb.entities[1].aliases[1].caseSensitive = true;
      return kb;
    },
    [
      `${FILE}: entity "examplia": aliases[1]: unknown field "caseSensitive" (expected one of: form, exactCase, secondReference, standalone, notInCapitalsRun, requiresPageContext, contextFromPack)`,
    ],
  ],
  [
    'a paragraph beyond the article',
    () => {
      const kb = copy();
      kb.entities[0]!.facts[1]!.paragraphs = [3, 19];
      return kb;
    },
    [`${FILE}: entity "ana-lind": facts[1].paragraphs[1]: paragraph 19 does not exist (the source has 5)`],
  ],
  [
    'a paragraph that is not a whole number',
    () => {
      const kb = loose();
      kb.entities[0].quotes[0].paragraph = '3';
      kb.entities[1].facts[0].paragraphs = [0];
      return kb;
    },
    [
      `${FILE}: entity "ana-lind": quotes[0].paragraph: must be a whole paragraph number, not "3"`,
      `${FILE}: entity "examplia": facts[0].paragraphs[0]: paragraph 0 does not exist (paragraphs are numbered from 1)`,
    ],
  ],
  [
    'an entity type that does not exist',
    () => {
      const kb = loose();
      kb.entities[1].type = 'nation';
      return kb;
    },
    [`${FILE}: entity "examplia": type: "nation" is not a type (one of: person, country, place, organisation, topic)`],
  ],
  [
    'an id that is not kebab-case, and an entity with no id',
    () => {
      const kb = loose();
      kb.entities[1].id = 'Examplia';
      kb.entities[1].related = [{ id: 'ana-lind', how: 'is home to' }];
      delete kb.entities[0].id;
      kb.entities[0].related = [];
      kb.entities[0].quotes = [];
      return kb;
    },
    [
      `${FILE}: entities[0]: id: missing (a non-empty string)`,
      `${FILE}: entity "Examplia": id: "Examplia" must be kebab-case (lower-case words joined by "-", like "wang-yi")`,
      `${FILE}: entity "Examplia": related[0].id: no entity has the id "ana-lind"`,
    ],
  ],
  [
    'two entities with the same id',
    () => {
      const kb = copy();
      kb.entities[1]!.id = 'ana-lind';
      return kb;
    },
    [
      `${FILE}: entity "ana-lind": id: "ana-lind" is used by another entity too (entities[0])`,
      `${FILE}: entity "ana-lind": related[0].id: no entity has the id "examplia"`,
    ],
  ],
  [
    'a quote whose speaker is not a person',
    () => {
      const kb = copy();
      kb.entities[0]!.quotes[0]!.speaker = 'examplia';
      return kb;
    },
    [`${FILE}: entity "ana-lind": quotes[0].speaker: "examplia" is a country, not a person`],
  ],
  [
    'a quote whose speaker does not exist',
    () => {
      const kb = copy();
      kb.entities[0]!.quotes[0]!.speaker = 'ana-lindh';
      return kb;
    },
    [`${FILE}: entity "ana-lind": quotes[0].speaker: no entity has the id "ana-lindh"`],
  ],
  [
    'a quote that is too long',
    () => {
      const kb = copy();
      kb.entities[0]!.quotes[0]!.text = Array.from({ length: 26 }, (_, i) => `word${i}`).join(' ');
      return kb;
    },
    [`${FILE}: entity "ana-lind": quotes[0].text: must be a short quote of at most 25 words (found 26)`],
  ],
  [
    'an entity related to itself',
    () => {
      const kb = copy();
      kb.entities[0]!.related.push({ id: 'ana-lind', how: 'is' });
      return kb;
    },
    [`${FILE}: entity "ana-lind": related[1].id: an entity cannot be related to itself`],
  ],
  [
    'an alias that belongs to another entity',
    () => {
      const kb = copy();
      kb.entities[1]!.aliases.push({ form: 'Lind' });
      return kb;
    },
    [`${FILE}: entity "examplia": aliases[2].form: "Lind" is already an alias of entity "ana-lind"`],
  ],
  [
    'an alias whose capitals clash with another entity\'s alias',
    () => {
      const kb = copy();
      kb.entities[0]!.aliases.push({ form: 'Ex' });
      return kb;
    },
    [`${FILE}: entity "examplia": aliases[1].form: "EX" clashes with the alias "Ex" of entity "ana-lind" (both match "EX")`],
  ],
  [
    'an empty alias and an alias listed twice',
    () => {
      const kb = copy();
      kb.entities[0]!.aliases.push({ form: '  ' }, { form: 'Lind', standalone: true });
      return kb;
    },
    [
      `${FILE}: entity "ana-lind": aliases[2].form: must not be empty`,
      `${FILE}: entity "ana-lind": aliases[3].form: "Lind" is listed twice`,
    ],
  ],
  [
    'a neverMatch phrase without any of the aliases',
    () => {
      const kb = copy();
      kb.entities[0]!.neverMatch = ['Jenny Lind', 'Anna Linde'];
      return kb;
    },
    [`${FILE}: entity "ana-lind": neverMatch[1]: "Anna Linde" contains none of this entity's aliases, so it can never apply`],
  ],
  [
    'empty and blank page-context lists',
    () => {
      const kb = loose();
      kb.entities[1].aliases[0].requiresPageContext = [];
      kb.entities[1].aliases[1].requiresPageContext = ['minister', ''];
      return kb;
    },
    [
      `${FILE}: entity "examplia": aliases[0].requiresPageContext: must list at least one word or phrase (or be left out)`,
      `${FILE}: entity "examplia": aliases[1].requiresPageContext[1]: must not be empty`,
    ],
  ],
  [
    'a page-context phrase that would swallow another alias',
    () => {
      const kb = copy();
      kb.entities[1]!.aliases[0]!.requiresPageContext = ['minister', 'Ana Lind visit', 'Examplia'];
      return kb;
    },
    [`${FILE}: entity "examplia": aliases[0].requiresPageContext[1]: "Ana Lind visit" contains the alias "Ana Lind" of entity "ana-lind" and would hide its mentions`],
  ],
  [
    'a non-boolean alias flag',
    () => {
      const kb = loose();
      kb.entities[0].aliases[1].standalone = 'yes';
      return kb;
    },
    [`${FILE}: entity "ana-lind": aliases[1].standalone: must be true or false, not "yes"`],
  ],
  [
    'a summary of two sentences and a role of one',
    () => {
      const kb = copy();
      kb.source.summary = 'Two ministers met. Nothing was agreed.';
      kb.entities[1]!.role = 'Its minister hosted the talks.';
      return kb;
    },
    [
      `${FILE}: source.summary: must be 3 to 5 sentences (found 2)`,
      `${FILE}: entity "examplia": role: must be 2 to 4 sentences (found 1)`,
    ],
  ],
  [
    'empty required strings and a fact of two sentences',
    () => {
      const kb = copy();
      kb.source.outlet = '';
      kb.entities[0]!.description = ' ';
      kb.entities[0]!.facts[0]!.text = 'She hosted the meeting. It went well.';
      return kb;
    },
    [
      `${FILE}: source.outlet: must not be empty`,
      `${FILE}: entity "ana-lind": description: must not be empty`,
      `${FILE}: entity "ana-lind": facts[0].text: must be one sentence (found 2)`,
    ],
  ],
  [
    'a fact that cites nothing and a bad paragraph count',
    () => {
      const kb = copy();
      kb.source.paragraphCount = 0;
      kb.entities[1]!.facts[0]!.paragraphs = [];
      return kb;
    },
    [
      `${FILE}: source.paragraphCount: must be a whole number of at least 1, not number 0`,
      `${FILE}: entity "examplia": facts[0].paragraphs: must cite at least one paragraph`,
    ],
  ],
  [
    'allowed neighbours that are not capitalised words',
    () => {
      const kb = copy();
      kb.matching.allowedNeighbours.push('the', 'Mr', 'Vice President');
      return kb;
    },
    [
      `${FILE}: matching.allowedNeighbours[3]: "the" must be one capitalised word`,
      `${FILE}: matching.allowedNeighbours[4]: "Mr" is listed twice`,
      `${FILE}: matching.allowedNeighbours[5]: "Vice President" must be one capitalised word`,
    ],
  ],
  [
    'version 2 source fields of the wrong form',
    () => {
      const kb = loose();
      Object.assign(kb.source, { url: 'javascript:alert(1)', published: '9 July 2022', added: '2026-13-45', language: 'English', origin: 'found' });
      return kb;
    },
    [
      `${FILE}: source.url: "javascript:alert(1)" is not an http or https address`,
      `${FILE}: source.published: "9 July 2022" is not a date like "2022-07-09" or "2022-07-09T10:31:00Z"`,
      `${FILE}: source.added: "2026-13-45" is not a date like "2022-07-09" or "2022-07-09T10:31:00Z"`,
      `${FILE}: source.language: "English" is not a language tag like "en" or "en-GB"`,
      `${FILE}: source.origin: "found" is not an origin (one of: authored, reading)`,
    ],
  ],
  [
    'a reading pack without its paragraphs',
    () => {
      const kb = copy();
      kb.source.origin = 'reading';
      return kb;
    },
    [`${FILE}: source.paragraphs: missing (a reading pack keeps the text of every paragraph it cites)`],
  ],
  [
    'a reading pack whose fact and quote are not in the paragraphs they cite',
    () => {
      const kb = readingPack();
      kb.entities[0]!.facts[0]!.text = 'Ana Lind hosted nobody.';
      kb.entities[0]!.quotes[0]!.text = 'We will stop talking';
      return kb;
    },
    [
      `${FILE}: entity "ana-lind": facts[0].text: not found verbatim in paragraph 3`,
      `${FILE}: entity "ana-lind": quotes[0].text: not found verbatim in paragraph 4`,
    ],
  ],
  [
    'paragraph texts that do not match the paragraph count',
    () => {
      const kb = readingPack();
      kb.source.paragraphs = kb.source.paragraphs!.slice(0, 4);
      return kb;
    },
    [`${FILE}: source.paragraphs: has 4 paragraphs but paragraphCount is 5`],
  ],
  [
    'a misspelt top-level field',
    () => {
      const kb = loose();
      kb.entites = kb.entities;
      delete kb.entities;
      return kb;
    },
    [`${FILE}: unknown field "entites" (did you mean "entities"?)`, `${FILE}: entities: missing (a list)`],
  ],
];

describe('validateKnowledgeBase', () => {
  test('the built-in knowledge base has no errors', () => {
    const file = 'data/bali-talks.json';
    const result = validateKnowledgeBase(JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')), file);
    assert.deepEqual(result.errors, []);
    assert.equal(result.kb?.source.id, 'bali-talks');
  });

  test('the fixture is valid, and comes back as the knowledge base', () => {
    const value = copy();
    const result = validateKnowledgeBase(value, FILE);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.kb, value);
  });

  test('a version 1 pack is read as version 2, unchanged otherwise', () => {
    const v1 = { ...copy(), schemaVersion: 1 };
    const result = validateKnowledgeBase(v1, FILE);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.kb, { ...v1, schemaVersion: 2 });
  });

  test('a reading pack: verbatim facts and quotes, an empty standfirst, no prose rules', () => {
    const result = validateKnowledgeBase(readingPack(), FILE);
    assert.deepEqual(result.errors, []);
    assert.equal(result.kb?.source.origin, 'reading');
  });

  for (const [name, make, expected] of BROKEN) {
    test(`reports ${name}`, () => {
      const result = validateKnowledgeBase(make(), FILE);
      assert.deepEqual(result.errors, expected);
      assert.equal(result.kb, undefined);
    });
  }

  test('does not modify what it validates', () => {
    const value = copy();
    value.entities[0]!.facts[0]!.paragraphs = [99];
    const before = structuredClone(value);
    validateKnowledgeBase(value, FILE);
    assert.deepEqual(value, before);
  });
});

describe('countSentences', () => {
  const cases: [string, number][] = [
    ['One.', 1],
    ['No full stop at the end', 1],
    ['Mr. Wang met the U.S. envoy. They talked.', 2],
    ['He said: “We will talk.” Then he left!', 2],
    ['Is it over? Nobody knows. 2024 was hard.', 3],
    ['Version 1.5 is out.', 1],
    ['', 0],
  ];
  for (const [text, n] of cases) test(JSON.stringify(text), () => assert.equal(countSentences(text), n));
});
