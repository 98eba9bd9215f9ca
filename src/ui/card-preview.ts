/**
 * What the short card shows before "More" (issue 15): the name, type and description, each
 * story's dated source line and its role in a sentence or two, within about 600 characters, so
 * the first card is a few lines, not half a screen over the text being read. Pure: the plan is
 * counted here and EntityCard renders it.
 */
import type { EntityBackground } from '../common/messages';
import type { SourceLabel } from '../kb/lookup';
import { sentencesOf } from '../kb/cited-sentence';
import { TYPE_LABELS } from './labels';
import { shortHeadline, sourceLine } from './source-label';

/** The most text a short card shows, counted as its text content (screen-reader text included). */
export const SHORT_CARD_CHARS = 600;
/** Kept for the card's own controls: close (×) and "← Back to <name>" after opening a related name. */
export const CARD_CONTROLS_CHARS = 50;
/** A description is one line; a longer one (a reading pack's) is cut there. */
export const DESCRIPTION_PREVIEW_CHARS = 140;
/** A role "in a sentence or two". */
export const ROLE_PREVIEW_SENTENCES = 2;
/** The role of a one-story card: two sentences of an authored role fit. */
export const ROLE_PREVIEW_CHARS = 260;
/** Below this a role preview says too little to be worth a story's line: fewer stories are shown. */
export const MIN_ROLE_PREVIEW_CHARS = 80;
/** A short card shows at most this many stories (newest first); "More" shows the rest. */
export const SHORT_SOURCES = 2;
/** Headlines in a short card are cut shorter than in a label. */
export const PREVIEW_HEADLINE_CHARS = 50;

export const MORE_LABEL = 'More';
export const LESS_LABEL = 'Less';
export const muteLabel = (name: string): string => `Don’t highlight ${name}`;
export const hiddenStoriesLabel = (n: number): string => `and ${n} more ${n === 1 ? 'story' : 'stories'}`;
/** Stories the card did not read (it reads the newest few: MAX_STORIES_PER_ENTITY in entity-lookup.ts). */
export const olderStoriesLabel = (n: number): string => `and ${n} older ${n === 1 ? 'story' : 'stories'} in your reading`;

/**
 * The first sentences of `text` that fit in `max` characters (at most `sentences` of them); a
 * first sentence longer than `max` is cut at a word boundary with "…".
 */
export function previewText(text: string, max: number, sentences = ROLE_PREVIEW_SENTENCES): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (whole.length <= max && sentencesOf(whole).length <= sentences) return whole;
  let out = '';
  for (const s of sentencesOf(whole).slice(0, sentences)) {
    const next = out === '' ? s : `${out} ${s}`;
    if (next.length > max) break;
    out = next;
  }
  if (out !== '') return out;
  const cut = whole.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface PreviewSource {
  source: SourceLabel;
  /** "The Guardian · 9 Jul 2022" or "From your reading · … · date". */
  line: string;
  /** Reading packs: the headline, cut short. */
  headline: string | null;
  role: string;
  /** The role is the article's own sentence (reading packs): shown as a quotation. */
  verbatim: boolean;
}

export interface CardPreview {
  description: string;
  sources: PreviewSource[];
  /** Stories left for "More". */
  hidden: number;
}

const isReading = (s: SourceLabel) => s.origin === 'reading';
/** A reading pack's role is shown in quotation marks, two characters more. */
const QUOTE_MARKS_CHARS = 2;

/** The short card's content, within SHORT_CARD_CHARS with the card's controls counted. */
export function cardPreview(background: EntityBackground): CardPreview {
  const { entity, sources } = background;
  const description = previewText(entity.description, DESCRIPTION_PREVIEW_CHARS, 1);
  const fixed =
    CARD_CONTROLS_CHARS +
    entity.name.length +
    `${TYPE_LABELS[entity.type]} · ${description}`.length +
    MORE_LABEL.length +
    muteLabel(entity.name).length;
  const labelled = sources.map((s) => ({
    ...s,
    line: sourceLine(s.source),
    headline: isReading(s.source) ? `“${shortHeadline(s.source.headline, PREVIEW_HEADLINE_CHARS)}”` : null,
  }));
  // As many stories as leave each a useful role preview, at least one.
  let shown = Math.min(SHORT_SOURCES, labelled.length);
  const roomFor = (n: number) => {
    const labels = labelled.slice(0, n).reduce((sum, s) => sum + s.line.length + (s.headline?.length ?? 0), 0);
    const note = n < labelled.length ? hiddenStoriesLabel(labelled.length - n).length : 0;
    return Math.floor((SHORT_CARD_CHARS - fixed - labels - note) / n) - QUOTE_MARKS_CHARS;
  };
  while (shown > 1 && roomFor(shown) < MIN_ROLE_PREVIEW_CHARS) shown--;
  const perRole = Math.max(1, Math.min(ROLE_PREVIEW_CHARS, roomFor(shown)));
  return {
    description,
    sources: labelled.slice(0, shown).map((s) => ({
      source: s.source,
      line: s.line,
      headline: s.headline,
      role: previewText(s.entity.role, perRole, shown > 1 ? 1 : ROLE_PREVIEW_SENTENCES),
      verbatim: isReading(s.source),
    })),
    hidden: labelled.length - shown,
  };
}

/** The characters a preview puts on the card, as counted against SHORT_CARD_CHARS. */
export function previewChars(background: EntityBackground, preview: CardPreview): number {
  const { entity } = background;
  return (
    CARD_CONTROLS_CHARS +
    entity.name.length +
    `${TYPE_LABELS[entity.type]} · ${preview.description}`.length +
    preview.sources.reduce((sum, s) => sum + s.line.length + (s.headline?.length ?? 0) + s.role.length + (s.verbatim ? QUOTE_MARKS_CHARS : 0), 0) +
    (preview.hidden > 0 ? hiddenStoriesLabel(preview.hidden).length : 0) +
    MORE_LABEL.length +
    muteLabel(entity.name).length
  );
}
