/**
 * Runs a set of variants over a set of pages, alternating variants load by load (and rotating
 * their order each round) so that drift in the machine's load spreads over all of them.
 */
import type { BenchBrowser } from './browser';
import { launchBrowser } from './browser';
import { LOAD_TIMEOUT_MS, MARK_SELECTOR } from './config';
import { measureLoad, type LoadResult } from './measure';

export interface Variant {
  /** Name in the tables: "Backstory", "A (mark.js per keyword)", ... */
  name: string;
  /** Unpacked extension folder, or null for the page without an extension. */
  dir: string | null;
  /** Loads per page for this variant, when fewer than the matrix's (slow references). */
  runs?: number;
  /** Per-load cap; a load past it counts as timed out. */
  timeoutMs?: number;
  /** Wall time this variant may spend per target: no load that would overrun it (but at least one load). */
  budgetMs?: number;
  /** Prepares each browser launched for this variant, before its warm-up (imports packs, say). */
  setup?: (browser: BenchBrowser) => Promise<void>;
}

export interface Target {
  label: string;
  url: string;
  /** Wait for the page's own window.__benchDone (the growth page). */
  waitForPageFlag?: boolean;
}

/** Results by variant name, then target label. */
export type MatrixResults = Map<string, Map<string, LoadResult[]>>;

/** A tiny page with a name on it: each browser loads it once, which warms it up and proves the extension runs. */
export const WARMUP_PATH = '/bench-warmup.html';
export const WARMUP_HTML = '<!doctype html><html><body><p>Wang Yi met Antony Blinken in Bali, China and the US said.</p></body></html>';

/** Returns false when the warm-up timed out (a slow reference): the browser may still be busy. */
async function warmUp(browser: BenchBrowser, warmupUrl: string, timeoutMs: number, log: (line: string) => void): Promise<boolean> {
  const result = await measureLoad(browser, warmupUrl, { trace: false, timeoutMs });
  if (result.timedOut) {
    log(`  ${browser.name}: warm-up not finished after ${result.elapsedMs} ms`);
    return false;
  }
  if (browser.extensionOrigin && result.marks === 0) {
    throw new Error(`${browser.name}: the extension made no ${MARK_SELECTOR} on the warm-up page; is it built?`);
  }
  return true;
}

export async function runMatrix(
  variants: Variant[],
  targets: Target[],
  runs: number,
  warmupUrl: string,
  log: (line: string) => void,
): Promise<MatrixResults> {
  const browsers = new Map<string, BenchBrowser>();
  const launch = async (v: Variant): Promise<BenchBrowser> => {
    const b = await launchBrowser(v.name, v.dir);
    await v.setup?.(b);
    return b;
  };
  const open = async (v: Variant): Promise<BenchBrowser> => {
    const b = await launch(v);
    if (!(await warmUp(b, warmupUrl, Math.min(v.timeoutMs ?? LOAD_TIMEOUT_MS, LOAD_TIMEOUT_MS), log))) {
      // Start again without the warm-up: the measured load then pays the cold start, which is small next to its cost.
      await b.close();
      const fresh = await launch(v);
      browsers.set(v.name, fresh);
      return fresh;
    }
    browsers.set(v.name, b);
    return b;
  };
  const results: MatrixResults = new Map(variants.map((v) => [v.name, new Map(targets.map((t) => [t.label, []]))]));
  const spent = new Map<string, number>();
  const last = new Map<string, number>();
  try {
    for (const v of variants) await open(v);
    for (let run = 0; run < runs; run++) {
      for (const target of targets) {
        // Rotate the order each round: no variant always loads right after another.
        const order = variants.map((_, i) => variants[(i + run) % variants.length]!);
        for (const v of order) {
          const key = `${v.name}\u0000${target.label}`;
          // Skip when one more load like the last would overrun the budget.
          const used = spent.get(key) ?? 0;
          if (run >= (v.runs ?? runs) || (used > 0 && used + (last.get(key) ?? 0) > (v.budgetMs ?? Infinity))) continue;
          const browser = browsers.get(v.name) ?? (await open(v));
          const started = Date.now();
          const r = await measureLoad(browser, target.url, {
            trace: v.dir !== null,
            timeoutMs: v.timeoutMs ?? LOAD_TIMEOUT_MS,
            waitForPageFlag: target.waitForPageFlag,
          });
          results.get(v.name)!.get(target.label)!.push(r);
          spent.set(key, used + (Date.now() - started));
          last.set(key, Date.now() - started);
          const what = r.timedOut
            ? `timed out after ${r.elapsedMs} ms`
            : `ext ${r.cost ? r.cost.extCpuMs.toFixed(1) : '-'} ms CPU, ${r.marks} marks`;
          log(`  run ${run + 1} ${target.label} · ${v.name}: ${what} (${Date.now() - started} ms)`);
          if (r.timedOut) {
            // Its renderer may still be busy for minutes: start a fresh browser for the next load.
            await browser.close();
            browsers.delete(v.name);
          }
        }
      }
    }
  } finally {
    for (const b of browsers.values()) {
      if (b.leaked.length > 0) log(`  WARNING ${b.name}: ${b.leaked.length} requests left 127.0.0.1, e.g. ${b.leaked[0]}`);
      await b.close();
    }
  }
  return results;
}
