/** How a story is named next to the background it gives: outlet and a short headline. Pure. */
import type { SourceLabel } from '../kb/lookup';

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
