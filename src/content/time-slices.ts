/** Cooperative time slicing: long work gives the page's own tasks a turn, so no task runs long. */

/**
 * Work budget per slice. Browsers flag tasks over 50 ms as long tasks that delay input; 8 ms
 * leaves room for the page's own work within one 16 ms frame.
 */
export const SLICE_BUDGET_MS = 8;

/** Lets the page run: resolves in a new task. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A clock for one run of sliced work. */
export class SliceClock {
  private deadline = performance.now() + SLICE_BUDGET_MS;

  /** True when the current slice has used its budget. */
  get expired(): boolean {
    return performance.now() >= this.deadline;
  }

  /** Yields to the page and starts a new slice. */
  async next(): Promise<void> {
    await yieldToPage();
    this.deadline = performance.now() + SLICE_BUDGET_MS;
  }
}
