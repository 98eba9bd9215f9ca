/**
 * One name in the review: a checkbox to keep it, its name and type (both editable), how often the
 * article names it, its description, the sentences that will back it, and "Merge into…".
 */
import { TYPE_LABELS } from '../ui/labels';
import { mentionLabel } from '../popup/name-rows';
import { CANDIDATE_TYPES, type CandidateType } from '../reading/types';
import type { ReviewRow } from './review-edits';

interface CandidateRowProps {
  row: ReviewRow;
  /** The other names this one can be merged into (rows not merged away), in list order. */
  others: { key: string; name: string }[];
  onInclude: (included: boolean) => void;
  onRename: (name: string) => void;
  onRetype: (type: CandidateType) => void;
  onMerge: (into: string) => void;
  onUnmerge: (key: string) => void;
}

export function CandidateRow({ row, others, onInclude, onRename, onRetype, onMerge, onUnmerge }: CandidateRowProps) {
  const { candidate: c } = row;
  const id = (what: string) => `${what}-${c.key}`;
  const facts = [...c.facts, ...row.merged.flatMap((m) => m.facts)];
  return (
    <li class={`candidate${row.included ? '' : ' excluded'}`} data-key={c.key}>
      <input
        type="checkbox"
        id={id('include')}
        class="include"
        checked={row.included}
        aria-label={`Keep ${row.name.trim() || c.name}`}
        aria-describedby={id('meta')}
        onChange={(e) => onInclude(e.currentTarget.checked)}
      />
      <div class="candidate-body">
        <div class="candidate-head">
          <label class="sr" for={id('name')}>
            Name
          </label>
          <input id={id('name')} class="candidate-name" type="text" value={row.name} spellcheck={false} onInput={(e) => onRename(e.currentTarget.value)} />
          <label class="candidate-type">
            <span class="sr">Type of {row.name}</span>
            <select value={row.type} onChange={(e) => onRetype(e.currentTarget.value as CandidateType)}>
              {CANDIDATE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="candidate-meta" id={id('meta')}>
          <span class="candidate-count">{mentionLabel(row.count)}</span>
          {c.description && <span class="candidate-desc"> · {c.description}</span>}
          {c.knownFrom && <span class="candidate-known"> · already in your knowledge</span>}
          {!row.included && c.weakReason && <span class="candidate-weak"> · left out: {c.weakReason}</span>}
        </p>
        {row.merged.length > 0 && (
          <p class="candidate-merged">
            Also as:{' '}
            {row.merged.map((m) => (
              <span key={m.key} class="merged-name">
                {m.name}{' '}
                <button type="button" class="linkish" onClick={() => onUnmerge(m.key)} aria-label={`Separate ${m.name} from ${row.name}`}>
                  separate
                </button>{' '}
              </span>
            ))}
          </p>
        )}
        {facts.length > 0 && (
          <details class="candidate-facts">
            <summary>{facts.length === 1 ? '1 sentence' : `${facts.length} sentences`} from the article</summary>
            <ul>
              {facts.map((f, i) => (
                <li key={i}>
                  {f.text} <span class="bs-cite">¶ {f.paragraphs.join(', ')}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {others.length > 0 && (
          <label class="candidate-merge">
            Merge into{' '}
            <select value="" aria-label={`Merge ${row.name} into another name`} onChange={(e) => e.currentTarget.value && onMerge(e.currentTarget.value)}>
              <option value="">another name…</option>
              {others.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </li>
  );
}
