/**
 * One measured page load: trace the load, wait until highlighting has settled, read the marks,
 * the page timeline and the JS heap, then work out the extension's cost from the trace.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { DONE_MARK, MARK_SELECTOR, MATCHER_BUILD_MEASURE, MATCHER_READY_MEASURE, SETTLE_POLL_MS, SETTLE_QUIET_MS } from './config';
import { analyseTrace, type ExtensionCost, type TraceEvent } from './trace';

/**
 * What is traced. The sampler gives attribution to script URLs; devtools.timeline gives
 * EvaluateScript, FunctionCall, Layout and UpdateLayoutTree; its disabled-by-default part gives RunTask (task boundaries and thread time);
 * user timing gives the page's marks (the growth page's batch marks).
 */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // The script stack of forced layouts and style recalculations (who forced them).
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];
/** Bytes per IO.read of the trace stream: large reads keep the round trips few. */
const TRACE_READ_BYTES = 8 << 20;

export interface LoadOptions {
  /** Trace the load (not needed for the baseline, which runs no extension). */
  trace: boolean;
  timeoutMs: number;
  /**
   * When the page is done, beyond highlighting: the growth page sets window.__benchDone after its
   * last batch. Without it, the baseline waits for the load event and the variants for a done mark.
   */
  waitForPageFlag?: boolean;
}

export interface LoadResult {
  timedOut: boolean;
  /** Wall time of the whole load until settled, for timed-out loads the cap. */
  elapsedMs: number;
  marks: number;
  doneMarks: number;
  /** From DOMContentLoaded to the last done mark (null if there is none). */
  dclToDoneMs: number | null;
  /** JS heap of the page's renderer after a forced GC (all worlds: page and content script). */
  heapBytes: number;
  /** Backstory's matcher-ready measure on the page (ms; null for the references). */
  matcherReadyMs: number | null;
  /** The part of it on the main thread after storage answered (ms; null for the references). */
  matcherBuildMs: number | null;
  cost: ExtensionCost | null;
}

interface PageState {
  marks: number;
  done: number;
  lastDone: number | null;
  dcl: number;
  loaded: boolean;
  flag: boolean;
}

const readState = (page: Page) =>
  page.evaluate(
    ([selector, doneMark]) => {
      const done = performance.getEntriesByName(doneMark, 'mark');
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        marks: document.querySelectorAll(selector).length,
        done: done.length,
        lastDone: done.length > 0 ? done[done.length - 1]!.startTime : null,
        dcl: nav?.domContentLoadedEventStart ?? 0,
        loaded: document.readyState === 'complete',
        flag: (window as { __benchDone?: boolean }).__benchDone === true,
      };
    },
    [MARK_SELECTOR, DONE_MARK] as const,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the page is done and nothing has changed for SETTLE_QUIET_MS. */
async function settle(page: Page, needDoneMark: boolean, options: LoadOptions, deadline: number): Promise<PageState | null> {
  let last: PageState | null = null;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const state = await readState(page);
    if (!last || state.marks !== last.marks || state.done !== last.done) quietSince = Date.now();
    last = state;
    const ready = state.loaded && (!needDoneMark || state.done > 0) && (!options.waitForPageFlag || state.flag);
    if (ready && Date.now() - quietSince >= SETTLE_QUIET_MS) return state;
    await sleep(SETTLE_POLL_MS);
  }
  return null;
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  const parts: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: TRACE_READ_BYTES });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Rejects after ms: a page stuck in a minutes-long task never answers page.evaluate. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function measureLoad(browser: BenchBrowser, url: string, options: LoadOptions): Promise<LoadResult> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  try {
    if (options.trace) {
      await cdp.send('Tracing.start', {
        traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
        transferMode: 'ReturnAsStream',
      });
    }
    const work = (async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs });
      return settle(page, browser.extensionOrigin !== null, options, deadline);
    })();
    const state = await withTimeout(work, options.timeoutMs);
    if (state === 'timeout' || state === null) {
      // The page may be stuck in one long task: do not wait for its trace.
      return { timedOut: true, elapsedMs: Date.now() - started, marks: 0, doneMarks: 0, dclToDoneMs: null, heapBytes: 0, matcherReadyMs: null, matcherBuildMs: null, cost: null };
    }
    const elapsedMs = Date.now() - started;
    const [matcherReadyMs, matcherBuildMs] = await page.evaluate(
      (names) => names.map((name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? null),
      [MATCHER_READY_MEASURE, MATCHER_BUILD_MEASURE],
    );
    // A forced GC first, so the heap holds what is live rather than what is not yet collected.
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const events = options.trace ? await readTrace(cdp) : [];
    const cost = options.trace && browser.extensionOrigin ? analyseTrace(events) : null;
    return {
      timedOut: false,
      elapsedMs,
      marks: state.marks,
      doneMarks: state.done,
      dclToDoneMs: state.lastDone === null ? null : state.lastDone - state.dcl,
      heapBytes: heap.usedSize,
      matcherReadyMs: matcherReadyMs ?? null,
      matcherBuildMs: matcherBuildMs ?? null,
      cost,
    };
  } finally {
    await withTimeout(page.close({ runBeforeUnload: false }), 5_000);
  }
}
