/** Turns load results into the markdown tables of bench/results.md. */
import type { LoadResult } from './measure';
import { fmt, num, ratio, spread, type Spread } from './stats';

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const done = (rs: LoadResult[]) => rs.filter((r) => !r.timedOut);

/** The figures of one variant on one page, each a spread over its loads. */
export interface Figures {
  cpu: Spread | null;
  wall: Spread | null;
  longest: Spread | null;
  longestCpu: Spread | null;
  /** Backstory's own work in one task (see ExtensionCost.longestOwnCpuMs). */
  longestOwnCpu: Spread | null;
  /** The whole cost of the load (see bench/trace.ts): CPU and wall ms. */
  whole: Spread | null;
  wholeWall: Spread | null;
  /** Forced layouts and style recalculations with the extension's script on the stack, per load. */
  layouts: Spread | null;
  dclToDone: Spread | null;
  marks: Spread | null;
  heap: Spread | null;
  /** Backstory's matcher ready on the page, ms. */
  matcherReady: Spread | null;
  /** Its main-thread part after storage answered, ms. */
  matcherBuild: Spread | null;
  timedOut: number;
  /** Wall time of a timed-out load: a lower bound of the variant's cost. */
  cappedMs: number | null;
}

export function figures(results: LoadResult[]): Figures {
  const ok = done(results);
  const costs = ok.map((r) => r.cost).filter((c) => c !== null);
  const timedOut = results.filter((r) => r.timedOut);
  return {
    cpu: spread(costs.map((c) => c.extCpuMs)),
    wall: spread(costs.map((c) => c.extWallMs)),
    longest: spread(costs.map((c) => c.longestTaskMs)),
    longestCpu: spread(costs.map((c) => c.longestTaskCpuMs)),
    longestOwnCpu: spread(costs.map((c) => c.longestOwnCpuMs)),
    whole: spread(costs.map((c) => c.wholeCpuMs)),
    wholeWall: spread(costs.map((c) => c.wholeWallMs)),
    layouts: spread(costs.map((c) => c.layouts)),
    dclToDone: spread(ok.flatMap((r) => (r.dclToDoneMs === null ? [] : [r.dclToDoneMs]))),
    marks: spread(ok.map((r) => r.marks)),
    heap: spread(ok.map((r) => r.heapBytes)),
    matcherReady: spread(ok.flatMap((r) => (r.matcherReadyMs === null ? [] : [r.matcherReadyMs]))),
    matcherBuild: spread(ok.flatMap((r) => (r.matcherBuildMs === null ? [] : [r.matcherBuildMs]))),
    timedOut: timedOut.length,
    cappedMs: timedOut.length > 0 ? Math.min(...timedOut.map((r) => r.elapsedMs)) : null,
  };
}

/** "> 30,000 ms (stopped)" for a variant that never finished, else the spread. */
export function costCell(f: Figures, pick: (f: Figures) => Spread | null, unit = ''): string {
  const s = pick(f);
  if (!s && f.cappedMs !== null) return `> ${num(f.cappedMs)}${unit} (stopped)`;
  return fmt(s, unit);
}

/**
 * Backstory / other on main-thread CPU (own work; `pick` for another figure, such as the whole
 * cost); against a stopped variant, an upper bound ("< 0.01×").
 */
export function costRatio(backstory: Figures, other: Figures, pick: (f: Figures) => Spread | null = (f) => f.cpu): string {
  const mine = pick(backstory);
  if (!pick(other) && other.cappedMs !== null && mine) {
    return `< ${ratio(mine, { median: other.cappedMs, min: 0, max: 0, n: 1 })} (A stopped)`;
  }
  return ratio(mine, pick(other));
}

/** How many times faster Backstory is than another variant ("38× faster"), for the target checks. */
export function speedup(backstory: Figures, other: Figures): number | null {
  const b = backstory.cpu?.median;
  const o = other.cpu?.median ?? other.cappedMs ?? undefined;
  return b && o !== undefined ? o / b : null;
}

export function heapAdded(f: Figures, baseline: Figures): string {
  if (!f.heap || !baseline.heap) return '–';
  return `${num((f.heap.median - baseline.heap.median) / 1024)} KB`;
}
