/**
 * The toolbar popup: the names on the active page (first appearance first, with counts), a search
 * over every enabled pack, their stories, and the page's switches. Opened with #entity=<id> it
 * shows that entity's full background instead.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Message } from '../common/messages';
import { withMuted, type Settings } from '../common/settings';
import { loadSettings, loadSyncStatus, updateSettings, watchSettings, watchSyncStatus } from '../common/settings-store';
import { syncStatusMessages, type SyncStatus } from '../common/settings-items';
import { AddArticle } from './AddArticle';
import { EntityPage } from './EntityPage';
import { EntityRow } from './EntityRow';
import { KnowledgeContext, useEnabledKnowledge, useKnowledge } from './knowledge';
import { nameRows } from './name-rows';
import { readPage, sendToTab, type PageState } from './page-names';
import { PageSwitches } from './PageSwitches';
import { readTarget, type PopupTarget } from './popup-target';
import { SearchResults } from './SearchResults';
import { withSiteEnabled } from './site-setting';
import { StoryOverview } from './StoryOverview';

const currentTarget = () => readTarget(location.search, location.hash);

export function PopupApp() {
  const [target, setTarget] = useState<PopupTarget>(currentTarget);
  useEffect(() => {
    const onHash = () => setTarget(currentTarget());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const knowledge = useEnabledKnowledge();
  return (
    <KnowledgeContext.Provider value={knowledge}>
      {target.kind === 'entity' ? <EntityPage id={target.id} /> : <PagePopup tabId={target.tabId} />}
    </KnowledgeContext.Provider>
  );
}

function statusNote(page: PageState, names: number): string | null {
  if (page.status === 'loading') return 'Looking for names on this page…';
  if (page.status === 'unreachable') {
    return page.reason === 'no-tab'
      ? 'There is no page to read here. Here is the story Backstory knows about.'
      : 'Backstory cannot read this page (browser pages, extension stores and some special pages are off limits, and a page that is still loading may need a moment). Here is the story Backstory knows about.';
  }
  if (!page.reply.active) return 'Highlighting is off on this page.';
  if (names === 0) return 'No names from the knowledge base on this page.';
  return null;
}

function PagePopup({ tabId }: { tabId: number | null }) {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [query, setQuery] = useState('');
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [saveError, setSaveError] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  /** The name last muted from this popup, for its undo. */
  const [muted, setMuted] = useState<{ id: string; name: string } | null>(null);
  const { backgroundOf, want } = useKnowledge();

  // Only the packs that hold the names on the page are read.
  const pageIds = page.status === 'ok' && page.reply.active ? page.reply.names.map((n) => n.id) : [];
  const pageIdsKey = pageIds.join(' ');
  // Keyed on the ids themselves: a new array each render must not ask again (want skips known ids anyway).
  useEffect(() => want(pageIds), [pageIdsKey, want]);

  const refresh = useCallback(() => {
    void readPage(tabId).then(setPage);
  }, [tabId]);

  useEffect(() => {
    refresh();
    void loadSettings().then((p) => setSettings(p.settings));
    void loadSyncStatus().then(setSync);
    const stop = new AbortController();
    watchSyncStatus(setSync, stop.signal);
    watchSettings((s) => {
      setSettings(s);
      // The content script applies the change; ask again for what the page now shows.
      refresh();
    }, stop.signal);
    return () => stop.abort();
  }, [refresh]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const openFull = (id: string) => {
    const message: Message = { type: 'open-background', id };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  };
  const show = (id: string) => {
    if (page.status === 'ok') void sendToTab(page.tabId, { type: 'show-next-mention', id }).catch(() => undefined);
  };
  /** Changes only what the reader changed, on the freshest settings (another window may have changed others). */
  const update = (change: (s: Settings) => Settings) => {
    setSettings((s) => (s ? change(s) : s));
    updateSettings(change).then(
      (now) => {
        setSettings(now);
        setSaveError('');
      },
      (err: unknown) => {
        // Shown, and the switch put back to what is stored: nothing is dropped silently.
        setSaveError(`Could not save: browser storage refused the change (${err instanceof Error ? err.message : String(err)}). Free some disk space and try again.`);
        void loadSettings().then((p) => setSettings(p.settings));
      },
    );
  };
  // A change to the stored settings: the popup's copy may be older than another tab's change.
  const setMute = (id: string, on: boolean) => update((s) => withMuted(s, id, on));
  const mute = (id: string, name: string) => {
    setMuted({ id, name });
    void setMute(id, true);
  };
  const unmute = () => {
    if (!muted) return;
    void setMute(muted.id, false);
    setMuted(null);
  };

  const rows = page.status === 'ok' && page.reply.active ? nameRows(page.reply.names, (id) => backgroundOf(id)?.entity) : [];
  const note = statusNote(page, rows.length);
  const hostname = page.status === 'ok' && page.reply.hostname ? page.reply.hostname : null;
  const searching = query.trim() !== '';

  return (
    <main class="popup">
      <h1>Backstory</h1>
      <div class="search">
        <label for="search">Search the knowledge base</label>
        <input id="search" type="search" value={query} autocomplete="off" onInput={(e) => setQuery(e.currentTarget.value)} placeholder="A name, place or topic" />
      </div>
      {searching ? (
        <SearchResults query={query} expanded={expanded} onToggle={toggle} onFullBackground={openFull} />
      ) : (
        <section aria-labelledby="names-title" aria-busy={page.status === 'loading'}>
          <h2 id="names-title">Names on this page</h2>
          {note && (
            <p class="note" role="status">
              {note}
            </p>
          )}
          {muted && (
            <p class="note muted-note" role="status">
              {muted.name} is no longer highlighted.{' '}
              <button type="button" class="linkish" onClick={unmute}>
                Undo
              </button>
            </p>
          )}
          {rows.length > 0 && (
            <ol class="entity-list names">
              {rows.map((r) => (
                <EntityRow
                  key={r.entity.id}
                  entity={r.entity}
                  count={r.count}
                  expanded={expanded.has(r.entity.id)}
                  onToggle={toggle}
                  onShow={show}
                  onFullBackground={openFull}
                  onMute={mute}
                />
              ))}
            </ol>
          )}
        </section>
      )}
      {page.status === 'ok' && <AddArticle tabId={page.tabId} closeAfter={tabId === null} />}
      {settings && page.status !== 'loading' && (
        <PageSwitches
          settings={settings}
          hostname={hostname}
          onSiteEnabled={(on) => hostname && update((s) => withSiteEnabled(s, hostname, on))}
          onFirstMentionOnly={(on) => update((s) => ({ ...s, firstMentionOnly: on }))}
        />
      )}
      {saveError && (
        <p class="note sync-status" role="alert">
          {saveError}
        </p>
      )}
      {syncStatusMessages(sync).map((m, i) => (
        <p class="note sync-status" role="status" key={i}>
          {m}
        </p>
      ))}
      <StoryOverview />
      <p class="footer">
        <button type="button" class="linkish" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </p>
    </main>
  );
}
