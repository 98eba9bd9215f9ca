/**
 * Build step (bundled and run by build.mjs in Node): reads every data/*.json knowledge-base file,
 * validates it, and compiles the matcher the content script carries. Errors name the file, the
 * entity and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateKnowledgeBase } from '../src/kb/validate';
import { compileMatcher, type CompiledMatcher } from '../src/match/compile';
import type { KnowledgeBase } from '../src/kb/types';

export interface PreparedData {
  packs: KnowledgeBase[];
  compiled: CompiledMatcher | null;
  errors: string[];
}

/** The built-in knowledge base comes first; other files in data/ follow in name order. */
export const BUILT_IN_FILE = 'bali-talks.json';

export function prepareData(dataDir: string): PreparedData {
  const files = readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => (a === BUILT_IN_FILE ? -1 : b === BUILT_IN_FILE ? 1 : a.localeCompare(b)));
  const packs: KnowledgeBase[] = [];
  const errors: string[] = [];
  if (!files.includes(BUILT_IN_FILE)) errors.push(`data/${BUILT_IN_FILE}: missing (the built-in knowledge base)`);
  for (const f of files) {
    const rel = `data/${f}`;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.join(dataDir, f), 'utf8'));
    } catch (err) {
      errors.push(`${rel}: not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const result = validateKnowledgeBase(value, rel);
    errors.push(...result.errors);
    if (result.kb) packs.push(result.kb);
  }
  if (errors.length > 0) return { packs, compiled: null, errors };
  const { compiled, conflicts } = compileMatcher(packs);
  return { packs, compiled, errors: conflicts };
}
