/**
 * Facts about an entity, each with its paragraph citation. A reading pack's facts are the
 * article's own sentences, so they are shown as quotations of it, not as an author's prose.
 */
import type { Fact } from '../kb/types';
import { Citation, type CitationSource } from './Citation';
import { Verbatim } from './Verbatim';

interface FactListProps {
  facts: Fact[];
  /** Show only the first `limit` facts (the card keeps to the key ones). */
  limit?: number;
  /** The story the facts come from, for citations that lead somewhere. */
  from?: CitationSource;
  /** The facts are the article's own sentences (a reading pack). */
  verbatim?: boolean;
}

export function FactList({ facts, limit, from, verbatim = false }: FactListProps) {
  const shown = limit === undefined ? facts : facts.slice(0, limit);
  if (shown.length === 0) return null;
  return (
    <ul class={verbatim ? 'bs-facts bs-verbatim' : 'bs-facts'}>
      {shown.map((f, i) => (
        <li key={i}>
          {verbatim ? <Verbatim text={f.text} /> : f.text} <Citation paragraphs={f.paragraphs} from={from} hint={f.text} />
        </li>
      ))}
    </ul>
  );
}
