/**
 * The matcher compiled from the enabled packs, as stored for content scripts (written by
 * packs-store.ts). Kept apart from packs-store so that the content script, which reads it, does
 * not bundle the knowledge base or the validator.
 */
import browser from 'webextension-polyfill';
import type { CompiledMatcher } from '../match/compile';
import { COMPILED_MATCHER_VERSION } from '../match/compile';

export const COMPILED_KEY = 'compiledMatcher';

export interface StoredCompiled {
  /** Ids of the imported packs it was compiled from, sorted (the built-in pack is always in). */
  packIds: string[];
  compiled: CompiledMatcher;
  conflicts: string[];
}

const isStoredCompiled = (v: unknown): v is StoredCompiled =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as StoredCompiled).packIds) &&
  (v as StoredCompiled).compiled?.version === COMPILED_MATCHER_VERSION &&
  typeof (v as StoredCompiled).compiled.trie === 'object';

/**
 * The compiled matcher for these enabled packs: the stored one when it was compiled from them,
 * else `builtIn` (the bundled one; also what a page gets if storage is broken).
 */
export async function loadCompiledMatcher(enabledPackIds: string[], builtIn: CompiledMatcher): Promise<CompiledMatcher> {
  if (enabledPackIds.length === 0) return builtIn;
  try {
    const stored: unknown = (await browser.storage.local.get(COMPILED_KEY))[COMPILED_KEY];
    if (isStoredCompiled(stored) && stored.packIds.every((id) => enabledPackIds.includes(id))) return stored.compiled;
  } catch {
    // Fall through to the built-in matcher: a page must never fail because storage does.
  }
  return builtIn;
}

/** Calls `onChange` when the stored matcher changes, until `signal` aborts. */
export function watchCompiledMatcher(onChange: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && COMPILED_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
