/**
/**
 * The options page: highlight style, first mention only, entity types, the names not to
 * highlight, the sites where Backstory is off, context packs, backup, and reset. Says once when
 * stored settings had to be repaired, and says what synced storage could not take
 * (settings-items.ts, syncStatusMessages).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { defaultSettings, HIGHLIGHT_STYLES, withMuted, type HighlightStyle, type Settings } from '../common/settings';
import { loadSettings, loadSyncStatus, repairSettings, REPAIR_NOTICE_KEY, updateSettings, watchSettings, watchSyncStatus } from '../common/settings-store';
import { syncStatusMessages, type SyncStatus } from '../common/settings-items';
import { BackupSection } from './BackupSection';
import { ENTITY_TYPES } from '../kb/types';
import { TYPE_LABELS_PLURAL } from '../ui/labels';
import { MutedList } from './MutedList';
import { PackList } from './PackList';
import { SiteList } from './SiteList';

const STYLE_LABELS: Record<HighlightStyle, { label: string; hint: string }> = {
  underline: { label: 'Underline', hint: 'A quiet dotted underline under each name.' },
  tint: { label: 'Tint', hint: 'A soft background tint behind each name.' },
  hover: { label: 'None until hover', hint: 'Names look like the rest of the text until the pointer or focus is on them.' },
};

async function takeRepairNotice(): Promise<string[]> {
  const stored = (await browser.storage.local.get(REPAIR_NOTICE_KEY))[REPAIR_NOTICE_KEY];
  if (stored === undefined) return [];
  // Shown once: cleared as soon as it has been read.
  await browser.storage.local.remove(REPAIR_NOTICE_KEY);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [String(stored)];
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [repairs, setRepairs] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [sync, setSync] = useState<SyncStatus | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    void (async () => {
      const repaired = await repairSettings().catch(() => [] as string[]);
      const parsed = await loadSettings();
      const notice = await takeRepairNotice().catch(() => repaired);
      // Shown together, in one render: the page never appears first without its notice.
      setRepairs(notice.length > 0 ? notice : repaired);
      setSettings(parsed.settings);
      setSync(await loadSyncStatus());
    })();
    watchSettings(setSettings, stop.signal);
    watchSyncStatus(setSync, stop.signal);
    return () => stop.abort();
  }, []);

  if (!settings) {
    return (
      <main class="page options">
        <h1>Backstory options</h1>
        <p class="note">Loading…</p>
      </main>
    );
  }

  /**
   * Applies one change of the reader's to the freshest settings (another window may have changed
   * others meanwhile). It applies on this device at once; syncing is the background's.
   */
  const update = (change: (s: Settings) => Settings, message = 'Saved.') => {
    setSettings((s) => (s ? change(s) : s));
    updateSettings(change).then(
      (now) => {
        setSettings(now);
        setStatus(message);
      },
      (err: unknown) => setStatus(`Could not save: browser storage refused the change (${err instanceof Error ? err.message : String(err)}). Free some disk space and try again.`),
    );
  };
  const syncMessages = syncStatusMessages(sync);

  return (
    <main class="page options">
      <h1>Backstory options</h1>
      {repairs.length > 0 && (
        <div class="notice" role="alert">
          <p>
            <strong>Your saved settings were damaged and have been repaired.</strong>
          </p>
          <ul>
            {repairs.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setRepairs([])}>
            Dismiss
          </button>
        </div>
      )}

      {syncMessages.length > 0 && (
        <div class="notice sync-status" role="alert">
          {syncMessages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}

      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="choice" key={style}>
            <input type="radio" name="style" value={style} checked={settings.style === style} onChange={() => update((s) => ({ ...s, style }))} />
            <span>
              {STYLE_LABELS[style].label}
              <span class="hint">{STYLE_LABELS[style].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Mentions</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="first-mention-only"
            checked={settings.firstMentionOnly}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              update((s) => ({ ...s, firstMentionOnly: on }));
            }}
          />
          <span>First mention only</span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Highlight these kinds of names</legend>
        {ENTITY_TYPES.map((t) => (
          <label class="choice" key={t}>
            <input
              type="checkbox"
              name={`type-${t}`}
              checked={settings.types[t]}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                update((s) => ({ ...s, types: { ...s.types, [t]: on } }));
              }}
            />
            <span>{TYPE_LABELS_PLURAL[t]}</span>
          </label>
        ))}
      </fieldset>

      <MutedList
        ids={settings.mutedEntities}
        // Against the stored settings: a tab may have muted another name since this page last heard.
        onUnmute={(id) => update((s) => withMuted(s, id, false), 'Saved: highlighted again.')}
      />

      <PackList />

      <SiteList
        sites={settings.disabledSites}
        onAdd={(site) => update((s) => ({ ...s, disabledSites: s.disabledSites.includes(site) ? s.disabledSites : [...s.disabledSites, site] }))}
        onRemove={(site) => update((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== site) }))}
      />

      <BackupSection settings={settings} />

      <p>
        <button type="button" class="danger" onClick={() => update(() => defaultSettings(), 'Settings reset to defaults.')}>
          Reset to defaults
        </button>
      </p>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
