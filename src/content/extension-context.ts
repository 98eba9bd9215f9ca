/**
 * Notices when this content script's extension context is gone (the extension was updated,
 * reloaded or disabled while the page stayed open): the browser gives no event for it, so poll.
 */

/** How often to check; cheap (one property read) and quick enough that stale UI does not linger. */
export const CONTEXT_CHECK_MS = 1_000;

function contextAlive(): boolean {
  try {
    const rt = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime;
    return !!rt?.id;
  } catch {
    return false;
  }
}

export function watchExtensionContext(onGone: () => void, signal: AbortSignal): void {
  const timer = setInterval(() => {
    if (contextAlive()) return;
    clearInterval(timer);
    onGone();
  }, CONTEXT_CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
