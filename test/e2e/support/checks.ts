// Checks shared by the browser tests. Functions that run in the page are kept free of nested
// named functions: tsx (esbuild, keepNames) would wrap those in a __name() helper that does not
// exist in the page once Playwright or Puppeteer serialises the function.

/** Runs in the page: its text now, and the text of `servedHtml` parsed without scripts or extensions. */
export function pageTextAndServedText(servedHtml: string): { now: string; served: string } {
  const parsed = new DOMParser().parseFromString(servedHtml, 'text/html');
  return { now: document.body.textContent ?? '', served: parsed.body.textContent ?? '' };
}

/** Runs in the page: the entity id of every mark, in document order. */
export function markIds(): string[] {
  return Array.from(document.querySelectorAll('mark[data-entity-id]'), (m) => m.getAttribute('data-entity-id') ?? '');
}

/**
 * Polls `read` until it returns the same value `quietReads` times in a row (every `intervalMs`),
 * and returns it; throws after `timeoutMs`. For "the highlighter has finished" without a fixed sleep.
 */
export async function waitUntilStable<T>(
  read: () => Promise<T>,
  { intervalMs = 150, quietReads = 4, timeoutMs = 15_000 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await read());
  let same = 1;
  while (same < quietReads) {
    if (Date.now() > deadline) throw new Error(`not stable within ${timeoutMs} ms; last value ${last}`);
    await new Promise((r) => setTimeout(r, intervalMs));
    const next = JSON.stringify(await read());
    same = next === last ? same + 1 : 1;
    last = next;
  }
  return JSON.parse(last) as T;
}
