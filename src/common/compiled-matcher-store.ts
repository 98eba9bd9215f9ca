/**
 * The matcher compiled from the enabled packs, as stored for content scripts (written by
 * packs-store.ts). Kept apart from packs-store so that the content script, which reads it, does
 * not bundle the knowledge base or the validator.
 */
import browser from 'webextension-polyfill';
import type { CompiledMatcher } from '../match/compile';
import { COMPILED_MATCHER_VERSION } from '../match/compile';

import { COMPILED_KEY } from './compiled-matcher-key';

export { COMPILED_KEY };

export interface StoredCompiled {
  /** Ids of the imported packs it was compiled from, sorted (the built-in pack is always in). */
  packIds: string[];
  /**
   * The CompiledMatcher as JSON text. A string crosses from storage into a page's content script
   * almost for free and JSON.parse is fast; the same data stored as an object took the browser
   * over 50 ms to hand over in one task for 1,000 entities (bench: Context packs), on every page,
   * and again in every tab for each change.
   */
  compiled: string;
  conflicts: string[];
  /** The packs' revision it was compiled from (pack-db.ts); absent in 0.1.0's. */
  revision?: number;
}

const isCompiled = (v: unknown): v is CompiledMatcher => {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as CompiledMatcher;
  return c.version === COMPILED_MATCHER_VERSION && typeof c.forms === 'string' && typeof c.rules === 'string' && typeof c.ids === 'string' &&
    typeof c.types === 'string' && typeof c.packs === 'string' && typeof c.morePacks === 'string';
};

/** The matcher in a stored value, or null if it is missing, damaged or of another version. */
export function storedMatcher(stored: unknown): { packIds: string[]; compiled: CompiledMatcher } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { packIds, compiled } = stored as { packIds?: unknown; compiled?: unknown };
  if (!Array.isArray(packIds) || typeof compiled !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(compiled);
    return isCompiled(parsed) ? { packIds: packIds.filter((id): id is string => typeof id === 'string'), compiled: parsed } : null;
  } catch {
    return null;
  }
}

/**
 * The compiled matcher of the enabled packs: the stored one, else `fallback`'s (the content
 * script asks the background, which compiles and stores it), else null (nothing to match with:
 * a page must never fail because storage does). `onRead` is called when storage has answered.
 */
export async function loadCompiledMatcher(fallback: () => Promise<string | undefined>, onRead?: () => void): Promise<CompiledMatcher | null> {
  try {
    const value = (await browser.storage.local.get(COMPILED_KEY))[COMPILED_KEY];
    // The read is done; what follows (parsing, checking) is the page's own main-thread work.
    onRead?.();
    const stored = storedMatcher(value);
    if (stored) return stored.compiled;
  } catch {
    // Fall through to the fallback.
  }
  try {
    const text = await fallback();
    return text === undefined ? null : (storedMatcher({ packIds: [], compiled: text })?.compiled ?? null);
  } catch {
    return null;
  }
}

/** Calls `onChange` when the stored matcher changes, until `signal` aborts. */
export function watchCompiledMatcher(onChange: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && COMPILED_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
