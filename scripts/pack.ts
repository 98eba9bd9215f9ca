/**
 * `npm run pack -- --article story.txt --entities entities.json --out my-pack.json`
 * Builds a context pack (see docs/knowledge-base.md) from an article, one paragraph per line
 * (headline, standfirst, then the body), and the reader's entities file. Reports entities the
 * article never mentions and aliases that never match. On bad input it says what is wrong and
 * writes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPack } from '../src/kb/pack-builder';

const USAGE = 'usage: npm run pack -- --article story.txt --entities entities.json --out my-pack.json';

function fail(message: string): never {
  console.error(`pack: ${message}`);
  process.exit(1);
}

let values: { article?: string; entities?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: { article: { type: 'string' }, entities: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const { article, entities, out } = values;
if (!article || !entities || !out) fail(`--article, --entities and --out are all needed\n${USAGE}`);
for (const file of [article, entities]) if (!existsSync(file)) fail(`${file}: no such file`);

let input: unknown;
try {
  input = JSON.parse(readFileSync(entities, 'utf8'));
} catch (err) {
  fail(`${entities}: not valid JSON: ${(err as Error).message}`);
}
const result = buildPack(readFileSync(article, 'utf8'), input, path.basename(entities));
if (!result.ok) fail(`nothing written; fix these first:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);

writeFileSync(out, `${JSON.stringify(result.pack, null, 2)}\n`);
const { pack, report } = result;
console.log(`wrote ${out}: "${pack.source.headline}" (${pack.source.outlet}), ${pack.entities.length} entities`);
for (const e of pack.entities) console.log(`  ${e.id}: mentioned in ${e.mentions?.length ? `¶ ${e.mentions.join(', ')}` : 'no paragraph'}`);
if (report.unmentioned.length) console.log(`never mentioned in the article: ${report.unmentioned.join(', ')}`);
if (report.unusedAliases.length) console.log(`aliases that never match: ${report.unusedAliases.join('; ')}`);
