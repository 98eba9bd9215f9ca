/**
 * One entity's background. `variant="card"` is the short form in the hover card and the popup's
 * list (key facts, one short quote); `variant="full"` is the entity page (everything). When
 * several packs have the entity, each story's background is shown apart, labelled with its
 * outlet and headline.
 */
import type { EntityBackground } from '../common/messages';
import type { Quote } from '../kb/types';
import { Citation } from './Citation';
import { FactList } from './FactList';
import { QuoteBlock } from './QuoteBlock';
import { RelatedList } from './RelatedList';
import { TYPE_LABELS } from './labels';
import { sourceLabel } from './source-label';

/** The short form shows this many facts: enough to orient, few enough to read in a glance. */
export const KEY_FACTS = 3;
/**
 * With two or more stories, each shows this many: a two-story card then stays about as long as a
 * one-story card, and "Full background" has the rest.
 */
export const KEY_FACTS_PER_SOURCE = 2;
/** Longer quotes are left to the full background: a card should not turn into a reading pane. */
export const SHORT_QUOTE_MAX_CHARS = 180;
/** The short form lists this many related entities; the full background lists them all. */
export const KEY_RELATED = 4;

interface EntityCardProps {
  background: EntityBackground;
  variant: 'card' | 'full';
  /** Id for the heading, so a dialog can point aria-labelledby at it. */
  headingId?: string;
  headingLevel?: 2 | 3;
  onOpenRelated?: (id: string) => void;
  onFullBackground?: (id: string) => void;
}

/** The shortest quote that fits a card, if any. */
export function shortQuote(quotes: Quote[]): Quote | undefined {
  return [...quotes].filter((q) => q.text.length <= SHORT_QUOTE_MAX_CHARS).sort((a, b) => a.text.length - b.text.length)[0];
}

/** The source index and quote a card shows: the shortest quote that fits, across every source. */
function cardQuote(sources: EntityBackground['sources']): { at: number; quote: Quote } | undefined {
  let best: { at: number; quote: Quote } | undefined;
  sources.forEach((s, at) => {
    const q = shortQuote(s.entity.quotes);
    if (q && (!best || q.text.length < best.quote.text.length)) best = { at, quote: q };
  });
  return best;
}

export function EntityCard({ background, variant, headingId, headingLevel = 2, onOpenRelated, onFullBackground }: EntityCardProps) {
  const { entity, sources, related, speakers } = background;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const full = variant === 'full';
  const multi = sources.length > 1;
  const shortOne = full ? undefined : cardQuote(sources);
  const quotesOf = (i: number): Quote[] => (full ? (sources[i]?.entity.quotes ?? []) : shortOne?.at === i ? [shortOne.quote] : []);
  const factLimit = full ? undefined : multi ? KEY_FACTS_PER_SOURCE : KEY_FACTS;
  return (
    <article class={`bs-entity bs-entity-${variant}`} data-entity-id={entity.id}>
      <header>
        <Heading class="bs-name" id={headingId}>
          {entity.name}
        </Heading>
        <p class="bs-desc">
          <span class="bs-type">{TYPE_LABELS[entity.type]}</span> · {entity.description}
        </p>
      </header>
      {multi
        ? sources.map((s, i) => (
            // Each story's background apart, under its label: its ¶ citations are to its own article.
            <section key={s.source.id} class="bs-from" data-source-id={s.source.id} aria-label={`From ${sourceLabel(s.source)}`}>
              <Sub class="bs-label bs-from-label" title={`${s.source.outlet}: ${s.source.headline}`}>
                {sourceLabel(s.source)}
              </Sub>
              <p class="bs-role">{s.entity.role}</p>
              <FactList facts={s.entity.facts} limit={factLimit} />
              <Mentions paragraphs={s.entity.mentions} />
              {quotesOf(i).map((q, k) => (
                <QuoteBlock key={k} quote={q} speaker={speakers[q.speaker]} />
              ))}
            </section>
          ))
        : [
            <section key="role" aria-label="Role in this story">
              <Sub class="bs-label">In this story</Sub>
              <p class="bs-role">{entity.role}</p>
            </section>,
            entity.facts.length > 0 && (
              <section key="facts" aria-label="Key facts">
                <Sub class="bs-label">{full ? 'Facts' : 'Key facts'}</Sub>
                <FactList facts={entity.facts} limit={factLimit} />
              </section>
            ),
            <Mentions key="mentions" paragraphs={entity.mentions} />,
            ...quotesOf(0).map((q, k) => <QuoteBlock key={`q${k}`} quote={q} speaker={speakers[q.speaker]} />),
          ]}
      {related.length > 0 && (
        <section aria-label="Related">
          <Sub class="bs-label">Related</Sub>
          <RelatedList related={full ? related : related.slice(0, KEY_RELATED)} onOpen={onOpenRelated} />
        </section>
      )}
      {onFullBackground && (
        <p class="bs-more">
          <button type="button" class="bs-button" onClick={() => onFullBackground(entity.id)}>
            Full background
          </button>
        </p>
      )}
      {!multi && (
        <p class="bs-source">
          From “{background.source.headline}”, {background.source.outlet}
        </p>
      )}
    </article>
  );
}

/** "Mentioned in ¶ 3, 5": where the pack builder found the entity in the article. */
function Mentions({ paragraphs }: { paragraphs: number[] | undefined }) {
  if (!paragraphs || paragraphs.length === 0) return null;
  return (
    <p class="bs-mentions">
      Mentioned in <Citation paragraphs={paragraphs} />
    </p>
  );
}
