/**
 * Scores the reading pipeline against the hand-made gold lists of test/fixtures/extraction-gold/,
 * with the scoring convention of its README: names normalised (case, apostrophes, white space, a
 * final possessive, leading titles); an extracted entity matches a gold entry when its name or any
 * alias equals one of the entry's forms; assigned in output order to gold entities not yet matched
 * (a second match is a duplicate), else ignored when optional, else a false positive (a credit leak
 * when it is a non-story name). Used by the accuracy test and `npm run extraction-report`.
 *
 * Node only (reads files); reads the pages from ../shared/corpus/pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { KnowledgeBase } from '../src/kb/types';
import { extractArticle } from '../src/reading/article';
import { defaultEdits, draftPack, type DraftOptions } from '../src/reading/draft';
import type { Candidate } from '../src/reading/types';

const root = path.resolve(import.meta.dirname, '..');
export const GOLD_DIR = path.join(root, 'test/fixtures/extraction-gold');
export const PAGES_DIR = path.resolve(root, '../shared/corpus/pages');

export interface GoldEntity {
  name: string;
  type: string;
  forms: string[];
}
export interface GoldPage {
  page: string;
  headline: string;
  entities: GoldEntity[];
  optional: GoldEntity[];
  notStoryNames: { form: string; why: string }[];
}

export function loadGold(): GoldPage[] {
  const index = JSON.parse(readFileSync(path.join(GOLD_DIR, 'index.json'), 'utf8')) as { files: { file: string }[] };
  return index.files.map((f) => JSON.parse(readFileSync(path.join(GOLD_DIR, f.file), 'utf8')) as GoldPage);
}

export const sharedPagesPresent = () => existsSync(PAGES_DIR);

/** Leading titles the convention drops, longest first so "Secretary of State" goes before "Secretary". */
const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'President', 'President-elect', 'Vice President', 'Prime Minister', 'PM', 'Premier', 'Secretary',
  'Secretary of State', 'Defense Secretary', 'Treasury Secretary', 'Minister', 'Defense Minister', 'Foreign Minister', 'Governor',
  'Gov', 'Senator', 'Sen', 'Representative', 'Rep', 'Judge', 'Justice', 'Chief Justice', 'Rabbi', 'General', 'Gen', 'Chair', 'Chairman',
]
  .map((t) => t.toLowerCase())
  .sort((a, b) => b.length - a.length);

export function normaliseName(name: string): string {
  let n = name.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/'s$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of TITLES) {
      for (const form of [`${t}. `, `${t} `]) {
        if (n.startsWith(form) && n.length > form.length) {
          n = n.slice(form.length).trim();
          changed = true;
        }
      }
    }
  }
  return n;
}

export interface Extracted {
  name: string;
  /** Every alias form (the name included or not). */
  forms: string[];
}

export interface PageScore {
  page: string;
  gold: number;
  extracted: number;
  truePositives: number;
  falsePositives: string[];
  duplicates: string[];
  creditLeaks: string[];
  ignored: string[];
  missed: string[];
}

export function scorePage(gold: GoldPage, extracted: Extracted[]): PageScore {
  const formsOf = (e: GoldEntity) => new Set(e.forms.map(normaliseName));
  const goldForms = gold.entities.map(formsOf);
  const optionalForms = new Set(gold.optional.flatMap((e) => e.forms.map(normaliseName)));
  const creditForms = new Set(gold.notStoryNames.map((n) => normaliseName(n.form)));
  const matched = new Set<number>();
  const score: PageScore = { page: gold.page, gold: gold.entities.length, extracted: extracted.length, truePositives: 0, falsePositives: [], duplicates: [], creditLeaks: [], ignored: [], missed: [] };
  for (const x of extracted) {
    const keys = new Set([x.name, ...x.forms].map(normaliseName));
    const hits = goldForms.map((forms, i) => ([...keys].some((k) => forms.has(k)) ? i : -1)).filter((i) => i !== -1);
    const open = hits.filter((i) => !matched.has(i));
    if (open.length > 0) {
      const byName = open.find((i) => normaliseName(gold.entities[i]!.name) === normaliseName(x.name));
      matched.add(byName ?? open[0]!);
      score.truePositives++;
    } else if (hits.length > 0) score.duplicates.push(x.name);
    else if ([...keys].some((k) => optionalForms.has(k))) score.ignored.push(x.name);
    else {
      score.falsePositives.push(x.name);
      if ([...keys].some((k) => creditForms.has(k))) score.creditLeaks.push(x.name);
    }
  }
  score.missed = gold.entities.filter((_, i) => !matched.has(i)).map((e) => e.name);
  return score;
}

export interface Totals {
  recall: number;
  precision: number;
  truePositives: number;
  falsePositives: number;
  duplicates: number;
  creditLeaks: number;
  gold: number;
}

export function totals(scores: PageScore[]): Totals {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.truePositives);
  const gold = sum((s) => s.gold);
  const counted = sum((s) => s.extracted - s.ignored.length);
  const matchedGold = sum((s) => s.gold - s.missed.length);
  return {
    recall: gold === 0 ? 1 : matchedGold / gold,
    precision: counted === 0 ? 1 : tp / counted,
    truePositives: tp,
    falsePositives: sum((s) => s.falsePositives.length + s.duplicates.length),
    duplicates: sum((s) => s.duplicates.length),
    creditLeaks: sum((s) => s.creditLeaks.length),
    gold,
  };
}

/** What the reader is shown ticked: the default pack's names (weak ones unticked). */
export function tickedCandidates(candidates: Candidate[], excluded: string[]): Candidate[] {
  const out = new Set(excluded);
  return candidates.filter((c) => !out.has(c.key));
}

export interface PageRun {
  gold: GoldPage;
  /** Every candidate of the draft, in the draft's order. */
  candidates: Candidate[];
  /** The candidates ticked by default. */
  ticked: Candidate[];
  /** Paragraph texts of the extracted article. */
  paragraphs: string[];
  ms: number;
}

/** Extracts and drafts every gold page (the page's own address from the corpus manifest is not needed). */
export function runGoldPages(options: DraftOptions & { credits?: boolean } = {}, known: KnowledgeBase[] = []): PageRun[] {
  return loadGold().map((gold) => {
    const { document } = parseHTML(readFileSync(path.join(PAGES_DIR, gold.page), 'utf8'));
    const started = performance.now();
    const article = extractArticle(document as unknown as Document, '', { keepCredits: options.credits === false });
    if (!article.ok) return { gold, candidates: [], ticked: [], paragraphs: [], ms: performance.now() - started };
    const draft = draftPack(article.article, { known, ...(options.switches ? { switches: options.switches } : {}), ...(options.finder ? { finder: options.finder } : {}) });
    const ms = performance.now() - started;
    return { gold, candidates: draft.candidates, ticked: tickedCandidates(draft.candidates, defaultEdits(draft).excluded ?? []), paragraphs: article.article.paragraphs, ms };
  });
}

export const asExtracted = (c: Candidate): Extracted => ({ name: c.name, forms: c.forms });
