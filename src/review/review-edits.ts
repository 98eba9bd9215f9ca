/**
 * The reviewer's edits to a draft pack, as pure functions over ReviewEdits: tick and untick,
 * rename, retype, merge and undo a merge. Merges are kept flat (every merged name points straight
 * at the name it now belongs to), so merging "Wang" into "Wang Yi" and then "Wang Yi" into
 * "Foreign Minister Wang" moves both. Pure: no DOM, no browser API.
 */
import type { Candidate, CandidateType, Draft, ReviewEdits } from '../reading/types';

/** What the review shows for one name that is not merged into another. */
export interface ReviewRow {
  candidate: Candidate;
  name: string;
  type: CandidateType;
  included: boolean;
  /** Names merged into this one, in draft order. */
  merged: Candidate[];
  /** Mentions of this name and of every name merged into it. */
  count: number;
}

/** The name `key` now belongs to: itself, or the name it was merged into. */
export function rootOf(edits: ReviewEdits, key: string): string {
  return edits.merges?.find((m) => m.from === key)?.into ?? key;
}

export function isIncluded(edits: ReviewEdits, key: string): boolean {
  return !(edits.excluded ?? []).includes(key);
}

export function setIncluded(edits: ReviewEdits, key: string, included: boolean): ReviewEdits {
  const rest = (edits.excluded ?? []).filter((k) => k !== key);
  return { ...edits, excluded: included ? rest : [...rest, key] };
}

export function rename(edits: ReviewEdits, key: string, name: string): ReviewEdits {
  return { ...edits, names: { ...edits.names, [key]: name } };
}

export function retype(edits: ReviewEdits, key: string, type: CandidateType): ReviewEdits {
  return { ...edits, types: { ...edits.types, [key]: type } };
}

/**
 * Folds `from` (and whatever was merged into it) into `into`'s row. The merged name counts as
 * included with it: the reader chose to keep its mentions under the other name.
 */
export function merge(edits: ReviewEdits, from: string, into: string): ReviewEdits {
  const target = rootOf(edits, into);
  if (target === from || rootOf(edits, from) === target) return edits;
  const merges = (edits.merges ?? [])
    .filter((m) => m.from !== from)
    .map((m) => (m.into === from ? { from: m.from, into: target } : m));
  return { ...setIncluded(edits, from, true), merges: [...merges, { from, into: target }] };
}

/** Takes `from` back out of the name it was merged into; it comes back as its own row. */
export function unmerge(edits: ReviewEdits, from: string): ReviewEdits {
  return { ...edits, merges: (edits.merges ?? []).filter((m) => m.from !== from) };
}

export function reviewRows(draft: Draft, edits: ReviewEdits): ReviewRow[] {
  const merged = new Map<string, Candidate[]>();
  for (const c of draft.candidates) {
    const root = rootOf(edits, c.key);
    if (root !== c.key) merged.set(root, [...(merged.get(root) ?? []), c]);
  }
  return draft.candidates
    .filter((c) => rootOf(edits, c.key) === c.key)
    .map((c) => {
      const folded = merged.get(c.key) ?? [];
      return {
        candidate: c,
        name: edits.names?.[c.key] ?? c.name,
        type: edits.types?.[c.key] ?? c.type,
        included: isIncluded(edits, c.key),
        merged: folded,
        count: folded.reduce((sum, f) => sum + f.count, c.count),
      };
    });
}

/** What stops a save: empty names, two included names that would be one entity. */
export function reviewProblems(rows: readonly ReviewRow[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const included = rows.filter((r) => r.included);
  if (included.length === 0) problems.push('Tick at least one name to save, or close this page to add nothing.');
  for (const row of included) {
    const name = row.name.trim();
    if (name === '') {
      problems.push(`A name is empty (it was “${row.candidate.name}”): type a name or untick it.`);
      continue;
    }
    const folded = name.toLowerCase().replace(/\s+/g, ' ');
    const other = seen.get(folded);
    if (other !== undefined) problems.push(`Two names read “${name}”: merge them or rename one.`);
    else seen.set(folded, name);
  }
  return problems;
}
