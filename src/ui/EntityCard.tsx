/**
 * One entity's background. `variant="card"` is the short form in the hover card and the popup's
 * list (key facts, one short quote); `variant="full"` is the entity page (everything).
 */
import type { EntityBackground } from '../common/messages';
import type { Quote } from '../kb/types';
import { FactList } from './FactList';
import { QuoteBlock } from './QuoteBlock';
import { RelatedList } from './RelatedList';
import { TYPE_LABELS } from './labels';

/** The short form shows this many facts: enough to orient, few enough to read in a glance. */
export const KEY_FACTS = 3;
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

export function EntityCard({ background, variant, headingId, headingLevel = 2, onOpenRelated, onFullBackground }: EntityCardProps) {
  const { entity, related, speakers } = background;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const full = variant === 'full';
  const quotes = full ? entity.quotes : [shortQuote(entity.quotes)].filter((q): q is Quote => q !== undefined);
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
      <section aria-label="Role in this story">
        <Sub class="bs-label">In this story</Sub>
        <p class="bs-role">{entity.role}</p>
      </section>
      {entity.facts.length > 0 && (
        <section aria-label="Key facts">
          <Sub class="bs-label">{full ? 'Facts' : 'Key facts'}</Sub>
          <FactList facts={entity.facts} limit={full ? undefined : KEY_FACTS} />
        </section>
      )}
      {quotes.map((q, i) => (
        <QuoteBlock key={i} quote={q} speaker={speakers[q.speaker]} />
      ))}
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
      <p class="bs-source">
        From “{background.source.headline}”, {background.source.outlet}
      </p>
    </article>
  );
}
