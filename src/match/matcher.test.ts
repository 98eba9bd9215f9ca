import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileMatcher } from './compile';
import { matcherFromCompiled } from './matcher';
import { PageMentions } from './page-mentions';
import { entity, testKnowledgeBase } from './fixtures';
import { ENTITY_TYPES } from '../kb/types';

const { compiled } = compileMatcher([testKnowledgeBase()]);
const matcher = matcherFromCompiled(compiled);
const allTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<(typeof ENTITY_TYPES)[number], boolean>;

/** Mentions of one text as "id:text", after the page rules, with the text alone as the page. */
function marks(...texts: string[]): string[] {
  const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes });
  const placed = page.add(texts.map((node) => ({ node, result: matcher.scan(node) })));
  return placed.map((p) => `${matcher.entityId(p.mention.entity)}:${p.node.slice(p.mention.start, p.mention.end)}`);
}

describe('whole words with Unicode-aware boundaries', () => {
  test('a name between spaces and punctuation matches', () => {
    assert.deepEqual(marks('Talks with China, and Russia.'), ['china:China', 'russia:Russia']);
  });
  test('never inside a longer word, in any script', () => {
    assert.deepEqual(marks('Chinatown, Russians, Ukrainex, ChinaÉ, éChina, China2, 2China'), []);
  });
  test('a combining mark after a name makes it another word', () => {
    assert.deepEqual(marks('China\u0301'), []);
  });
  test('possessives match, straight and curly', () => {
    assert.deepEqual(marks('Blinken’s trip and Russia\'s war'), ['antony-blinken:Blinken', 'russia:Russia']);
  });
  test('hyphenated compounds match both names', () => {
    assert.deepEqual(marks('US-China ties and the Russia-Ukraine war'), [
      'united-states:US',
      'china:China',
      'russia:Russia',
      'ukraine:Ukraine',
    ]);
  });
  test('white space inside a name may be a no-break space or a line break', () => {
    assert.deepEqual(marks('Antony\u00a0Blinken met Wang\n  Yi'), ['antony-blinken:Antony\u00a0Blinken', 'wang-yi:Wang\n  Yi']);
  });
  test('a curly apostrophe inside a form matches', () => {
    assert.deepEqual(marks('the People’s Republic of China'), ['china:People’s Republic of China']);
  });
});

describe('invisible characters inside names', () => {
  const SHY = '\u00ad';
  test('a soft hyphen or a zero-width character inside a name still matches, and the match covers it', () => {
    for (const ch of [SHY, '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      assert.deepEqual(marks(`Antony Blin${ch}ken met Wang${ch} Yi in Chi${ch}${ch}na.`), [
        `antony-blinken:Antony Blin${ch}ken`,
        `wang-yi:Wang${ch} Yi`,
        `china:Chi${ch}${ch}na`,
      ], `U+${ch.charCodeAt(0).toString(16)}`);
    }
  });
  test('the mention spans the original characters, so the text is wrapped as it stands', () => {
    const text = `Talks with Blin${SHY}ken.`;
    const [m] = matcher.scan(text).mentions;
    assert.deepEqual([m!.start, m!.end], [11, 19]);
    assert.equal(text.slice(m!.start, m!.end), `Blin${SHY}ken`);
  });
  test('invisible characters around a name are not part of the match', () => {
    assert.deepEqual(marks(`(${SHY}China${SHY}) and \u200bRussia\u200b.`), ['china:China', 'russia:Russia']);
  });
  test('a name joined to a longer word by an invisible character is still inside that word', () => {
    assert.deepEqual(marks(`China${SHY}town, Russia\u200bns, anti\u200dChina`), []);
  });
  test('a zero-width space between two words does not make them one name with a space', () => {
    assert.deepEqual(marks('Wang\u200bYi'), []);
  });
  test('the rules around a name read through invisible characters', () => {
    assert.deepEqual(marks(`Hun${SHY}ter Bi${SHY}den and Jill Biden`), [], 'never-match phrase and capitalised neighbour');
    assert.deepEqual(marks(`President${SHY} Bi${SHY}den`), [`joe-biden:Bi${SHY}den`]);
    assert.deepEqual(marks(`FOL${SHY}LOW US ON`), [], 'capitals run');
  });
});

describe('the longest match wins', () => {
  test('South China Sea is one mention, not also China', () => {
    assert.deepEqual(marks('disputes in the South China Sea'), ['south-china-sea:South China Sea']);
  });
  test('Taiwan Strait is not also Taiwan, in either spelling', () => {
    assert.deepEqual(marks('across the Taiwan Strait and the Taiwan strait'), [
      'taiwan-strait:Taiwan Strait',
      'taiwan-strait:Taiwan strait',
    ]);
  });
  test('Taiwan alone is Taiwan, even when a longer form starts the same way', () => {
    assert.deepEqual(marks('Taiwan Stra is not a strait; Taiwan is'), ['taiwan:Taiwan', 'taiwan:Taiwan']);
  });
  test('Wang Yi is one mention', () => {
    assert.deepEqual(marks('Wang Yi said'), ['wang-yi:Wang Yi']);
  });
  test('Antony Blinken is one mention, not also Blinken', () => {
    assert.deepEqual(marks('Antony Blinken said'), ['antony-blinken:Antony Blinken']);
  });
});

describe('case', () => {
  test('forms match as written and in capitals', () => {
    assert.deepEqual(marks('CHINA CHIPS and China'), ['china:CHINA', 'china:China']);
  });
  test('china in lower case is porcelain, never the country', () => {
    assert.deepEqual(marks('fine china and bone china'), []);
  });
  test('US never matches us or Us', () => {
    assert.deepEqual(marks('tell us, About Us, the US'), ['united-states:US']);
  });
  test('an exact-case form does not match in another case', () => {
    assert.deepEqual(marks('the prc and the Prc and the PRC'), ['china:PRC']);
  });
  test('U.S. matches with its full stops', () => {
    assert.deepEqual(marks('the U.S. economy, U.S.-China'), ['united-states:U.S.', 'united-states:U.S.', 'china:China']);
  });
});

describe('capitals runs', () => {
  test('US in a run of capital words is not the country', () => {
    assert.deepEqual(marks('FOLLOW US ON SOCIAL MEDIA'), []);
    assert.deepEqual(marks('JOIN US Full Coverage'), []);
  });
  test('US next to ordinary words still is', () => {
    assert.deepEqual(marks('US gun laws'), ['united-states:US']);
  });
});

describe('never-match contexts', () => {
  test('Hunter Biden is not Joe Biden; Joe Biden and Biden are', () => {
    assert.deepEqual(marks('Hunter Biden, Joe Biden and Biden'), ['joe-biden:Joe Biden', 'joe-biden:Biden']);
  });
  test('South China Morning Post is not China', () => {
    assert.deepEqual(marks('South China Morning Post reported'), []);
  });
  test('a never-match phrase in capitals is still not a mention', () => {
    assert.deepEqual(marks('HUNTER BIDEN'), []);
  });
});

describe('part of another person’s name', () => {
  test('a capitalised first name before a standalone surname rejects it', () => {
    assert.deepEqual(marks('Jill Biden and Beau Biden'), []);
  });
  test('titles and sentence openers do not', () => {
    assert.deepEqual(marks('President Biden met Mr Wang Yi. But Biden said'), [
      'joe-biden:Biden',
      'wang-yi:Wang Yi',
      'joe-biden:Biden',
    ]);
  });
  test('a word that ends a sentence is not part of the name', () => {
    assert.deepEqual(marks('He met Hunter. Biden said no.'), ['joe-biden:Biden']);
  });
  test('a full name in a title-case headline still counts', () => {
    assert.deepEqual(marks('Blinken Meets Wang Yi In Bali'), ['antony-blinken:Blinken', 'wang-yi:Wang Yi']);
  });
});

describe('second references', () => {
  test('a bare Wang counts on a page that names Wang Yi', () => {
    assert.deepEqual(marks('Wang Yi arrived.', 'Later, Wang said'), ['wang-yi:Wang Yi', 'wang-yi:Wang']);
  });
  test('a bare Wang on a page that never names Wang Yi does not', () => {
    assert.deepEqual(marks('Later, Wang said'), []);
  });
  test('never as part of another name, before or after', () => {
    assert.deepEqual(marks('Wang Yi arrived.', 'Vera Wang and Wang Wei and Lee Wang'), ['wang-yi:Wang Yi']);
  });
  test('a full name found later unlocks an earlier second reference', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes });
    const first = page.add([{ node: 'Wang said', result: matcher.scan('Wang said') }]);
    assert.equal(first.length, 0);
    const later = page.add([{ node: 'Wang Yi', result: matcher.scan('Wang Yi') }]);
    assert.deepEqual(later.map((p) => p.node), ['Wang said', 'Wang Yi']);
  });
  test('found() keeps the order of first appearance when a later batch unlocks an earlier mention', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: true, types: allTypes });
    page.add([{ node: 'Wang said', result: matcher.scan('Wang said') }]);
    page.add([{ node: 'China said', result: matcher.scan('China said') }]);
    const later = page.add([{ node: 'Wang Yi and China', result: matcher.scan('Wang Yi and China') }]);
    assert.deepEqual(later.map((p) => p.node), ['Wang said'], 'first mention only: the earlier Wang is the one marked');
    assert.deepEqual(page.found(), [
      { id: 'wang-yi', count: 2 },
      { id: 'china', count: 2 },
    ]);
  });
  test('a waiting mention whose text left the page is dropped', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes });
    page.add([{ node: 'Wang said', result: matcher.scan('Wang said') }]);
    const later = page.add([{ node: 'Wang Yi', result: matcher.scan('Wang Yi') }], (n) => n !== 'Wang said');
    assert.deepEqual(later.map((p) => p.node), ['Wang Yi']);
  });
});

describe('lines in capitals', () => {
  test('a second reference in an all-caps headline counts on a page that names Wang Yi', () => {
    assert.deepEqual(marks('Wang Yi arrived.', 'WANG WARNS US OVER TAIWAN'), ['wang-yi:Wang Yi', 'wang-yi:WANG', 'taiwan:TAIWAN']);
  });
  test('…and not on a page that never names him', () => {
    assert.deepEqual(marks('WANG WARNS OF DELAYS'), []);
  });
  test('a capitalised first name in capitals still makes another person’s name', () => {
    assert.deepEqual(marks('Wang Yi arrived.', 'VERA WANG OPENS A STORE', 'WANG WEI SAID', 'BEAU BIDEN'), ['wang-yi:Wang Yi']);
  });
  test('allowed neighbours are recognised in capitals', () => {
    assert.deepEqual(marks('PRESIDENT BIDEN AND SECRETARY BLINKEN'), ['joe-biden:BIDEN', 'antony-blinken:SECRETARY BLINKEN']);
  });
  test('a neighbour in capitals next to a name in ordinary case still counts against it', () => {
    assert.deepEqual(marks('Wang Yi arrived.', 'the WARNS Wang'), ['wang-yi:Wang Yi']);
  });
});

describe('page context', () => {
  test('G20 without summit context on the page is a model code', () => {
    assert.deepEqual(marks('Der G20 Touring mit LCI', 'die 3er-Reihe (G20)'), []);
  });
  test('G20 with summit context anywhere on the page is the forum', () => {
    assert.deepEqual(marks('the G20 met', 'foreign ministers gathered'), ['g20:G20']);
  });
  test('G200 and G7 are not G20', () => {
    assert.deepEqual(marks('G200 G7 G20x at the summit'), []);
  });
});

describe('co-occurrence (contextFromPack)', () => {
  test('G20 with no context word counts on a page that names people of its pack', () => {
    assert.deepEqual(marks('Antony Blinken met Wang Yi for five hours after the G20 meeting in Indonesia.'), [
      'antony-blinken:Antony Blinken',
      'wang-yi:Wang Yi',
      'g20:G20',
    ]);
  });
  test('BMW’s G20 page, which names only countries of the pack, stays unmarked', () => {
    assert.deepEqual(marks('Der G20 Touring mit LCI', 'die 3er-Reihe (G20), in China und Russland', 'bevor er in die USA kommt', 'Edition: Ukraine'), [
      'china:China',
      'ukraine:Ukraine',
    ]);
  });
  test('one other entity is not enough, even a person', () => {
    assert.deepEqual(marks('Blinken spoke after the G20 meeting.'), ['antony-blinken:Blinken']);
  });
  test('two other entities are enough when one is not a country or place', () => {
    assert.deepEqual(marks('Blinken spoke in China after the G20 meeting.'), ['antony-blinken:Blinken', 'china:China', 'g20:G20']);
  });
  test('a waiting G20 is released when the names arrive in a later batch', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes });
    const early = page.add([{ node: 'The G20 met.', result: matcher.scan('The G20 met.') }]);
    assert.deepEqual(early, []);
    const later = page.add([{ node: 'Joe Biden and Wang Yi', result: matcher.scan('Joe Biden and Wang Yi') }]);
    assert.deepEqual(later.map((p) => `${matcher.entityId(p.mention.entity)}@${p.node}`), ['g20@The G20 met.', 'joe-biden@Joe Biden and Wang Yi', 'wang-yi@Joe Biden and Wang Yi']);
    assert.deepEqual(page.found().map((f) => f.id), ['g20', 'joe-biden', 'wang-yi']);
  });
  test('names that wait for their own context do not count, nor do second references that never counted', () => {
    // "Wang" waits for "Wang Yi"; "human rights"-style topics would wait for their words.
    assert.deepEqual(marks('Wang and Blinken at the G20.'), ['antony-blinken:Blinken']);
  });
  test('without contextFromPack, co-occurrence counts for nothing', () => {
    const kb = testKnowledgeBase();
    kb.entities.find((e) => e.id === 'g20')!.aliases[0]!.contextFromPack = false;
    const plain = compileMatcher([kb]).compiled;
    const m = matcherFromCompiled(plain);
    const page = new PageMentions<string>(m, { firstMentionOnly: false, types: allTypes });
    const text = 'Antony Blinken met Wang Yi after the G20 meeting.';
    assert.deepEqual(page.add([{ node: text, result: m.scan(text) }]).map((p) => m.entityId(p.mention.entity)), ['antony-blinken', 'wang-yi']);
  });
  test('only the alias’s own pack counts, and any pack works the same', () => {
    // A reader's pack about a tennis final: "Jordan" (a player) is ambiguous, so it needs the pack's other names.
    const reading = {
      ...testKnowledgeBase(),
      source: { ...testKnowledgeBase().source, id: 'final' },
      entities: [
        entity('jordan-reyes', 'person', ['Jordan Reyes', { form: 'Jordan', contextFromPack: true }]),
        entity('ana-lind', 'person', ['Ana Lind', { form: 'Lind', contextFromPack: true }]),
        entity('wimbledon', 'topic', ['Wimbledon']),
        entity('china', 'country', ['China']),
      ],
    };
    const both = compileMatcher([testKnowledgeBase(), reading]).compiled;
    const m = matcherFromCompiled(both);
    const run = (...texts: string[]) => {
      const page = new PageMentions<string>(m, { firstMentionOnly: false, types: allTypes });
      return page.add(texts.map((node) => ({ node, result: m.scan(node) }))).map((p) => `${m.entityId(p.mention.entity)}:${p.node.slice(p.mention.start, p.mention.end)}`);
    };
    assert.deepEqual(run('Jordan beat Ana Lind at Wimbledon.'), ['jordan-reyes:Jordan', 'ana-lind:Ana Lind', 'wimbledon:Wimbledon']);
    // Blinken and Wang Yi are of the other pack: the country Jordan on a diplomacy page is not the player.
    assert.deepEqual(run('Blinken and Wang Yi flew to Jordan.'), ['antony-blinken:Blinken', 'wang-yi:Wang Yi']);
    // Two ambiguous names do not vouch for each other: only names that counted on their own do.
    assert.deepEqual(run('Jordan beat Lind at Wimbledon.'), ['wimbledon:Wimbledon']);
    // China is in both packs, but countries alone do not vouch.
    assert.deepEqual(run('Jordan and China'), ['china:China']);
    // The entity's own full name is not another entity: with one other name, still not enough.
    assert.deepEqual(run('Jordan Reyes and Ana Lind.', 'Jordan served.'), ['jordan-reyes:Jordan Reyes', 'ana-lind:Ana Lind']);
    assert.deepEqual(run('Jordan Reyes, Ana Lind, Wimbledon.', 'Jordan served.'), [
      'jordan-reyes:Jordan Reyes',
      'ana-lind:Ana Lind',
      'wimbledon:Wimbledon',
      'jordan-reyes:Jordan',
    ]);
  });
  test('the compiled matcher stays plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(compiled)), compiled);
    assert.deepEqual(compiled.contextGroups, [{ packs: [0] }]);
  });
});

describe('lower-case topic forms', () => {
  test('match as written only', () => {
    assert.deepEqual(marks('the rules-based order and the Rules-based order'), ['rules-based-order:rules-based order']);
  });
});

describe('page policy', () => {
  test('first mention only highlights one mention per entity but counts all', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: true, types: allTypes });
    const text = 'China, Russia, China and China';
    const placed = page.add([{ node: text, result: matcher.scan(text) }]);
    assert.deepEqual(placed.map((p) => p.mention.start), [0, 7]);
    assert.deepEqual(page.found(), [
      { id: 'china', count: 3 },
      { id: 'russia', count: 1 },
    ]);
  });
  test('entity types that are off are neither highlighted nor counted', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: { ...allTypes, country: false } });
    const text = 'Blinken in China';
    const placed = page.add([{ node: text, result: matcher.scan(text) }]);
    assert.deepEqual(placed.map((p) => matcher.entityId(p.mention.entity)), ['antony-blinken']);
    assert.deepEqual(page.found(), [{ id: 'antony-blinken', count: 1 }]);
  });
  test('muted names are neither highlighted nor counted; their second references stay muted, others unaffected', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes, muted: ['wang-yi', 'no-such-id'] });
    const text = 'Wang Yi met Blinken. Wang said China would talk.';
    const placed = page.add([{ node: text, result: matcher.scan(text) }]);
    assert.deepEqual(placed.map((p) => matcher.entityId(p.mention.entity)), ['antony-blinken', 'china']);
    assert.deepEqual(page.found(), [
      { id: 'antony-blinken', count: 1 },
      { id: 'china', count: 1 },
    ]);
  });
  test('found() keeps the order of first appearance', () => {
    const page = new PageMentions<string>(matcherFromCompiled(compiled), { firstMentionOnly: false, types: allTypes });
    page.add(['Russia then China', 'China and Russia and Ukraine'].map((node) => ({ node, result: matcher.scan(node) })));
    assert.deepEqual(page.found().map((f) => `${f.id}=${f.count}`), ['russia=2', 'china=2', 'ukraine=1']);
  });
});

describe('scanning a huge text in chunks', () => {
  test('gives the same mentions as one pass, including across chunk edges', () => {
    const unit = 'Hunter Biden met Joe Biden; FOLLOW US ON the US side of the South China Sea. ';
    const text = unit.repeat(200);
    const whole = matcher.scan(text).mentions;
    const chunked = [];
    for (let from = 0; from < text.length; from += 97) chunked.push(...matcher.scan(text, from, Math.min(text.length, from + 97)).mentions);
    assert.equal(whole.length, 600);
    assert.deepEqual(chunked, whole);
  });
});

describe('scale', () => {
  test('10,000 entities compile into one pattern that still finds each name', () => {
    const kb = testKnowledgeBase();
    for (let i = 0; i < 10_000; i++) {
      const name = `Person${i.toString(36)} Surname${(i * 7919).toString(36)}`;
      kb.entities.push({ ...kb.entities[0]!, id: `p-${i}`, aliases: [{ form: name }], neverMatch: [] });
    }
    const big = matcherFromCompiled(compileMatcher([kb]).compiled);
    const text = `Talks: Person${(99).toString(36)} Surname${(99 * 7919).toString(36)} and Wang Yi in China.`;
    const ids = big.scan(text).mentions.map((m) => big.entityId(m.entity));
    assert.deepEqual(ids, ['p-99', 'wang-yi', 'china']);
  });
});
