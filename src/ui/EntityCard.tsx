/**
 * One entity's background. `variant="card"` is the hover card and the popup's list: short first
 * (name, type and description, each story's dated source line and its role in a sentence or two,
 * about 600 characters at most; see card-preview.ts), and "More" expands it in place to the key
 * facts, a short quote, where the article mentions it and the related names. `variant="full"` is
 * the entity page: everything. Stories come newest first; a story from a pack the reader built
 * from their own reading is labelled "From your reading", with its headline, and its sentences
 * are shown as the article's words.
 */
import { useId, useState } from 'preact/hooks';
import type { EntityBackground, EntityRef, PackBackground } from '../common/messages';
import type { Quote } from '../kb/types';
import { cardPreview, hiddenStoriesLabel, LESS_LABEL, MORE_LABEL, muteLabel, olderStoriesLabel } from './card-preview';
import { Citation } from './Citation';
import { FactList } from './FactList';
import { QuoteBlock } from './QuoteBlock';
import { RelatedList } from './RelatedList';
import { TYPE_LABELS } from './labels';
import { Verbatim } from './Verbatim';
import { sourceDate } from './source-date';
import { sourceLine } from './source-label';

/** The expanded card shows this many facts: enough to orient, few enough to read in a glance. */
export const KEY_FACTS = 3;
/**
 * With two or more stories, each shows this many: a two-story card then stays about as long as a
 * one-story card, and "Full background" has the rest.
 */
export const KEY_FACTS_PER_SOURCE = 2;
/** Longer quotes are left to the full background: a card should not turn into a reading pane. */
export const SHORT_QUOTE_MAX_CHARS = 180;
/** The expanded card lists this many related entities; the full background lists them all. */
export const KEY_RELATED = 4;

interface EntityCardProps {
  background: EntityBackground;
  variant: 'card' | 'full';
  /** Id for the heading, so a dialog can point aria-labelledby at it. */
  headingId?: string;
  headingLevel?: 2 | 3;
  onOpenRelated?: (id: string) => void;
  onFullBackground?: (id: string) => void;
  /** "Don't highlight <name>": the reader no longer wants this name highlighted. */
  onMute?: (id: string, name: string) => void;
}

/** The shortest quote that fits a card, if any. */
export function shortQuote(quotes: Quote[]): Quote | undefined {
  return [...quotes].filter((q) => q.text.length <= SHORT_QUOTE_MAX_CHARS).sort((a, b) => a.text.length - b.text.length)[0];
}

/** The source index and quote a card shows: the shortest quote that fits, across every source. */
function cardQuote(sources: PackBackground[]): { at: number; quote: Quote } | undefined {
  let best: { at: number; quote: Quote } | undefined;
  sources.forEach((s, at) => {
    const q = shortQuote(s.entity.quotes);
    if (q && (!best || q.text.length < best.quote.text.length)) best = { at, quote: q };
  });
  return best;
}

const isReading = (s: PackBackground) => s.source.origin === 'reading';

export function EntityCard({ background, variant, headingId, headingLevel = 2, onOpenRelated, onFullBackground, onMute }: EntityCardProps) {
  const { entity, sources, related, speakers } = background;
  const older = background.olderSources ?? 0;
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const full = variant === 'full';
  const expanded = full || open;
  const multi = sources.length > 1;
  const preview = cardPreview(background);
  const shownStories = expanded ? sources.length : preview.sources.length;
  const quote = full ? undefined : cardQuote(sources);
  const quotesOf = (i: number): Quote[] => (full ? (sources[i]?.entity.quotes ?? []) : quote?.at === i ? [quote.quote] : []);
  const factLimit = full ? undefined : multi ? KEY_FACTS_PER_SOURCE : KEY_FACTS;

  const details = (s: PackBackground, i: number) => (
    <StoryDetails
      key={s.source.id}
      story={s}
      heading={multi && !full ? sourceLine(s.source) : null}
      factsLabel={full ? 'Facts' : 'Key facts'}
      Sub={Sub}
      factLimit={factLimit}
      quotes={quotesOf(i)}
      speakers={speakers}
      name={entity.name}
    />
  );
  const relatedSection = related.length > 0 && (
    <section class="bs-related-section" aria-label="Related">
      <Sub class="bs-label">Related</Sub>
      <RelatedList related={full ? related : related.slice(0, KEY_RELATED)} onOpen={onOpenRelated} />
    </section>
  );

  return (
    <article class={`bs-entity bs-entity-${variant}`} data-entity-id={entity.id} data-expanded={expanded ? 'true' : 'false'}>
      <header>
        <Heading class="bs-name" id={headingId}>
          {entity.name}
        </Heading>
        <p class="bs-desc">
          <span class="bs-type">{TYPE_LABELS[entity.type]}</span> · {expanded ? entity.description : preview.description}
        </p>
      </header>
      {sources.slice(0, shownStories).map((s, i) => {
        // Short: the planned previews; expanded: the whole role and headline, in the same place.
        const role = expanded ? s.entity.role : (preview.sources[i]?.role ?? '');
        const headline = expanded ? `“${s.source.headline}”` : (preview.sources[i]?.headline ?? '');
        return (
          <section key={s.source.id} class="bs-story" data-source-id={s.source.id} aria-label={`From ${sourceLine(s.source)}`}>
            <Sub class="bs-source-line" title={`${s.source.outlet}: ${s.source.headline}`}>
              <SourceLine source={s.source} />
            </Sub>
            {(isReading(s) || full) && <p class="bs-headline">{headline}</p>}
            <p class={isReading(s) ? 'bs-role bs-verbatim' : 'bs-role'}>{isReading(s) ? <Verbatim text={role} /> : role}</p>
            {full && details(s, i)}
          </section>
        );
      })}
      {!expanded && preview.hidden + older > 0 && <p class="bs-more-stories">{hiddenStoriesLabel(preview.hidden + older)}</p>}
      {expanded && older > 0 && <p class="bs-more-stories">{olderStoriesLabel(older)}</p>}
      {full ? (
        relatedSection
      ) : (
        <>
          <p class="bs-actions">
            <button type="button" class="bs-button bs-more-toggle" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
              {open ? LESS_LABEL : MORE_LABEL}
            </button>
            {onMute && (
              <button type="button" class="bs-button bs-mute" onClick={() => onMute(entity.id, entity.name)}>
                {muteLabel(entity.name)}
              </button>
            )}
            {/* Up here rather than after the details: in reach without scrolling the card. */}
            {open && onFullBackground && (
              <button type="button" class="bs-button bs-full" onClick={() => onFullBackground(entity.id)}>
                Full background
              </button>
            )}
          </p>
          <div id={detailsId} class="bs-details" hidden={!open}>
            {open && sources.map(details)}
            {open && relatedSection}
          </div>
        </>
      )}
    </article>
  );
}

/** "The Guardian · 9 Jul 2022", the date kept on one line. */
function SourceLine({ source }: { source: PackBackground['source'] }) {
  const line = sourceLine(source);
  const date = sourceDate(source)?.text;
  if (!date || !line.endsWith(date)) return <>{line}</>;
  return (
    <>
      {line.slice(0, -date.length)}
      <span class="bs-date">{date}</span>
    </>
  );
}

interface StoryDetailsProps {
  story: PackBackground;
  /** The story's source line, when the card has several stories. */
  heading: string | null;
  factsLabel: string;
  Sub: 'h3' | 'h4';
  factLimit: number | undefined;
  quotes: Quote[];
  speakers: Record<string, EntityRef>;
  /** The entity's name: what a "Mentioned in" citation points at. */
  name: string;
}

/** One story's facts, quote and mentions, each citing that story's article. */
function StoryDetails({ story, heading, factsLabel, Sub, factLimit, quotes, speakers, name }: StoryDetailsProps) {
  const reading = isReading(story);
  const facts = story.entity.facts;
  const mentions = story.entity.mentions ?? [];
  if (facts.length === 0 && quotes.length === 0 && mentions.length === 0) return null;
  return (
    <section class="bs-story-details" data-source-id={story.source.id} aria-label={heading ? `Details from ${heading}` : 'Details'}>
      {(heading !== null || facts.length > 0) && <Sub class="bs-label">{heading ?? (reading ? 'In the article’s words' : factsLabel)}</Sub>}
      <FactList facts={facts} limit={factLimit} from={story} verbatim={reading} />
      {quotes.map((q, k) => (
        <QuoteBlock key={k} quote={q} speaker={speakers[q.speaker]} from={story} />
      ))}
      {mentions.length > 0 && (
        <p class="bs-mentions">
          Mentioned in <Citation paragraphs={mentions} from={story} hint={name} />
        </p>
      )}
    </section>
  );
}
