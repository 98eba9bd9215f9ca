/** A verbatim quote from the article with its speaker and paragraph. */
import type { EntityRef } from '../common/messages';
import type { Quote } from '../kb/types';
import { Citation } from './Citation';

interface QuoteBlockProps {
  quote: Quote;
  speaker: EntityRef | undefined;
}

export function QuoteBlock({ quote, speaker }: QuoteBlockProps) {
  return (
    <figure class="bs-quote">
      <blockquote>
        <p>“{quote.text}”</p>
      </blockquote>
      <figcaption>
        — {speaker?.name ?? 'Unattributed'} <Citation paragraphs={[quote.paragraph]} />
      </figcaption>
    </figure>
  );
}
