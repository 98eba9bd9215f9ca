/** Related entities as buttons that open their own background. */
import type { EntityBackground } from '../common/messages';

interface RelatedListProps {
  related: EntityBackground['related'];
  onOpen?: (id: string) => void;
}

export function RelatedList({ related, onOpen }: RelatedListProps) {
  if (related.length === 0) return null;
  return (
    <ul class="bs-related">
      {related.map((r) => (
        <li key={r.id}>
          {onOpen ? (
            <button type="button" class="bs-link" onClick={() => onOpen(r.id)} title={r.how}>
              {r.name}
            </button>
          ) : (
            <span title={r.how}>{r.name}</span>
          )}
          <span class="bs-how"> {r.how}</span>
        </li>
      ))}
    </ul>
  );
}
