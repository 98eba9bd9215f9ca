import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileMatcher, RULE_WIDTH } from './compile';
import { testKnowledgeBase } from './fixtures';
import { FormTable } from './form-table';
import { formSpellsId, ID_WIDTH, idOfForm, isMatcherData, matcherData, ownValue } from './matcher-data';
import { Matcher, matcherFromCompiled } from './matcher';
import { entity } from './fixtures';
import type { KnowledgeBase } from '../kb/types';
import { kebabId } from '../reading/ids';

describe('matcherData: each rule beside its form', () => {
  const compiled = compileMatcher([testKnowledgeBase()]).compiled;
  const data = matcherData(compiled);
  const forms = compiled.forms.split('\n').slice(0, -1);

  test('one line per form, in the same order, its rule digits first', () => {
    const lines = data.lines.split('\n').slice(0, -1);
    assert.equal(lines.length, forms.length);
    lines.forEach((line, i) => {
      assert.equal(line.slice(RULE_WIDTH), forms[i]);
      assert.equal(line.slice(0, RULE_WIDTH), compiled.rules.slice(i * RULE_WIDTH, (i + 1) * RULE_WIDTH));
    });
    assert.equal(data.types, compiled.types);
  });

  test('the few rules kept by form index are kept by form', () => {
    assert.ok(Object.keys(compiled.needsContext).length > 0 && Object.keys(compiled.contextOf).length > 0, 'the fixture has both');
    assert.deepEqual(data.needsContext, Object.fromEntries(Object.entries(compiled.needsContext).map(([i, g]) => [forms[Number(i)], g])));
    assert.deepEqual(data.contextOf, Object.fromEntries(Object.entries(compiled.contextOf).map(([i, g]) => [forms[Number(i)], g])));
    assert.equal(data.needsContext['G20'], compiled.needsContext[String(forms.indexOf('G20'))]);
  });

  test('a form that names a property of every object is a key like any other', () => {
    const table = Object.fromEntries([['__proto__', 1]]) as Record<string, number>;
    assert.equal(ownValue(table, '__proto__'), 1);
    assert.equal(ownValue(table, 'constructor'), undefined);
    assert.equal(ownValue({}, 'toString'), undefined);
  });

  test('a Matcher reads it: the names, where they are, and their rules', () => {
    const text = 'Antony Blinken met Wang Yi at the G20 in Bali; the G20 summit and Wang spoke of China.';
    const matcher = new Matcher(data);
    const found = matcher.scan(text).mentions.map((m) => [text.slice(m.start, m.end), matcher.entityId(m.entity)]);
    assert.deepEqual(found.filter(([form]) => form !== 'G20'), [['Antony Blinken', 'antony-blinken'], ['Wang Yi', 'wang-yi'], ['Wang', 'wang-yi'], ['China', 'china']]);
    assert.ok(matcher.scan(text).mentions.some((m) => m.needsContext !== undefined), 'G20 waits for its context');
  });
});

describe('matcherData: only what a page asks', () => {
  const pack = (id: string, entities: KnowledgeBase['entities']): KnowledgeBase => ({ ...testKnowledgeBase(), source: { ...testKnowledgeBase().source, id }, entities });

  test("an id one of the entity's own forms spells is a reference to that form; any other is written out", () => {
    const kb = pack('ids', [
      entity('antony-blinken', 'person', ['Antony Blinken', { form: 'Blinken', standalone: true }]),
      entity('peoples-republic', 'country', ["People’s Republic"]),
      entity('us-china-ties', 'topic', ['US-China relations']),
      entity('zoe-martin', 'person', ['Zoë Martin']),
      entity('g20', 'organisation', ['G20']),
      // Its only form belongs to the entity before it (the first rule is kept): no reference.
      entity('blinken', 'person', [{ form: 'Blinken', standalone: true }]),
    ]);
    const compiled = compileMatcher([kb]).compiled;
    const data = matcherData(compiled);
    assert.equal(data.ids.length, 6 * ID_WIDTH);
    // Written out: no form spells it, a form outside ASCII, a form another entity owns.
    assert.deepEqual(data.otherIds.split('\n').slice(0, -1).map((line) => line.slice(3)), ['us-china-ties', 'zoe-martin', 'blinken']);
    const matcher = new Matcher(data);
    assert.deepEqual(Array.from({ length: matcher.entityCount }, (_, i) => matcher.entityId(i)), compiled.ids.split('\n').slice(0, -1));
    const text = 'Antony Blinken met Zoë Martin; Blinken and the G20 spoke of US-China relations.';
    assert.deepEqual(matcher.scan(text).mentions.map((m) => matcher.entityId(m.entity)), ['antony-blinken', 'zoe-martin', 'antony-blinken', 'g20', 'us-china-ties']);
  });

  test('idOfForm: ASCII only, as reading packs make ids from names', () => {
    assert.equal(idOfForm('Antony Blinken'), 'antony-blinken');
    assert.equal(idOfForm('ANTONY BLINKEN'), 'antony-blinken');
    assert.equal(idOfForm("People's Republic of China"), 'peoples-republic-of-china');
    assert.equal(idOfForm('G20'), 'g20');
    assert.equal(idOfForm('  U.S. '), 'u-s');
    assert.equal(idOfForm('Zoë'), null);
    // The rule of reading packs' ids (src/reading/ids.ts) for every ASCII form.
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '-', "'", '.', '&', '_'), maxLength: 12 });
    fc.assert(fc.property(ascii, (form) => idOfForm(form) === kebabId(form)), { numRuns: 500 });
    // Compiling asks formSpellsId, which must say exactly when idOfForm gives the id.
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 12 })), fc.oneof(ascii.map((f) => idOfForm(f)!), fc.string({ maxLength: 12 })), (form, id) => {
      assert.equal(formSpellsId(form, id), idOfForm(form) === id, JSON.stringify([form, id]));
      if (idOfForm(form) !== null) assert.ok(formSpellsId(form, idOfForm(form)!));
    }), { numRuns: 2_000 });
  });

  test('of the packs that hold an entity, only those a context group names are kept', () => {
    const summit = entity('g7', 'organisation', [{ form: 'G7', contextFromPack: true }]);
    const shared = entity('ana-lind', 'person', ['Ana Lind']);
    const packs = [
      pack('p0', [entity('zero', 'place', ['Zeroville']), shared]),
      pack('p1', [shared, summit]),
      pack('p2', [entity('only-in-p2', 'person', ['Solitary Person'])]),
      pack('p3', [shared]),
    ];
    const compiled = compileMatcher(packs).compiled;
    const matcher = matcherFromCompiled(compiled);
    const index = (id: string) => Array.from({ length: matcher.entityCount }, (_, i) => i).find((i) => matcher.entityId(i) === id)!;
    // Only p1 has an alias that takes co-occurrence as context.
    assert.deepEqual(compiled.contextGroups, [{ packs: [1] }]);
    assert.deepEqual(matcher.entityPacks(index('ana-lind')), [1]);
    assert.deepEqual(matcher.entityPacks(index('g7')), [1]);
    assert.deepEqual(matcher.entityPacks(index('zero')), []);
    assert.deepEqual(matcher.entityPacks(index('only-in-p2')), []);
    // With no such alias, no pack at all.
    assert.equal(matcherData(compileMatcher(packs.map((p) => ({ ...p, entities: p.entities.filter((e) => e.id !== 'g7') }))).compiled).contextPacks, '');
  });

  test('data of another version or shape is refused', () => {
    const data = matcherData(compileMatcher([testKnowledgeBase()]).compiled);
    assert.ok(isMatcherData(data));
    assert.ok(!isMatcherData({ ...data, version: 5 }));
    assert.ok(!isMatcherData({ ...data, ids: data.ids.slice(ID_WIDTH) }), 'an id reference missing');
    const { contextPacks: _, ...withoutPacks } = data;
    assert.ok(!isMatcherData(withoutPacks));
  });
});

/** Forms over a small alphabet, so that many share long prefixes and ranges are wide. */
const formArb = fc.string({ unit: fc.constantFrom('A', 'B', 'b', 'é', '中', 'Z'), minLength: 1, maxLength: 7 });

describe('FormTable: binary search over the lines themselves', () => {
  test('the longest form at the start of the text is found, as a scan of every form finds it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(formArb, { minLength: 1, maxLength: 400 }), fc.array(formArb, { minLength: 1, maxLength: 20 }), (list, texts) => {
        const sorted = [...list].sort();
        const table = new FormTable(sorted.map((f, i) => `${String(i).padStart(RULE_WIDTH, '0')}${f}\n`).join(''), RULE_WIDTH);
        // Texts that begin with a form and carry on, and texts of their own.
        for (const text of [...texts, ...list.slice(0, 20).map((f, i) => f + (texts[i % texts.length] ?? ''))]) {
          const expected = sorted.filter((f) => text.startsWith(f)).sort((a, b) => b.length - a.length)[0];
          const hit = table.firstUnits[text.charCodeAt(0)] === 0 ? null : table.longestMatch(text, 0, () => true);
          assert.equal(hit === null ? undefined : table.form(hit.line), expected, `${JSON.stringify(text)} in ${sorted.length} forms`);
          if (hit) assert.equal(hit.end, expected!.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('every line is reached, and ranges far wider than a linear scan are searched', () => {
    const forms = Array.from({ length: 5_000 }, (_, i) => `Name${i.toString(36)}`).sort();
    const table = new FormTable(forms.map((f) => `AAAA${f}\n`).join(''), RULE_WIDTH);
    assert.deepEqual([...table.lineOffsets()].map((line) => table.form(line)), forms);
    for (const f of [forms[0]!, forms[2_500]!, forms[4_999]!]) assert.equal(table.form(table.longestMatch(`${f} said`, 0, (end) => end === f.length)!.line), f);
    assert.equal(table.longestMatch('Name_', 0, () => true), null);
  });
});
