/**
 * The options page's "Packs" section: import a pack file, and for each pack its story and entity
 * count, an on/off switch, export and remove (with a confirmation in place). The built-in pack is
 * listed first, always on: it can be exported, not switched off or removed.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { KnowledgeBase } from '../kb/types';
import { loadSettings, SETTINGS_KEY } from '../common/settings-store';
import { builtInPack, exportPack, importPack, loadPacks, MAX_PACK_BYTES, PACKS_KEY, removePack, setPackEnabled, storedConflicts } from '../common/packs-store';
import { downloadText } from './download';
import { entityCountLabel, packRows, type PackRow } from './pack-rows';

type Outcome =
  | { kind: 'error'; text: string }
  | { kind: 'done'; text: string; conflicts: string[] };

const failure = (what: string, err: unknown) => `${what} failed: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`;

interface Stored {
  imported: Record<string, KnowledgeBase>;
  enabledIds: string[];
}

export function PackList() {
  const [stored, setStored] = useState<Stored | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** While an action of this page writes packs and settings one after the other, their halves are not shown. */
  const acting = useRef(false);

  // Packs and switches read together: a new pack is never shown with its switch not yet saved.
  const reload = useCallback(
    () => void Promise.all([loadPacks(), loadSettings()]).then(([imported, { settings }]) => setStored({ imported, enabledIds: settings.enabledPacks })),
    [],
  );
  useEffect(() => {
    reload();
    // Another options tab or the popup may change packs or switches too.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (acting.current) return;
      if ((area === 'local' && PACKS_KEY in changes) || (area === 'sync' && SETTINGS_KEY in changes)) reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [reload]);

  const run = async (act: () => Promise<Outcome | null>) => {
    setBusy(true);
    acting.current = true;
    try {
      const result = await act();
      if (result) setOutcome(result);
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
      // Refused before reading: a huge file should not be loaded into memory at all.
      if (file.size > MAX_PACK_BYTES) {
        return { kind: 'error', text: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; packs can be at most ${MAX_PACK_BYTES / 1e6} MB.` };
      }
      const result = await importPack(await file.text(), file.name);
      if (!result.ok) return { kind: 'error', text: result.error };
      const { source, entities } = result.pack;
      return {
        kind: 'done',
        text: `${result.replaced ? 'Replaced' : 'Imported'} “${source.headline}” (${source.outlet}): ${entityCountLabel(entities.length)}, now on.`,
        conflicts: result.conflicts,
      };
    });
  };

  const toggle = (row: PackRow, on: boolean) =>
    run(async () => {
      try {
        await setPackEnabled(row.id, on);
      } catch (err) {
        return { kind: 'error', text: failure(on ? 'Turning the pack on' : 'Turning the pack off', err) };
      }
      return { kind: 'done', text: `“${row.headline}” is ${on ? 'on' : 'off'}.`, conflicts: on ? await storedConflicts() : [] };
    });

  const remove = (row: PackRow) =>
    run(async () => {
      setConfirming(null);
      try {
        await removePack(row.id);
      } catch (err) {
        return { kind: 'error', text: failure('Removing the pack', err) };
      }
      return { kind: 'done', text: `Removed “${row.headline}”.`, conflicts: [] };
    });

  const exportRow = (row: PackRow) =>
    run(async () => {
      const text = await exportPack(row.id);
      if (text === null) return { kind: 'error', text: `“${row.headline}” is no longer stored.` };
      downloadText(text, `${row.id}.json`);
      return null;
    });

  const rows = stored ? packRows(builtInPack(), stored.imported, stored.enabledIds) : [];
  return (
    <fieldset class="packs-section" aria-busy={busy || !stored}>
      <legend>Packs</legend>
      <p class="hint">
        A pack is one article and the names it gives background on. Names from every pack that is on are highlighted; a name in two packs shows the
        background from each.
      </p>
      <ul class="packs">
        {rows.map((row) => (
          <li key={row.id} class="pack" data-pack-id={row.id}>
            <div>
              <p class="pack-headline">{row.headline}</p>
              <p class="pack-meta">
                {row.outlet} · <span class="pack-count">{entityCountLabel(row.entityCount)}</span>
                {row.builtIn && ' · built in'}
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
                {outcome.conflicts.length === 1 ? 'One name rule clashes' : `${outcome.conflicts.length} name rules clash`} between the packs that are on;
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
