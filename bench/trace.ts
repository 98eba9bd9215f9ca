/**
 * Reads a Chromium trace (devtools.timeline + the V8 CPU sampler) and works out what one
 * extension's content script cost the page's main thread.
 *
 * Attribution: a CPU sample counts for the extension when any frame of its stack belongs to the
 * extension's script URL, so DOM work the script asks for (splitText, TreeWalker, layout it
 * forces) counts too. Its time is the interval to the next sample, clipped to the task it ran in.
 * The script's first evaluation (parse, compile, top level) is taken from its EvaluateScript
 * event, because the sampler takes no samples while V8 compiles.
 *
 * Two measures. "Own work" (extWallMs, extCpuMs, the bench's figure before issue 13): the samples
 * above inside tasks, plus the evaluation. "Whole cost" (wholeWallMs, wholeCpuMs): everything the
 * reader pays for the extension over the whole traced load, as the union in time of
 *   - every CPU sample whose stack holds a frame of the extension's files (content.js and the
 *     modules it imports, card.js and marker.js), in a task or not;
 *   - the evaluation and compilation of those files (EvaluateScript, v8.compile, v8.compileModule);
 *   - every call into them (FunctionCall: observer callbacks, timers, message handlers, event
 *     listeners, with the microtasks and garbage collection inside them);
 *   - every forced layout or style recalculation (Layout, UpdateLayoutTree) whose stack holds a
 *     frame of them (the stack is recorded with disabled-by-default-devtools.timeline.stack).
 * Style and layout work that a later frame does because of the extension's DOM writes, with no
 * script on the stack, is not attributed (the trace names no initiator without invalidation
 * tracking, which itself slows the page); B and A are measured the same way.
 *
 * Wall time overstates cost on a busy 2-core machine (the main thread is often descheduled while
 * tracing), so each task's share of extension samples is also applied to the task's thread time
 * (CPU time). Both are reported; CPU time is the steadier figure.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

interface Profile {
  pid: number;
  tid: number;
  start: number;
  nodes: Map<number, ProfileNode>;
  samples: number[];
  deltas: number[];
}

/** One task of the main thread in which the extension ran. */
export interface ExtensionTask {
  /** Start, in trace microseconds. */
  ts: number;
  wallMs: number;
  cpuMs: number;
  /** Wall and CPU time of the extension inside this task. */
  extWallMs: number;
  extCpuMs: number;
}

export interface ExtensionCost {
  /** Whether any sample or event of the extension was found (false: the script never ran). */
  ran: boolean;
  extWallMs: number;
  extCpuMs: number;
  /** The longest main-thread task in which the extension ran: wall and CPU. */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /**
   * The most extension time within one task, wall and CPU: the extension's own stretch of work.
   * A whole task can be longer because of the page: a MutationObserver callback runs at the end
   * of the page's own task, which then counts as one "in which the script ran".
   */
  longestOwnMs: number;
  longestOwnCpuMs: number;
  /** Parse + compile + top-level run of the script (EvaluateScript), wall. */
  evaluateMs: number;
  tasks: ExtensionTask[];
  /** Self time (wall ms) per extension function, keyed "file|name@line:column" (file: "content.js"; 0-based, generated code). */
  selfTime: Map<string, number>;
  /** The whole cost (see the top of this file): wall and CPU, ms. */
  wholeWallMs: number;
  wholeCpuMs: number;
  /** Forced layouts and style recalculations (Layout, UpdateLayoutTree) with an extension frame on their stack, and their wall ms. */
  layouts: number;
  layoutMs: number;
  /** User-timing marks of the main thread (name, trace µs): lets callers cut the timeline into windows. */
  userMarks: { name: string; ts: number }[];
}

const US_PER_MS = 1000;
/** A sample outside any task (rare: between tasks) counts for at most this long. */
const MAX_SAMPLE_US = 1_000;

/**
 * The extension's content-script files: content.js and the modules it imports on demand. Any
 * extension id: Chrome's use_dynamic_url gives imported modules a per-session address.
 */
export const CONTENT_SCRIPT_FILES = /^chrome-extension:\/\/[^/]+\/(content|card|marker)\.js(?:[?#]|$)/;
const fileOf = (url: string) => /\/([^/?#]+)(?:[?#]|$)/.exec(url)?.[1] ?? url;
/** Events that compile or evaluate a script or module, with its URL in args.data.url or args.fileName. */
const EVALUATION_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'CompileScript']);
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree']);

/** [start, end) intervals sorted and merged: their union. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const eventUrl = (e: TraceEvent) => String(e.args?.data?.url ?? (e.args as { fileName?: unknown } | undefined)?.fileName ?? '');
const stackOf = (e: TraceEvent) =>
  ((e.args as { beginData?: { stackTrace?: CallFrame[] } } | undefined)?.beginData?.stackTrace ?? (e.args?.data as { stackTrace?: CallFrame[] } | undefined)?.stackTrace ?? []);

function collectProfiles(events: TraceEvent[]): Profile[] {
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'Profile' || !e.id) continue;
    const data = e.args?.data as { startTime?: number } | undefined;
    profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
  }
  // Chunks come from the sampler thread (another tid): they are matched to the profile by pid and id.
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data?.cpuProfile?.samples ?? []));
    p.deltas.push(...(data?.timeDeltas ?? []));
  }
  return [...profiles.values()];
}

/** For each node, the nearest frame (itself or an ancestor) of the extension, or null. */
function extensionFrames(p: Profile, isExtension: (url: string) => boolean): Map<number, ProfileNode | null> {
  const memo = new Map<number, ProfileNode | null>();
  const resolve = (id: number): ProfileNode | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Iterative walk up: deep stacks would overflow a recursive one.
    const chain: number[] = [];
    let found: ProfileNode | null = null;
    for (let cur: number | undefined = id; cur !== undefined; ) {
      const m = memo.get(cur);
      if (m !== undefined) {
        found = m;
        break;
      }
      chain.push(cur);
      const node = p.nodes.get(cur);
      if (!node) break;
      if (node.callFrame.url && isExtension(node.callFrame.url)) {
        found = node;
        break;
      }
      cur = node.parent;
    }
    // Every node on the chain below the found frame resolves to it.
    for (const c of chain) memo.set(c, found);
    return found;
  };
  for (const id of p.nodes.keys()) resolve(id);
  return memo;
}

interface TaskAcc extends ExtensionTask {
  end: number;
  extWallUs: number;
}

/** The task containing ts (tasks sorted by start, not overlapping), or undefined. */
function taskAt(tasks: TaskAcc[], ts: number): TaskAcc | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tasks[mid]!;
    if (ts < t.ts) hi = mid - 1;
    else if (ts >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/** `isExtension`: which script URLs are the extension's (default: CONTENT_SCRIPT_FILES). */
/** Index of the first task (sorted, not overlapping) that ends after ts; outer.length if none. */
function firstTaskEndingAfter(tasks: TaskAcc[], ts: number): number {
  let lo = 0;
  let hi = tasks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tasks[mid]!.end <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function analyseTrace(events: TraceEvent[], isExtension: (url: string) => boolean = (url) => CONTENT_SCRIPT_FILES.test(url)): ExtensionCost {
  const profiles = collectProfiles(events);
  const evaluations = events.filter(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && isExtension(String(e.args?.data?.url ?? '')),
  );
  // The page's main thread: where the script was evaluated (else: the profile with extension frames).
  let main = evaluations[0] ? { pid: evaluations[0].pid, tid: evaluations[0].tid } : undefined;
  const frameMaps = new Map<Profile, Map<number, ProfileNode | null>>();
  for (const p of profiles) {
    const frames = extensionFrames(p, isExtension);
    frameMaps.set(p, frames);
    if (!main && [...frames.values()].some((f) => f !== null)) main = { pid: p.pid, tid: p.tid };
  }
  const empty: ExtensionCost = {
    ran: false, extWallMs: 0, extCpuMs: 0, longestTaskMs: 0, longestTaskCpuMs: 0, longestOwnMs: 0, longestOwnCpuMs: 0, evaluateMs: 0,
    wholeWallMs: 0, wholeCpuMs: 0, layouts: 0, layoutMs: 0, tasks: [], selfTime: new Map(), userMarks: [],
  };
  if (!main) return empty;
  const onMain = (e: TraceEvent) => e.pid === main!.pid && e.tid === main!.tid;

  const tasks: TaskAcc[] = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e) && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)
    .map((e) => ({ ts: e.ts, end: e.ts + e.dur!, wallMs: e.dur! / US_PER_MS, cpuMs: (e.tdur ?? e.dur!) / US_PER_MS, extWallMs: 0, extCpuMs: 0, extWallUs: 0 }));
  // Tasks can nest (a nested run loop); keep the outermost so each moment belongs to one task.
  const outer: TaskAcc[] = [];
  for (const t of tasks) if (outer.length === 0 || t.ts >= outer[outer.length - 1]!.end) outer.push(t);

  const evalWindows = evaluations.filter(onMain).map((e) => ({ ts: e.ts, end: e.ts + (e.dur ?? 0), e }));
  const inEvaluation = (ts: number) => evalWindows.some((w) => ts >= w.ts && ts < w.end);
  const selfTime = new Map<string, number>();
  /** Sampled time inside the evaluation (the top level running): the rest of it is parsing and compiling. */
  let evaluationSampledUs = 0;
  /** The whole cost's intervals (trace µs), merged at the end. */
  const whole: [number, number][] = [];

  for (const p of profiles) {
    if (p.pid !== main.pid || p.tid !== main.tid) continue;
    const frames = frameMaps.get(p)!;
    // Samples arrive in chunks that may be out of order: sort by time first.
    const timed: { ts: number; node: number }[] = [];
    let t = p.start;
    p.samples.forEach((node, i) => {
      t += p.deltas[i] ?? 0;
      timed.push({ ts: t, node });
    });
    timed.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < timed.length; i++) {
      const s = timed[i]!;
      const frame = frames.get(s.node);
      if (!frame) continue;
      const task = taskAt(outer, s.ts);
      const next = timed[i + 1]?.ts ?? s.ts;
      whole.push([s.ts, Math.min(next, task ? task.end : s.ts + MAX_SAMPLE_US)]);
      if (!task) continue;
      const us = Math.max(0, Math.min(next, task.end) - s.ts);
      const key = `${fileOf(frame.callFrame.url ?? '')}|${frame.callFrame.functionName || '(anonymous)'}@${frame.callFrame.lineNumber ?? 0}:${frame.callFrame.columnNumber ?? 0}`;
      selfTime.set(key, (selfTime.get(key) ?? 0) + us / US_PER_MS);
      // Inside the evaluation its event counts (below); the sample only says where its time went.
      if (inEvaluation(s.ts)) evaluationSampledUs += us;
      else task.extWallUs += us;
    }
  }

  let evaluateMs = 0;
  let evaluateCpuMs = 0;
  for (const w of evalWindows) {
    evaluateMs += (w.e.dur ?? 0) / US_PER_MS;
    evaluateCpuMs += (w.e.tdur ?? w.e.dur ?? 0) / US_PER_MS;
    const task = taskAt(outer, w.ts);
    if (task) task.extWallUs += w.e.dur ?? 0;
  }
  // What the samples of the evaluation did not cover: parsing and compiling.
  if (evalWindows.length > 0) {
    const key = `${fileOf(eventUrl(evalWindows[0]!.e))}|(evaluate script: parse, compile)@0:0`;
    selfTime.set(key, Math.max(0, evaluateMs - evaluationSampledUs / US_PER_MS));
  }

  // The whole cost's other parts: compiling and evaluating, calls in, forced layouts.
  let layouts = 0;
  let layoutUs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !onMain(e)) continue;
    const ours =
      ((EVALUATION_EVENTS.has(e.name) || e.name === 'FunctionCall') && isExtension(eventUrl(e))) ||
      (LAYOUT_EVENTS.has(e.name) && stackOf(e).some((f) => !!f.url && isExtension(f.url)));
    if (!ours) continue;
    whole.push([e.ts, e.ts + e.dur]);
    if (LAYOUT_EVENTS.has(e.name)) {
      layouts++;
      layoutUs += e.dur;
    }
  }
  let wholeWallUs = 0;
  let wholeCpuMs = 0;
  for (const [a, b] of mergeIntervals(whole)) {
    wholeWallUs += b - a;
    // CPU: each task's thread time in proportion to the part of it that is ours; outside tasks, wall.
    let covered = 0;
    for (let i = firstTaskEndingAfter(outer, a); i < outer.length && outer[i]!.ts < b; i++) {
      const t = outer[i]!;
      const part = Math.min(b, t.end) - Math.max(a, t.ts);
      if (part <= 0) continue;
      covered += part;
      wholeCpuMs += t.wallMs > 0 ? (part / US_PER_MS / t.wallMs) * t.cpuMs : 0;
    }
    wholeCpuMs += (b - a - covered) / US_PER_MS;
  }

  const extTasks: ExtensionTask[] = [];
  let extWallMs = 0;
  let extCpuMs = 0;
  let longestTaskMs = 0;
  let longestTaskCpuMs = 0;
  let longestOwnMs = 0;
  let longestOwnCpuMs = 0;
  for (const task of outer) {
    if (task.extWallUs <= 0) continue;
    const wall = Math.min(task.extWallUs / US_PER_MS, task.wallMs);
    // The extension's share of the task's wall time, applied to the task's CPU time.
    const cpu = task.wallMs > 0 ? (wall / task.wallMs) * task.cpuMs : 0;
    extTasks.push({ ts: task.ts, wallMs: task.wallMs, cpuMs: task.cpuMs, extWallMs: wall, extCpuMs: cpu });
    extWallMs += wall;
    extCpuMs += cpu;
    longestTaskMs = Math.max(longestTaskMs, task.wallMs);
    longestTaskCpuMs = Math.max(longestTaskCpuMs, task.cpuMs);
    longestOwnMs = Math.max(longestOwnMs, wall);
    longestOwnCpuMs = Math.max(longestOwnCpuMs, cpu);
  }
  // An evaluation outside any recorded task still costs its own time.
  if (extTasks.length === 0 && evalWindows.length > 0) {
    extWallMs = evaluateMs;
    extCpuMs = evaluateCpuMs;
  }

  const userMarks = events
    .filter((e) => e.pid === main!.pid && (e.cat ?? '').includes('blink.user_timing'))
    .map((e) => ({ name: e.name, ts: e.ts }));
  return {
    ran: true, extWallMs, extCpuMs, longestTaskMs, longestTaskCpuMs, longestOwnMs, longestOwnCpuMs, evaluateMs,
    wholeWallMs: wholeWallUs / US_PER_MS, wholeCpuMs, layouts, layoutMs: layoutUs / US_PER_MS, tasks: extTasks, selfTime, userMarks,
  };
}
