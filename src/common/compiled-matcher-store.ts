/**
 * The matcher compiled from the enabled packs, as stored for content scripts (written by
 * packs-store.ts). Kept apart from packs-store so that the content script, which reads it, does
 * not bundle the knowledge base or the validator.
 */
import browser from 'webextension-polyfill';
import { isMatcherData, type MatcherData } from '../match/matcher-data';

import { COMPILED_KEY } from './compiled-matcher-key';

export { COMPILED_KEY };

export interface StoredCompiled {
  /** Ids of the imported packs it was compiled from, sorted (the built-in pack is always in). */
  packIds: string[];
  /**
   * The matcher as pages read it: an object of a few long strings, which storage hands over
   * almost as fast as one string, and which a page uses as it comes (until version 4 it was JSON
   * text, parsed again on every page: 4 to 12 ms for a memory of 1,000 articles). Never an
   * object per form: a trie of objects took the browser over 50 ms to hand over for 1,000
   * entities (bench: Context packs).
   */
  compiled: MatcherData;
  conflicts: string[];
  /** The packs' revision it was compiled from (pack-db.ts); absent in 0.1.0's. */
  revision?: number;
}

/**
 * The matcher in a stored value, or null if it is missing, damaged or of another version (a
 * version 4 value, JSON text, is one: the background stores the matcher again, ensureCompiled).
 */
export function storedMatcher(stored: unknown): { packIds: string[]; compiled: MatcherData } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { packIds, compiled } = stored as { packIds?: unknown; compiled?: unknown };
  if (!Array.isArray(packIds) || !isMatcherData(compiled)) return null;
  return { packIds: packIds.filter((id): id is string => typeof id === 'string'), compiled };
}

/**
 * The compiled matcher of the enabled packs: the stored one, else `fallback`'s (the content
 * script asks the background, which compiles and stores it), else null (nothing to match with:
 * a page must never fail because storage does). `onRead` is called when storage has answered.
 */
export async function loadCompiledMatcher(fallback: () => Promise<unknown>, onRead?: () => void): Promise<MatcherData | null> {
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
    const compiled = await fallback();
    return isMatcherData(compiled) ? compiled : null;
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
