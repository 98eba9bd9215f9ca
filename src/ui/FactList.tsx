/** Facts about an entity, each with its paragraph citation. */
import type { Fact } from '../kb/types';
import { Citation } from './Citation';

interface FactListProps {
  facts: Fact[];
  /** Show only the first `limit` facts (the card keeps to the key ones). */
  limit?: number;
}

export function FactList({ facts, limit }: FactListProps) {
  const shown = limit === undefined ? facts : facts.slice(0, limit);
  if (shown.length === 0) return null;
  return (
    <ul class="bs-facts">
      {shown.map((f, i) => (
        <li key={i}>
          {f.text} <Citation paragraphs={f.paragraphs} />
        </li>
      ))}
    </ul>
  );
}
