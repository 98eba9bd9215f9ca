import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { articleParagraphs, buildPack } from './pack-builder';

const root = path.resolve(import.meta.dirname, '../..');
const example = (f: string) => path.join(root, 'examples/harbour-pact', f);
const article = readFileSync(example('article.txt'), 'utf8');
const entities = () => JSON.parse(readFileSync(example('entities.json'), 'utf8'));

describe('pack builder', () => {
  test('builds the example pack exactly as shipped', () => {
    const result = buildPack(article, entities(), 'entities.json');
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.equal(`${JSON.stringify(result.pack, null, 2)}\n`, readFileSync(example('pack.json'), 'utf8'));
  });

  test('attaches every paragraph that mentions an entity, with the matcher’s rules', () => {
    const result = buildPack(article, entities());
    assert.ok(result.ok);
    const mentions = Object.fromEntries(result.pack.entities.map((e) => [e.id, e.mentions]));
    assert.deepEqual(mentions['kenji-morimoto'], [4, 7]); // full name, then a standalone surname
    assert.deepEqual(mentions['south-china-sea'], [5]);
    assert.equal(result.pack.source.headline, articleParagraphs(article)[0]);
    assert.equal(result.pack.source.paragraphCount, 9);
  });

  test('reports entities never mentioned and aliases that never match', () => {
    const input = entities();
    input.entities.push({ id: 'atlantis', name: 'Atlantis', type: 'place', description: 'A lost island.', role: 'Not in the story. Not at all.', aliases: [{ form: 'Atlantis' }] });
    input.entities[1].aliases.push({ form: 'Nippon' });
    const result = buildPack(article, input);
    assert.ok(result.ok);
    assert.deepEqual(result.report.unmentioned, ['atlantis']);
    assert.deepEqual(result.report.unusedAliases, ['japan: Nippon', 'atlantis: Atlantis']);
  });

  test('refuses bad input with the reason', () => {
    const noSource = entities();
    delete noSource.source.outlet;
    const badQuote = entities();
    badQuote.entities[2].quotes[0].paragraph = 5;
    const cases: { name: string; article: string; input: unknown; error: RegExp }[] = [
      { name: 'one line', article: 'Just a headline', input: entities(), error: /needs a headline, a standfirst and at least one paragraph/ },
      { name: 'not an object', article, input: [1, 2], error: /must be an object with "source" and "entities"/ },
      { name: 'missing outlet', article, input: noSource, error: /source.*outlet/ },
      { name: 'quote not in its paragraph', article, input: badQuote, error: /entity "arini-wicaksana": quotes\[0\]\.text: not found verbatim in paragraph 5/ },
    ];
    for (const c of cases) {
      const result = buildPack(c.article, c.input, 'entities.json');
      assert.equal(result.ok, false, c.name);
      assert.match(result.ok ? '' : result.errors.join('\n'), c.error, c.name);
    }
  });

  test('the CLI writes nothing when the input is bad, and says why', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-pack-'));
    const bad = path.join(dir, 'entities.json');
    writeFileSync(bad, '{ "source": ');
    const out = path.join(dir, 'pack.json');
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/pack.ts'), '--article', example('article.txt'), '--entities', bad, '--out', out], { encoding: 'utf8' });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /entities\.json: not valid JSON/);
    assert.equal(existsSync(out), false);
  });
});
