/**
 * `npm run extraction-report`: what the reading pipeline finds on the gold pages
 * (test/fixtures/extraction-gold, pages from ../shared/corpus/pages), what each of its parts adds
 * (each switched off in turn), and how long it takes in Node. docs/reading-memory.md holds the
 * last run's tables and what they mean.
 *
 *   --speed-only   only the timings     --no-speed   no timings
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseHTML } from 'linkedom';
import type { KnowledgeBase } from '../src/kb/types';
import { buildReadingPack, defaultEdits, draftPack, extractArticle } from '../src/reading/index';
import { findNamesWithTagger } from '../src/reading/tagger';
import { newsPageHtml, linkedomDocument } from '../test/unit/news-page';
import { PAGES_DIR, asExtracted, runGoldPages, scorePage, sharedPagesPresent, totals, type PageRun } from './extraction-score';
import { generatedArticle } from './generated-article';

const root = path.resolve(import.meta.dirname, '..');
const builtIn = JSON.parse(readFileSync(path.join(root, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;
const args = new Set(process.argv.slice(2));
/** Runs per timing; the median is reported, after one warm-up run. */
const RUNS = 5;

const pct = (x: number) => x.toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function summary(runs: PageRun[]) {
  const ticked = totals(runs.map((r) => scorePage(r.gold, r.ticked.map(asExtracted))));
  const all = totals(runs.map((r) => scorePage(r.gold, r.candidates.map(asExtracted))));
  return { ticked, all };
}

function accuracy(): void {
  if (!sharedPagesPresent()) {
    console.log('../shared/corpus/pages not found: no accuracy figures');
    return;
  }
  const runs = runGoldPages({}, [builtIn]);
  console.log('## Accuracy on the gold pages (built-in pack known; ticked = the default pack, all = every candidate)\n');
  console.log('| page | gold | ticked TP | ticked FP | dup | missed | all TP | all FP | ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const t = scorePage(r.gold, r.ticked.map(asExtracted));
    const a = scorePage(r.gold, r.candidates.map(asExtracted));
    console.log(`| ${r.gold.page.replace(/\.html$/, '')} | ${t.gold} | ${t.truePositives} | ${t.falsePositives.length} | ${t.duplicates.length} | ${t.missed.length} | ${a.truePositives} | ${a.falsePositives.length + a.duplicates.length} | ${r.ms.toFixed(0)} |`);
  }
  const { ticked, all } = summary(runs);
  console.log(`\nticked: recall ${pct(ticked.recall)} precision ${pct(ticked.precision)} (duplicates ${ticked.duplicates}, credit leaks ${ticked.creditLeaks})`);
  console.log(`all:    recall ${pct(all.recall)} precision ${pct(all.precision)} (duplicates ${all.duplicates}, credit leaks ${all.creditLeaks})\n`);

  const variants: [string, () => PageRun[]][] = [
    ['everything on', () => runs],
    ['no compromise lexicon', () => runGoldPages({ switches: { compromise: false } }, [builtIn])],
    ['no countries package', () => runGoldPages({ switches: { countries: false } }, [builtIn])],
    ['no common-word list', () => runGoldPages({ switches: { wordList: false } }, [builtIn])],
    ['compromise tagger instead of phrase rules', () => runGoldPages({ finder: (p) => findNamesWithTagger(p) }, [builtIn])],
    ['no title rules', () => runGoldPages({ switches: { titles: false } }, [builtIn])],
    ['no sentence-start rule', () => runGoldPages({ switches: { sentenceStarts: false } }, [builtIn])],
    ['no credit removal', () => runGoldPages({ switches: { credits: false }, credits: false }, [builtIn])],
    ['no merging', () => runGoldPages({ switches: { merging: false } }, [builtIn])],
    ['no linking (no known packs)', () => runGoldPages({ switches: { linking: false } }, [builtIn])],
  ];
  console.log('## Ablation: each part switched off in turn\n');
  console.log('| variant | ticked recall | ticked precision | all recall | all precision | duplicates (all) | credit leaks (all) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, run] of variants) {
    const { ticked: t, all: a } = summary(run());
    console.log(`| ${name} | ${pct(t.recall)} | ${pct(t.precision)} | ${pct(a.recall)} | ${pct(a.precision)} | ${a.duplicates} | ${a.creditLeaks} |`);
  }
  console.log('');
}

function time(html: string, url: string): { extract: number; draft: number; build: number } {
  const samples = { extract: [] as number[], draft: [] as number[], build: [] as number[] };
  for (let i = 0; i <= RUNS; i++) {
    const doc = linkedomDocument(html);
    const t0 = performance.now();
    const r = extractArticle(doc, url);
    const t1 = performance.now();
    if (!r.ok) throw new Error(r.message);
    const d = draftPack(r.article, { known: [builtIn] });
    const t2 = performance.now();
    buildReadingPack(d, defaultEdits(d), new Date());
    const t3 = performance.now();
    if (i === 0) continue;
    samples.extract.push(t1 - t0);
    samples.draft.push(t2 - t1);
    samples.build.push(t3 - t2);
  }
  return { extract: median(samples.extract), draft: median(samples.draft), build: median(samples.build) };
}

function speed(): void {
  console.log(`## Speed in Node (linkedom DOM; median of ${RUNS} runs after a warm-up)\n`);
  // The first use pays for loading the modules (compromise's lexicon is unpacked on import).
  const load = spawnSync(process.execPath, ['--import', 'tsx', '-e', "const t=performance.now(); await import('./src/reading/index.ts'); console.log((performance.now()-t).toFixed(0))"], { cwd: root, encoding: 'utf8' });
  console.log(`loading src/reading (Readability, compromise's lexicon, the word lists): ${load.stdout.trim()} ms, once per page load\n`);
  console.log('| page | size | words | extract | draft | build | total |');
  console.log('|---|---|---|---|---|---|---|');
  const generated = generatedArticle(2000);
  const pages: [string, string, string][] = [['generated 2,000-word article', newsPageHtml({ headline: generated[0]!, standfirst: generated[1], body: generated.slice(2), canonical: 'https://news.example/ferry' }), 'https://news.example/ferry']];
  if (sharedPagesPresent()) {
    for (const f of ['dailymail-mcphee-foster-house-hunting.html', 'guardian-maori-whale-strandings.html', 'slowboring-musk-china-business-ties.html', 'politico-imf-world-bank-global-outlook.html']) {
      pages.push([f.replace(/\.html$/, ''), readFileSync(path.join(PAGES_DIR, f), 'utf8'), '']);
    }
  }
  for (const [name, html] of pages) {
    const doc = parseHTML(html).document as unknown as Document;
    const r = extractArticle(doc, '');
    const words = r.ok ? r.article.paragraphs.join(' ').split(/\s+/).length : 0;
    const t = time(html, pages.find((p) => p[0] === name)![2]);
    const size = `${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`;
    console.log(`| ${name} | ${size} | ${words} | ${t.extract.toFixed(0)} ms | ${t.draft.toFixed(0)} ms | ${t.build.toFixed(0)} ms | ${(t.extract + t.draft + t.build).toFixed(0)} ms |`);
  }
  // The refusals must be quick too: a 5 MB page is measured before Readability runs.
  const huge = `<html lang="en"><body><article><h1>Long</h1>${`<p>${'Harbour news and more harbour news. '.repeat(140)}</p>`.repeat(1000)}</article></body></html>`;
  const doc = linkedomDocument(huge);
  const t0 = performance.now();
  const refused = extractArticle(doc, '');
  console.log(`\n5 MB page: ${refused.ok ? 'accepted' : refused.reason} in ${(performance.now() - t0).toFixed(0)} ms (after parsing)`);
  if (sharedPagesPresent()) {
    const reddit = path.join(PAGES_DIR, 'reddit-showerthoughts-vanilla-ice-cream.html');
    const page = parseHTML(readFileSync(reddit, 'utf8')).document as unknown as Document;
    const t1 = performance.now();
    const r = extractArticle(page, '');
    console.log(`reddit page (${(statSync(reddit).size / 1e6).toFixed(1)} MB, 11,500 elements, the corpus's largest): ${r.ok ? 'extracted' : r.reason} in ${(performance.now() - t1).toFixed(0)} ms`);
  }
  console.log('');
}

if (!args.has('--speed-only')) accuracy();
if (!args.has('--no-speed')) speed();
