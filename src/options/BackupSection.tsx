/**
 * The options page's "Backup" section: save everything the reader made (settings, sites, muted
 * names, their packs) to one file, and restore one, merging or replacing, after a preview of what
 * would change. The file is read and checked in the pack Worker; nothing changes until the reader
 * confirms, and a restore that fails changes nothing.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../common/settings';
import { exportBackup, packEngine, restoreBackup } from '../common/packs-store';
import { previewSettings, restoredSettings, type ListChange, type PackLine, type RestoreMode } from '../common/backup';
import type { BackupPreview } from '../common/backup-engine';
import { downloadText } from './download';

/** Names listed per kind of change in the preview; the rest are counted. */
const LISTED = 8;

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'preview'; preview: BackupPreview; fileName: string }
  | { kind: 'error'; text: string }
  | { kind: 'done'; text: string };

function Names({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <li>
      {title}: {names.slice(0, LISTED).join(', ')}
      {names.length > LISTED && ` … and ${(names.length - LISTED).toLocaleString('en')} more`}
    </li>
  );
}

const packNames = (lines: PackLine[]) => lines.map((l) => `“${l.headline}” (${l.outlet})`);
const listLines = (what: string, change: ListChange) => [
  <Names key={`${what}-add`} title={`${what} added`} names={change.add} />,
  <Names key={`${what}-remove`} title={`${what} removed`} names={change.remove} />,
];

export function BackupSection({ settings }: { settings: Settings }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');

  const save = () => {
    setState({ kind: 'busy', text: 'Writing the backup…' });
    exportBackup().then(
      (text) => {
        downloadText(text, `backstory-backup-${new Date().toISOString().slice(0, 10)}.json`);
        setState({ kind: 'done', text: 'Backup saved.' });
      },
      (err: unknown) => setState({ kind: 'error', text: `The backup could not be written: ${err instanceof Error ? err.message : String(err)}.` }),
    );
  };

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (state.kind === 'preview') void packEngine().dropBackup(state.preview.token);
    setState({ kind: 'busy', text: `Reading ${file.name}…` });
    packEngine()
      .previewBackup(file, file.name)
      .then(
        (result) => setState(result.ok ? { kind: 'preview', preview: result.preview, fileName: file.name } : { kind: 'error', text: result.error }),
        (err: unknown) => setState({ kind: 'error', text: `${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}.` }),
      );
  };

  const cancel = () => {
    if (state.kind === 'preview') void packEngine().dropBackup(state.preview.token);
    setState({ kind: 'idle' });
  };

  const apply = () => {
    if (state.kind !== 'preview') return;
    const { preview, fileName } = state;
    setState({ kind: 'busy', text: 'Restoring…' });
    restoreBackup(preview.token, mode, preview.settings).then(
      (result) =>
        setState(
          result.ok
            ? { kind: 'done', text: `Restored ${fileName} (${mode === 'merge' ? 'merged with what you had' : 'in place of what you had'}).` }
            : { kind: 'error', text: result.error },
        ),
      (err: unknown) => setState({ kind: 'error', text: `The backup could not be restored: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.` }),
    );
  };

  const busy = state.kind === 'busy';
  let preview = null;
  if (state.kind === 'preview') {
    const packs = state.preview.packs[mode];
    const settingsChange = previewSettings(settings, restoredSettings(settings, state.preview.settings, mode));
    const nothing =
      packs.add.length + packs.replace.length + packs.remove.length + packs.switchOn.length + packs.switchOff.length === 0 &&
      settingsChange.changed.length + settingsChange.disabledSites.add.length + settingsChange.disabledSites.remove.length +
        settingsChange.mutedEntities.add.length + settingsChange.mutedEntities.remove.length === 0;
    preview = (
      <div class="backup-preview" role="region" aria-label="What restoring the backup would change">
        <p>
          <strong>{state.fileName}</strong>
          {state.preview.exported && ` (saved ${state.preview.exported.slice(0, 10)})`}: nothing changes until you choose Restore.
        </p>
        <div class="backup-modes" role="radiogroup" aria-label="How to restore">
          <label class="choice">
            <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            <span>
              Merge<span class="hint">Add the backup’s packs, sites and muted names to yours; a pack you have is replaced by the backup’s copy.</span>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="restore-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            <span>
              Replace<span class="hint">Make everything as in the backup: packs and settings that are not in it are removed.</span>
            </span>
          </label>
        </div>
        <ul class="backup-changes">
          <li class="backup-summary">
            {`Packs: ${packs.add.length.toLocaleString('en')} added, ${packs.replace.length.toLocaleString('en')} replaced, ${packs.remove.length.toLocaleString('en')} removed, ` +
              `${(packs.switchOn.length + packs.switchOff.length).toLocaleString('en')} switched on or off, ${packs.same.toLocaleString('en')} unchanged.`}
          </li>
          <Names title="Packs added" names={packNames(packs.add)} />
          <Names title="Packs replaced" names={packNames(packs.replace)} />
          <Names title="Packs removed" names={packNames(packs.remove)} />
          <Names title="Packs switched on" names={packNames(packs.switchOn)} />
          <Names title="Packs switched off" names={packNames(packs.switchOff)} />
          <Names title="Settings changed" names={settingsChange.changed} />
          {listLines('Sites where Backstory is off', settingsChange.disabledSites)}
          {listLines('Muted names', settingsChange.mutedEntities)}
          {nothing && <li>Nothing would change.</li>}
        </ul>
        <p>
          <button type="button" class="backup-apply" onClick={apply}>
            Restore
          </button>{' '}
          <button type="button" class="backup-cancel" onClick={cancel}>
            Cancel
          </button>
        </p>
      </div>
    );
  }

  return (
    <fieldset class="backup-section" aria-busy={busy}>
      <legend>Backup</legend>
      <p class="hint">One file with everything you made: your settings, the sites where Backstory is off, muted names, and your packs.</p>
      <p>
        <button type="button" class="backup-export" disabled={busy} onClick={save}>
          Save a backup
        </button>
      </p>
      <div class="backup-import">
        <label for="backup-file">Restore from a backup file</label>
        <input id="backup-file" type="file" accept=".json,application/json" disabled={busy} onChange={onFile} />
      </div>
      {state.kind === 'busy' && <p class="note">{state.text}</p>}
      {preview}
      {state.kind === 'error' && (
        <p class="backup-error" role="alert">
          {state.text}
        </p>
      )}
      {state.kind === 'done' && (
        <p class="backup-outcome" role="status">
          {state.text}
        </p>
      )}
    </fieldset>
  );
}
