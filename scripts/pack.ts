/**
 * `npm run pack -- --article story.txt --entities entities.json --out my-pack.json`
 *   Builds a context pack (see docs/knowledge-base.md) from an article, one paragraph per line
 *   (headline, standfirst, then the body), and the reader's entities file. Reports entities the
 *   article never mentions and aliases that never match.
 *
 * `npm run pack -- --html saved-page.html --out pack.json [--url https://…]`
 *   Builds a reading pack from a saved web page the way "Add this article" does in the browser
 *   (src/reading: the article, its people, places and organisations, weak names left out), and
 *   prints what it found. `--url` gives the page's address when the saved page has none.
 *
 * On bad input it says what is wrong and writes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { buildPack } from '../src/kb/pack-builder';
import type { KnowledgeBase } from '../src/kb/types';
import { buildReadingPack, defaultEdits, draftPack, extractArticle } from '../src/reading/index';

const USAGE = [
  'usage: npm run pack -- --article story.txt --entities entities.json --out my-pack.json',
  '       npm run pack -- --html saved-page.html --out pack.json [--url https://example.org/story]',
].join('\n');

function fail(message: string): never {
  console.error(`pack: ${message}`);
  process.exit(1);
}

let values: { article?: string; entities?: string; out?: string; html?: string; url?: string };
try {
  ({ values } = parseArgs({
    options: { article: { type: 'string' }, entities: { type: 'string' }, out: { type: 'string' }, html: { type: 'string' }, url: { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}

if (values.html !== undefined) fromHtml(values.html, values.out, values.url);
else fromArticle(values.article, values.entities, values.out);

function fromArticle(article: string | undefined, entities: string | undefined, out: string | undefined): void {
  if (!article || !entities || !out) fail(`--article, --entities and --out are all needed (or --html and --out)\n${USAGE}`);
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
}

function fromHtml(file: string, out: string | undefined, url: string | undefined): void {
  if (!out) fail(`--out is needed with --html\n${USAGE}`);
  if (!existsSync(file)) fail(`${file}: no such file`);
  if (url !== undefined) {
    try {
      if (!['http:', 'https:'].includes(new URL(url).protocol)) throw new Error('not http(s)');
    } catch {
      fail(`--url ${url}: not an http or https address`);
    }
  }
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const extracted = extractArticle(document as unknown as Document, url ?? '');
  if (!extracted.ok) fail(`nothing written: ${extracted.message}`);
  // The built-in pack is always on in the extension: names it knows keep its ids.
  const builtIn = JSON.parse(readFileSync(path.join(import.meta.dirname, '../data/bali-talks.json'), 'utf8')) as KnowledgeBase;
  const draft = draftPack(extracted.article, { known: [builtIn] });
  const edits = defaultEdits(draft);
  const built = buildReadingPack(draft, edits, new Date());
  if (!built.ok) fail(`nothing written; the pack is not valid:\n${built.errors.map((e) => `  ${e}`).join('\n')}`);

  writeFileSync(out, `${JSON.stringify(built.pack, null, 2)}\n`);
  const { meta, paragraphs } = extracted.article;
  console.log(`wrote ${out}: pack "${built.pack.source.id}"`);
  console.log(`  headline:  ${meta.headline}`);
  console.log(`  outlet:    ${meta.outlet}${meta.byline ? `, by ${meta.byline}` : ''}`);
  console.log(`  published: ${meta.published ?? 'no date on the page'}`);
  console.log(`  address:   ${meta.url ?? 'none (give one with --url)'}`);
  console.log(`  ${paragraphs.length} paragraphs; ${built.pack.entities.length} names saved:`);
  const saved = new Set(built.pack.entities.map((e) => e.id));
  for (const c of draft.candidates.filter((c) => saved.has(c.key))) {
    console.log(`    ${c.name} (${c.type}, ${c.count}×${c.knownFrom ? `, as in pack "${c.knownFrom}"` : ''}): ${c.description}`);
  }
  const weak = draft.candidates.filter((c) => c.weak);
  if (weak.length > 0) {
    console.log(`  left out as weak (tick them in the review page to keep them):`);
    for (const c of weak) console.log(`    ${c.name} (${c.type}): ${c.weakReason}`);
  }
}
