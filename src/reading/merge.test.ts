// Merging names into entities, and their types: second references, capitals, acronyms, case,
// linking to the packs a reader has.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/types';
import { mergeNames } from './merge';
import { findNames } from './names';
import { ALL_ON } from './switches';

const builtIn = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/bali-talks.json'), 'utf8')) as KnowledgeBase;

/** name <type>: forms, for the entities of a fictional body. */
function entities(body: string[], known: KnowledgeBase[] = []): string[] {
  const { mentions } = findNames(['A headline for the test page', '', ...body], ALL_ON);
  return mergeNames(mentions, ALL_ON, known)
    .map((c) => `${c.name} <${c.type}>${c.known ? ` =${c.known.entity.id}` : ''}: ${[...c.forms].sort().join(', ')}`)
    .sort();
}

describe('mergeNames', () => {
  test('second references: surname, family name first, first name; titles already off', () => {
    assert.deepEqual(
      entities([
        'Ambassador Gordon Sondland told the committee he had acted alone.',
        'Sondland said that Ambassador Sondland was a title he liked.',
        'Li Wenhua, the chief envoy, disagreed. Li said the talks had failed.',
        'Katharine McPhee sang. Katharine said it went well.',
      ]),
      ['Gordon Sondland <person>: Gordon Sondland, Sondland', 'Katharine McPhee <person>: Katharine, Katharine McPhee', 'Li Wenhua <person>: Li, Li Wenhua'],
    );
  });

  test('a surname two people share goes to the one named most', () => {
    const found = entities(['Hori Parata spoke. Hori Parata wept. Te Kaurinui Parata listened. Parata said it was sad.']);
    assert.ok(found.includes('Hori Parata <person>: Hori Parata, Parata'), found.join(' | '));
  });

  test('country forms and capitals: "U.S." and "United States" are one; Beijing is China when China is named', () => {
    assert.deepEqual(entities(['The U.S. and the United States agreed. Beijing protested; China said no.']), ['China <country>: Beijing, China', 'United States <country>: U.S., United States']);
    assert.deepEqual(entities(['Officials in Beijing protested.']), ['Beijing <place>: Beijing'], 'a capital alone is a place');
  });

  test('acronyms: in brackets after the name, or its initials; never a person’s initials', () => {
    assert.deepEqual(entities(['The Baltic Ferry Company (BFC) sailed. BFC said so.']), ['Baltic Ferry Company <organisation>: BFC, Baltic Ferry Company']);
    assert.deepEqual(entities(['The International Harbour Fund will lend. The IHF said so.']), ['International Harbour Fund <organisation>: IHF, International Harbour Fund']);
    assert.deepEqual(entities(['Maren Mikkelsen wrote it and signed it MM in red.']), ['MM <organisation>: MM', 'Maren Mikkelsen <person>: Maren Mikkelsen']);
  });

  test('a dateline in capitals and the name in running text are one', () => {
    assert.deepEqual(entities(['KELVIK, Norland — The mayor of Kelvik spoke in Kelvik.']), ['Kelvik <place>: KELVIK, Kelvik', 'Norland <place>: Norland']);
  });

  test('types from head words and the words around: organisations, places, people', () => {
    const found = entities([
      'The Eastmere Harbour Trust met the Ministry of Ferries in Kelvik.',
      'Tomas Quill said the Norland Strait was calm.',
    ]);
    assert.deepEqual(found, [
      'Eastmere Harbour Trust <organisation>: Eastmere Harbour Trust',
      'Kelvik <place>: Kelvik',
      'Ministry of Ferries <organisation>: Ministry of Ferries',
      'Norland Strait <place>: Norland Strait',
      'Tomas Quill <person>: Tomas Quill',
    ]);
  });

  test('linked to the built-in pack: its ids and names; "Biden administration" and "Wang" join their people', () => {
    const found = entities(['The Biden administration sent Antony Blinken to meet Wang Yi. Wang said little.'], [builtIn]);
    assert.deepEqual(found, ['Antony Blinken <person> =antony-blinken: Antony Blinken', 'Joe Biden <person> =joe-biden: Biden', 'Wang Yi <person> =wang-yi: Wang, Wang Yi']);
  });

  test('without known packs the same names are found, with the article’s own names', () => {
    assert.deepEqual(entities(['The Biden administration sent Antony Blinken to meet Wang Yi. Wang said little.']), [
      'Antony Blinken <person>: Antony Blinken',
      'Biden <person>: Biden',
      'Wang Yi <person>: Wang, Wang Yi',
    ]);
  });
});
