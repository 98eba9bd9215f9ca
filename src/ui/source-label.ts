/** How a story is named next to the background it gives: outlet, date and headline. Pure. */
import type { SourceLabel } from '../kb/lookup';
import { sourceDate } from './source-date';

/**
 * Longest headline shown in a label, in characters: about half a card line more than one line,
 * so two labels stacked in a card stay short; the full headline is in the label's title.
 */
export const SHORT_HEADLINE_CHARS = 60;

/** The headline cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shortHeadline(headline: string, max = SHORT_HEADLINE_CHARS): string {
  const text = headline.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A single long word is cut mid-word rather than left empty.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "Outlet: Short headline…" */
export function sourceLabel(source: SourceLabel): string {
  return `${source.outlet}: ${shortHeadline(source.headline)}`;
}

/** Heads the background of a pack the reader built from an article they read. */
export const FROM_YOUR_READING = 'From your reading';

/**
 * The dated source line: "The Guardian · 9 Jul 2022"; for a reading pack "From your reading ·
 * The Jakarta Times · 2 Nov 2026". The headline goes on a line of its own.
 */
export function sourceLine(source: SourceLabel): string {
  const date = sourceDate(source)?.text;
  return [source.origin === 'reading' ? FROM_YOUR_READING : null, source.outlet, date].filter(Boolean).join(' · ');
}
