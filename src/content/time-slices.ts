/** Cooperative time slicing: long work gives the page's own tasks a turn, so no task runs long. */

/**
 * Work budget per slice. Browsers flag tasks over 50 ms as long tasks that delay input; 8 ms
 * leaves room for the page's own work within one 16 ms frame.
 */
export const SLICE_BUDGET_MS = 8;

/**
 * Lets the page run: resolves in a new task, queued behind the page's own tasks.
 *
 * Not scheduler.yield(): its continuation jumps ahead of the page's ordinary tasks, so a long
 * run of yield-work-yield starved the page's timers for 8.5 s on a page of 100,000 text nodes
 * (test/e2e/huge-pages.test.ts). Not setTimeout(0) either: nested timers are clamped to 4 ms,
 * which would leave a third of each slice idle. A MessageChannel message is an ordinary task.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock for one run of sliced work. */
/**
 * Reading the clock costs about as much as scanning a short text node, so the clock is read only
 * every this many checks; 16 short nodes take far less than a millisecond.
 */
const CHECKS_PER_CLOCK_READ = 16;

export class SliceClock {
  private deadline = performance.now() + SLICE_BUDGET_MS;
  private checks = 0;

  /** True when the current slice has used its budget. */
  get expired(): boolean {
    return performance.now() >= this.deadline;
  }

  /** `expired` for tight loops over small items: reads the clock every CHECKS_PER_CLOCK_READ calls. */
  tick(): boolean {
    if (++this.checks < CHECKS_PER_CLOCK_READ) return false;
    this.checks = 0;
    return this.expired;
  }

  /** Yields to the page and starts a new slice. */
  async next(): Promise<void> {
    await yieldToPage();
    this.deadline = performance.now() + SLICE_BUDGET_MS;
    this.checks = 0;
  }
}
