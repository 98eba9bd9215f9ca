// Accuracy of "Add this article" against the hand-made gold lists (test/fixtures/extraction-gold,
// scored by the convention of its README) on real saved news pages. Prints a per-page table.
// Needs ../shared/corpus/pages (the pages are never copied into the project).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../src/kb/types';
import { validateKnowledgeBase } from '../../src/kb/validate';
import { compileMatcher } from '../../src/match/compile';
import { matcherFromCompiled } from '../../src/match/matcher';
import { buildReadingPack } from '../../src/reading/build-pack';
import { asExtracted, runGoldPages, scorePage, sharedPagesPresent, totals } from '../../scripts/extraction-score';
import { defaultEdits } from '../../src/reading/draft';
import type { Draft } from '../../src/reading/types';

/** The aims for articles we have not seen; the gold pages are the development set. */
const MIN_RECALL = 0.9;
const MIN_PRECISION = 0.85;

const builtIn = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/bali-talks.json'), 'utf8')) as KnowledgeBase;

if (!sharedPagesPresent()) {
  console.log('# ../shared/corpus/pages not found: skipping the extraction accuracy test');
} else {
  const runs = runGoldPages({}, [builtIn]);
  const ticked = runs.map((r) => scorePage(r.gold, r.ticked.map(asExtracted)));
  const all = runs.map((r) => scorePage(r.gold, r.candidates.map(asExtracted)));

  describe('extraction accuracy on the gold pages', () => {
    test('per-page table', () => {
      const rows = runs.map((r, i) => {
        const t = ticked[i]!;
        return `${r.gold.page.replace(/\.html$/, '').padEnd(42)} gold ${String(t.gold).padStart(3)}  found ${String(t.truePositives).padStart(3)}  wrong ${String(t.falsePositives.length).padStart(2)}  dup ${t.duplicates.length}  missed ${t.missed.join(', ') || '-'}`;
      });
      const sum = totals(ticked);
      const sumAll = totals(all);
      console.log([...rows, `default pack: recall ${sum.recall.toFixed(3)} precision ${sum.precision.toFixed(3)}; every candidate: recall ${sumAll.recall.toFixed(3)} precision ${sumAll.precision.toFixed(3)}`].join('\n'));
      assert.equal(runs.length, 11, 'every gold page was read');
      assert.ok(runs.every((r) => r.paragraphs.length > 0), 'every gold page has an article');
    });

    test(`the default pack (weak names unticked): recall ≥ ${MIN_RECALL}, precision ≥ ${MIN_PRECISION}`, () => {
      const t = totals(ticked);
      assert.ok(t.recall >= MIN_RECALL, `recall ${t.recall.toFixed(3)}`);
      assert.ok(t.precision >= MIN_PRECISION, `precision ${t.precision.toFixed(3)}`);
    });

    test('every candidate, ticked or not: recall ≥ 0.9 (the reviewer can tick what was left out)', () => {
      assert.ok(totals(all).recall >= MIN_RECALL, `recall ${totals(all).recall.toFixed(3)}`);
    });

    test('no credit leaks in the default pack: bylines, photo and wire credits are not the story’s names', () => {
      assert.deepEqual(ticked.flatMap((s) => s.creditLeaks.map((l) => `${s.page}: ${l}`)), []);
    });

    test('no entity twice: no key, name or form belongs to two candidates of a page', () => {
      for (const r of runs) {
        const seen = new Map<string, string>();
        for (const c of r.candidates) {
          for (const f of new Set([c.key, c.name.toLowerCase(), ...c.forms.map((x) => x.toLowerCase())])) {
            assert.ok(!seen.has(f) || seen.get(f) === c.key, `${r.gold.page}: "${f}" in ${seen.get(f)} and ${c.key}`);
            seen.set(f, c.key);
          }
        }
      }
    });

    test('every fact is a sentence of the paragraph it cites and names its entity; the packs are valid', () => {
      for (const r of runs) {
        const draft: Draft = { article: { meta: { headline: r.paragraphs[0]!, outlet: 'Test' }, paragraphs: r.paragraphs }, packId: 'reading-test', candidates: r.candidates };
        const built = buildReadingPack(draft, defaultEdits(draft), new Date('2024-01-01T00:00:00Z'));
        assert.ok(built.ok, `${r.gold.page}: ${built.ok ? '' : built.errors.join('; ')}`);
        assert.deepEqual(validateKnowledgeBase(built.pack, r.gold.page).errors, []);
        const matcher = matcherFromCompiled(compileMatcher([built.pack]).compiled);
        for (const e of built.pack.entities) {
          for (const f of e.facts) {
            assert.ok(r.paragraphs[f.paragraphs[0]! - 1]!.includes(f.text), `${r.gold.page} ${e.id}: fact in ¶${f.paragraphs[0]}`);
            const named = matcher.scan(f.text).mentions.some((m) => matcher.entityId(m.entity) === e.id);
            assert.ok(named, `${r.gold.page} ${e.id}: "${f.text}" names it`);
          }
          for (const q of e.quotes) assert.ok(r.paragraphs[q.paragraph - 1]!.includes(q.text), `${r.gold.page} ${e.id}: quote in ¶${q.paragraph}`);
        }
      }
    });

    test('the same pages without any known pack: the names are found on their own', () => {
      const alone = runGoldPages({}, []).map((r) => scorePage(r.gold, r.ticked.map(asExtracted)));
      const t = totals(alone);
      assert.ok(t.recall >= MIN_RECALL && t.precision >= MIN_PRECISION, `recall ${t.recall.toFixed(3)} precision ${t.precision.toFixed(3)}`);
    });
  });
}
