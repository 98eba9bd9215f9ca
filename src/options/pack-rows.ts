/** The options page's list of packs: the built-in pack first (always on), then the reader's, a page at a time. Pure. */
import type { KnowledgeBase } from '../kb/types';
import type { PackFrom, PackMeta } from '../common/pack-db';

export interface PackRow {
  id: string;
  outlet: string;
  headline: string;
  entityCount: number;
  builtIn: boolean;
  enabled: boolean;
  /** "9 Jul 2022", or "" when the pack gives no date. */
  published: string;
  /** "3 Dec 2026"; "" for the built-in pack. */
  added: string;
  from: PackFrom | 'built-in';
}

/** Packs listed per page: a thousand rows with switches and buttons would take the page a long task to draw. */
export const PACKS_PER_PAGE = 50;

/**
 * One formatter for every date: toLocaleDateString with options builds a new one per call, about
 * 0.25 ms each, and listing 1,000 packs took a 0.5 s task (measured in Chromium).
 */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "9 Jul 2022" from an ISO date or date and time; "" when it is not one. Dates in UTC, so every reader sees the day written. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : DATE_FORMAT.format(t);
}

export function builtInRow(pack: KnowledgeBase): PackRow {
  return {
    id: pack.source.id,
    outlet: pack.source.outlet,
    headline: pack.source.headline,
    entityCount: pack.entities.length,
    builtIn: true,
    enabled: true,
    published: shortDate(pack.source.published),
    added: '',
    from: 'built-in',
  };
}

/** The reader's packs (newest first, as listed), without one that claims the built-in id. */
export const readersPacks = (builtIn: KnowledgeBase, metas: readonly PackMeta[]): PackMeta[] => metas.filter((m) => m.id !== builtIn.source.id);

/** Rows for these packs' records (one page of them: rows are made only for what is shown). */
export function packRows(metas: readonly PackMeta[]): PackRow[] {
  return metas.map((m) => ({
      id: m.id,
      outlet: m.outlet,
      headline: m.headline,
      entityCount: m.entityCount,
      builtIn: false,
      enabled: m.enabledSeq !== null,
      published: shortDate(m.published),
      added: shortDate(m.added),
      from: m.from,
    }));
}

/** One page of a list (0-based), clamped to the pages there are, and how many pages there are. */
export function pageOf<T>(list: readonly T[], page: number, size = PACKS_PER_PAGE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: list.slice(p * size, (p + 1) * size), page: p, pages };
}

/** "8 entities", "1 entity". */
export const entityCountLabel = (n: number): string => `${n} ${n === 1 ? 'entity' : 'entities'}`;

export const FROM_LABELS: Record<PackRow['from'], string> = {
  'built-in': 'built in',
  reading: 'from your reading',
  file: 'imported file',
};
