/**
 * The options page: highlight style, first mention only, entity types, the names not to
 * highlight, the sites where Backstory is off, context packs, and reset. Says once when stored settings had to be repaired.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { defaultSettings, HIGHLIGHT_STYLES, withMuted, type HighlightStyle, type Settings } from '../common/settings';
import { loadSettings, REPAIR_NOTICE_KEY, saveSettings, watchSettings } from '../common/settings-store';
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

  useEffect(() => {
    const stop = new AbortController();
    void (async () => {
      const parsed = await loadSettings();
      const notice = await takeRepairNotice().catch(() => parsed.repairs);
      // Shown together, in one render: the page never appears first without its notice.
      setRepairs(notice.length > 0 ? notice : parsed.repairs);
      setSettings(parsed.settings);
    })();
    watchSettings(setSettings, stop.signal);
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

  const update = (next: Settings, message = 'Saved.') => {
    setSettings(next);
    // Which packs are on belongs to the Packs section (packs-store.ts recompiles the matcher with
    // it): keep what storage holds, never an older copy from this page's state.
    loadSettings()
      .then(({ settings: stored }) => {
        const merged = { ...next, enabledPacks: stored.enabledPacks };
        setSettings(merged);
        return saveSettings(merged);
      })
      .then(
      () => setStatus(message),
      () => setStatus('Could not save: browser storage refused the change.'),
    );
  };

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

      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="choice" key={style}>
            <input type="radio" name="style" value={style} checked={settings.style === style} onChange={() => update({ ...settings, style })} />
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
            onChange={(e) => update({ ...settings, firstMentionOnly: e.currentTarget.checked })}
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
              onChange={(e) => update({ ...settings, types: { ...settings.types, [t]: e.currentTarget.checked } })}
            />
            <span>{TYPE_LABELS_PLURAL[t]}</span>
          </label>
        ))}
      </fieldset>

      <MutedList
        ids={settings.mutedEntities}
        // From the stored list: a tab may have muted another name since this page last heard.
        onUnmute={(id) =>
          void loadSettings().then(({ settings: stored }) =>
            update(withMuted({ ...settings, mutedEntities: stored.mutedEntities }, id, false), 'Saved: highlighted again.'),
          )
        }
      />

      <PackList />

      <SiteList sites={settings.disabledSites} onChange={(disabledSites) => update({ ...settings, disabledSites })} />

      <p>
        <button type="button" class="danger" onClick={() => update(defaultSettings(), 'Settings reset to defaults.')}>
          Reset to defaults
        </button>
      </p>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
