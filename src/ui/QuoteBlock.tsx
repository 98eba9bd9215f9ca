/** A verbatim quote from the article with its speaker and paragraph. */
import type { EntityRef } from '../common/messages';
import type { Quote } from '../kb/types';
import { Citation, type CitationSource } from './Citation';

interface QuoteBlockProps {
  quote: Quote;
  speaker: EntityRef | undefined;
  /** The story quoted, for a citation that leads somewhere. */
  from?: CitationSource;
}

export function QuoteBlock({ quote, speaker, from }: QuoteBlockProps) {
  return (
    <figure class="bs-quote">
      <blockquote>
        <p>“{quote.text}”</p>
      </blockquote>
      <figcaption>
        — {speaker?.name ?? 'Unattributed'} <Citation paragraphs={[quote.paragraph]} from={from} hint={quote.text} />
      </figcaption>
    </figure>
  );
}
