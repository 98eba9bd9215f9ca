import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileMatcher, RULE_WIDTH } from './compile';
import { testKnowledgeBase } from './fixtures';
import { FormTable } from './form-table';
import { matcherData, ownValue } from './matcher-data';
import { Matcher } from './matcher';

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
    assert.deepEqual([data.ids, data.types, data.packs, data.morePacks], [compiled.ids, compiled.types, compiled.packs, compiled.morePacks]);
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
