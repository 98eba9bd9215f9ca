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
          {/* "how" reads "<this entity> <how> <other>": "met … in Bali with" + "Wang Yi". */}
          <span class="bs-how">{r.how} </span>
          {onOpen ? (
            <button type="button" class="bs-link" onClick={() => onOpen(r.id)}>
              {r.name}
            </button>
          ) : (
            <span>{r.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
