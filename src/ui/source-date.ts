/**
 * When a story was written, as a card and the popup show it ("9 Jul 2022"), and the order of
 * several stories: newest first. Pure.
 *
 * `published` is shown as the date the publisher wrote (its first ten characters), never moved
 * across a time zone: "2022-07-09T23:30:00+08:00" is 9 Jul 2022 wherever the reader is. A reading
 * pack without a publication date shows when the reader added it ("added 3 Dec 2026"), in the
 * reader's own time zone. An authored pack without `published` has no date.
 */
import type { SourceLabel } from '../kb/lookup';

/** "Jul 9, 2022" in parts, rearranged below: one fixed style whatever the browser's language. */
const dayFormat = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone });

/** "9 Jul 2022": day, short month, year, in `timeZone` (the reader's own when undefined). */
export function formatDay(date: Date, timeZone?: string): string {
  const parts = dayFormat(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

/** The calendar date at the start of an ISO 8601 string, as written; null if there is none. */
function writtenDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(day.getTime()) ? null : day;
}

export interface SourceDate {
  /** "9 Jul 2022" or "added 3 Dec 2026". */
  text: string;
  /** Milliseconds since 1970, for ordering. */
  time: number;
}

export function sourceDate(source: Pick<SourceLabel, 'published' | 'added' | 'origin'>): SourceDate | null {
  if (source.published !== undefined) {
    const day = writtenDay(source.published);
    const time = Date.parse(source.published);
    if (day) return { text: formatDay(day, 'UTC'), time: Number.isNaN(time) ? day.getTime() : time };
  }
  if (source.origin === 'reading' && source.added !== undefined) {
    const time = Date.parse(source.added);
    if (!Number.isNaN(time)) return { text: `added ${formatDay(new Date(time))}`, time };
  }
  return null;
}

/** Newest first; stories without a date after the dated ones; ties keep the order given. */
export function newestFirst<T>(items: readonly T[], sourceOf: (item: T) => Pick<SourceLabel, 'published' | 'added' | 'origin'>): T[] {
  const time = (item: T) => sourceDate(sourceOf(item))?.time ?? -Infinity;
  return items
    .map((item, at) => ({ item, at, time: time(item) }))
    .sort((a, b) => (a.time === b.time ? a.at - b.at : b.time - a.time))
    .map((x) => x.item);
}
