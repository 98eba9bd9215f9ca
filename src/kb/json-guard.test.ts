import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJsonValue, jsonDepth, parseGuardedJson } from './json-guard';

test('depth is counted without parsing, brackets inside texts ignored', () => {
  assert.equal(jsonDepth('{"a":[1,{"b":"[[[{{{\\"]]]"}]}'), 3);
  assert.equal(jsonDepth('[]'), 1);
  assert.equal(jsonDepth('"[["'), 0);
  assert.ok(jsonDepth('['.repeat(10_000) + ']'.repeat(10_000)) > 32);
});

test('hostile values are named with their place', () => {
  assert.match(checkJsonValue(JSON.parse('{"a":{"__proto__":{"x":1}}}'))!, /^a: the field name "__proto__" is not allowed/);
  assert.match(checkJsonValue({ list: [1, { constructor: 1 }] })!, /^list\[1\]: the field name "constructor" is not allowed/);
  assert.match(checkJsonValue({ a: ['x'.repeat(10_000_000)] })!, /^a\[0\]: a text of 10,000,000 characters; at most 100,000/);
  assert.match(checkJsonValue({ t: 'ok \udc00 no' })!, /^t: broken text \(a lone UTF-16 surrogate\)/);
  assert.match(checkJsonValue({ t: 'ok \ud800' })!, /lone UTF-16 surrogate/);
  assert.equal(checkJsonValue({ t: 'a pair 😀 is fine', '<b>markup</b>': '<img src=x onerror=alert(1)>' }), null);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('parseGuardedJson refuses with the file name, and parses what is fine', () => {
  assert.deepEqual(parseGuardedJson('{"a":1}', 'f.json'), { ok: true, value: { a: 1 } });
  const deep = parseGuardedJson('['.repeat(10_000) + ']'.repeat(10_000), 'deep.json');
  assert.deepEqual(deep, { ok: false, error: 'deep.json is nested more than 32 levels deep; not a file Backstory wrote.' });
  const bad = parseGuardedJson('{"a":', 'bad.json');
  assert.ok(!bad.ok && /^bad\.json is not valid JSON/.test(bad.error));
  const proto = parseGuardedJson('{"__proto__":{"polluted":1}}', 'p.json');
  assert.deepEqual(proto, { ok: false, error: 'p.json: the file: the field name "__proto__" is not allowed.' });
});
