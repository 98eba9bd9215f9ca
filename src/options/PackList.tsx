/**
 * The options page's "Packs" section: import a pack file, and for each pack its story, outlet,
 * publication date, the date it was added, whether it came from the reader's reading or a file,
 * its entity count, an on/off switch, export and remove (with a confirmation in place). The
 * built-in pack is listed first, always on: it can be exported, not switched off or removed. The
 * reader's packs are listed from their small metadata records, 50 to a page.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { conflictCount } from '../match/compile';
import {
  builtInPack,
  exportPack,
  importPack,
  listPacks,
  MAX_PACK_BYTES,
  migrateLegacyPacks,
  onPacksChanged,
  removePack,
  setPackEnabled,
  type PackMeta,
} from '../common/packs-store';
import { downloadText } from './download';
import { builtInRow, entityCountLabel, FROM_LABELS, packRows, pageOf, readersPacks, type PackRow } from './pack-rows';

type Outcome =
  | { kind: 'error'; text: string }
  | { kind: 'done'; text: string; conflicts: string[] };

export function PackList() {
  const [metas, setMetas] = useState<PackMeta[] | null>(null);
  const [page, setPage] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** While an action of this page is under way, its own storage events do not reload the list. */
  const acting = useRef(false);

  const reload = useCallback(() => void listPacks().then(setMetas, () => setMetas([])), []);
  useEffect(() => {
    // Packs stored by Backstory 0.1.0 are moved first (the background does it too; once is enough).
    void migrateLegacyPacks()
      .catch(() => null)
      .then(reload);
    // Another options tab, the review page or the background may change packs too.
    return onPacksChanged(() => {
      if (!acting.current) reload();
    });
  }, [reload]);

  const run = async (act: () => Promise<Outcome | null>) => {
    setBusy(true);
    acting.current = true;
    try {
      const result = await act();
      if (result) setOutcome(result);
    } catch (err) {
      setOutcome({ kind: 'error', text: `Something went wrong: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.` });
    } finally {
      acting.current = false;
      setBusy(false);
      reload();
    }
  };

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    void run(async () => {
      // Read and checked in the pack Worker: a hostile file cannot freeze this page.
      const result = await importPack(file, file.name);
      if (!result.ok) return { kind: 'error', text: result.error };
      setPage(0);
      return {
        kind: 'done',
        text: `${result.replaced ? 'Replaced' : 'Imported'} “${result.meta.headline}” (${result.meta.outlet}): ${entityCountLabel(result.meta.entityCount)}, now on.`,
        conflicts: result.compiled.conflicts,
      };
    });
  };

  const toggle = (row: PackRow, on: boolean) =>
    run(async () => {
      const result = await setPackEnabled(row.id, on);
      if (!result.ok) return { kind: 'error', text: result.error };
      return { kind: 'done', text: `“${row.headline}” is ${on ? 'on' : 'off'}.`, conflicts: on ? result.compiled.conflicts : [] };
    });

  const remove = (row: PackRow) =>
    run(async () => {
      setConfirming(null);
      const result = await removePack(row.id);
      if (!result.ok) return { kind: 'error', text: result.error };
      return { kind: 'done', text: `Removed “${row.headline}”.`, conflicts: [] };
    });

  const exportRow = (row: PackRow) =>
    run(async () => {
      const text = await exportPack(row.id);
      if (text === null) return { kind: 'error', text: `“${row.headline}” is no longer stored.` };
      downloadText(text, `${row.id}.json`);
      return null;
    });

  const all = metas ? readersPacks(builtInPack(), metas) : [];
  const shown = pageOf(all, page);
  const rows = [...(shown.page === 0 ? [builtInRow(builtInPack())] : []), ...packRows(shown.items)];
  return (
    <fieldset class="packs-section" aria-busy={busy || !metas}>
      <legend>Packs</legend>
      <p class="hint">
        A pack is one article and the names it gives background on. Names from every pack that is on are highlighted; a name in two packs shows the
        background from each.
      </p>
      <p class="pack-total note">{metas ? `${all.length.toLocaleString('en')} of your own ${all.length === 1 ? 'pack' : 'packs'}, and the built-in one.` : 'Loading…'}</p>
      <ul class="packs">
        {rows.map((row) => (
          <li key={row.id} class="pack" data-pack-id={row.id}>
            <div>
              <p class="pack-headline">{row.headline}</p>
              <p class="pack-meta">
                {row.outlet}
                {row.published && <span class="pack-published">{` · published ${row.published}`}</span>}
                {row.added && <span class="pack-added">{` · added ${row.added}`}</span>}
                <span class="pack-from">{` · ${FROM_LABELS[row.from]}`}</span> · <span class="pack-count">{entityCountLabel(row.entityCount)}</span>
              </p>
            </div>
            <div class="pack-actions">
              {row.builtIn ? (
                <span class="pack-always">Always on</span>
              ) : (
                <label class="choice">
                  <input
                    type="checkbox"
                    role="switch"
                    class="pack-enabled"
                    checked={row.enabled}
                    disabled={busy}
                    onChange={(e) => void toggle(row, e.currentTarget.checked)}
                  />
                  <span>
                    On<span class="sr">{`, ${row.headline}`}</span>
                  </span>
                </label>
              )}
              <button type="button" class="pack-export" disabled={busy} onClick={() => void exportRow(row)} aria-label={`Export “${row.headline}”`}>
                Export
              </button>
              {!row.builtIn &&
                (confirming === row.id ? (
                  <span class="pack-confirm" role="group" aria-label="Confirm removal">
                    <span>Remove this pack?</span>{' '}
                    <button type="button" class="pack-remove-yes" disabled={busy} onClick={() => void remove(row)}>
                      Remove
                    </button>{' '}
                    <button type="button" class="pack-remove-no" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" class="pack-remove" disabled={busy} onClick={() => setConfirming(row.id)} aria-label={`Remove “${row.headline}”`}>
                    Remove
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ul>
      {shown.pages > 1 && (
        <nav class="pager" aria-label="Pages of packs">
          <button type="button" class="pager-prev" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
            Newer
          </button>
          <span class="pager-where">{`Page ${shown.page + 1} of ${shown.pages}`}</span>
          <button type="button" class="pager-next" disabled={shown.page === shown.pages - 1} onClick={() => setPage(shown.page + 1)}>
            Older
          </button>
        </nav>
      )}
      <div class="pack-import">
        <label for="pack-file">Import a pack file (JSON, at most {MAX_PACK_BYTES / 1e6} MB)</label>
        <input id="pack-file" type="file" accept=".json,application/json" disabled={busy} onChange={onFile} />
      </div>
      {outcome?.kind === 'error' && (
        <p class="import-error" role="alert">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'done' && (
        <div class="pack-outcome" role="status">
          <p>{outcome.text}</p>
          {outcome.conflicts.length > 0 && (
            <>
              <p>
                {conflictCount(outcome.conflicts) === 1 ? 'One name rule clashes' : `${conflictCount(outcome.conflicts).toLocaleString('en-US')} name rules clash`} between the packs that are on;
                the earlier pack’s rule is used:
              </p>
              <ul class="conflicts">
                {outcome.conflicts.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
