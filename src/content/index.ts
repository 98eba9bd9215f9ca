/**
 * The content script: highlights the knowledge base's names on the page, keeps them up to date,
 * opens the hover card, and answers the popup and the background. A thin shell over the pure
 * matcher (src/match); everything it starts is torn down through one AbortSignal.
 */
import browser from 'webextension-polyfill';
import { Matcher } from '../match/matcher';
import { EMPTY_MATCHER_DATA } from '../match/matcher-data';
import type { PagePolicy } from '../match/page-mentions';
import { isSiteEnabled, type Settings } from '../common/settings';
import { loadSettings, watchSettings } from '../common/settings-store';
import { isMessage, type Message, type Replies } from '../common/messages';
import { Highlighter } from './highlighter';
import { OpenShadowRoots } from './shadow-roots';
import MARK_CSS from './content.css';
import { PageWatcher } from './page-watcher';
import { visibleElements } from './visible-first';
import { CARD_MODULE, lazyHoverCard, type LazyCard } from './card/card-loader';
import { adjacentMark, flash, MentionCycler } from './mention-navigation';
import { watchExtensionContext } from './extension-context';
import { deepActiveElement } from './composed-tree';
import { loadCompiledMatcher, watchCompiledMatcher } from '../common/compiled-matcher-store';

/** mark.js's module (build.mjs writes it beside content.js): loaded on the first page with a name to mark. */
const MARKER_MODULE = 'marker.js';

/**
 * Measured on the page's timeline (as the highlighter's done mark is) for `npm run bench`: from
 * asking storage for the compiled matcher to the matcher ready to scan, and the part of it after
 * storage answered (parsing and building the look-up tables on the page's main thread).
 */
const MATCHER_READY_MEASURE = 'backstory:matcher-ready';
const MATCHER_BUILD_MEASURE = 'backstory:matcher-build';

/** Batch badge updates: counts change many times while a big page is highlighted. */
const BADGE_UPDATE_DELAY_MS = 250;

const policyOf = (s: Settings): PagePolicy => ({ firstMentionOnly: s.firstMentionOnly, types: s.types, muted: s.mutedEntities });

async function main(): Promise<void> {
  // Only HTML pages with a body: not XML, SVG or PDF viewers.
  if (!(document.documentElement instanceof HTMLElement) || !document.body) return;
  const controller = new AbortController();
  const { signal } = controller;
  let settings = (await loadSettings()).settings;
  const hostname = location.hostname;
  let active = isSiteEnabled(settings, hostname);

  let watcher: PageWatcher | undefined;
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  const askBackground = async () => ((await browser.runtime.sendMessage({ type: 'get-compiled-matcher' } satisfies Message)) as Replies['get-compiled-matcher'] | undefined)?.compiled;
  const loadMatcher = async () => {
    const started = performance.now();
    let read = started;
    const matcher = new Matcher((await loadCompiledMatcher(askBackground, () => (read = performance.now()))) ?? EMPTY_MATCHER_DATA);
    performance.measure(MATCHER_READY_MEASURE, { start: started });
    performance.measure(MATCHER_BUILD_MEASURE, { start: read });
    return matcher;
  };
  const highlighter = new Highlighter(document, await loadMatcher(), policyOf(settings), settings.style, {
    beforeMutation: () => watcher?.flushRecords(),
    afterMutation: () => watcher?.dropOwnRecords(),
    onFound: (found) => {
      clearTimeout(badgeTimer);
      badgeTimer = setTimeout(() => send({ type: 'page-names-changed', distinct: found.length }), BADGE_UPDATE_DELAY_MS);
    },
    onShadowRoot: (root) => watcher?.observe(root),
    visibleAmong: (elements) => visibleElements(elements, document),
    loadMark: () => import(browser.runtime.getURL(MARKER_MODULE)).then((m: typeof import('./marker')) => m.Mark),
  }, new OpenShadowRoots(document, MARK_CSS));
  const card: LazyCard = lazyHoverCard(
    signal,
    { send: (m) => browser.runtime.sendMessage(m), storageEvents: browser.storage.onChanged },
    () => import(browser.runtime.getURL(CARD_MODULE)),
  );
  const cycler = new MentionCycler();

  const start = () => {
    watcher = new PageWatcher(document, highlighter, () => {
      highlighter.clear();
      void highlighter.highlight([document.body]).then(() => watcher?.watchShadowRoots());
    }, signal);
    const current = watcher;
    void highlighter.highlight([document.body]).then(() => current.watchShadowRoots());
  };
  const stop = () => {
    watcher?.stop();
    watcher = undefined;
    card.close();
    highlighter.clear();
  };

  // Marks left by an instance of the extension that was unloaded (updated, reloaded) go first.
  highlighter.clear();
  if (active) start();

  // Packs enabled, disabled, imported or removed (each change stores a new matcher): highlight
  // again with the new matcher, no reload.
  const reloadMatcher = () => {
    void loadMatcher().then((matcher) => {
      if (signal.aborted) return;
      const wasActive = active;
      if (wasActive) stop();
      highlighter.reconfigure(policyOf(settings), settings.style, matcher);
      if (wasActive) start();
    });
  };
  watchCompiledMatcher(reloadMatcher, signal);

  watchSettings((next) => {
    const wasActive = active;
    const rulesChanged =
      next.style !== settings.style ||
      next.firstMentionOnly !== settings.firstMentionOnly ||
      JSON.stringify(next.types) !== JSON.stringify(settings.types) ||
      JSON.stringify(next.mutedEntities) !== JSON.stringify(settings.mutedEntities);
    settings = next;
    active = isSiteEnabled(next, hostname);
    if (wasActive && !active) stop();
    else if (!wasActive && active) {
      highlighter.reconfigure(policyOf(next), next.style);
      start();
    } else if (active && rulesChanged) {
      stop();
      highlighter.reconfigure(policyOf(next), next.style);
      start();
    }
  }, signal, settings);

  const handlers: { [T in Message['type']]?: (m: Extract<Message, { type: T }>) => Replies[T] } = {
    'get-page-names': () => ({ names: highlighter.found(), active, hostname }),
    'show-next-mention': (m) => {
      const mark = cycler.next(highlighter.marks(), m.id);
      if (mark) flash(mark);
      return { found: !!mark };
    },
    'toggle-highlighting': () => {
      active = !active;
      if (active) start();
      else stop();
      card.announce(active ? 'Backstory highlighting on' : 'Backstory highlighting off');
      return { active };
    },
    // Only on the reader's request ("Add this article"): the review page parses and extracts it,
    // so none of the extraction code is loaded on pages that are only read.
    'get-page-snapshot': () => ({ html: document.documentElement.outerHTML, url: location.href, contentType: document.contentType }),
    'jump-to-mention': (m) => {
      const mark = adjacentMark(highlighter.marks(), deepActiveElement(document), m.direction);
      if (!mark) {
        card.announce('No highlighted names on this page');
        return { id: null };
      }
      mark.focus();
      card.openFor(mark, 'command');
      return { id: mark.dataset.entityId ?? null };
    },
  };
  // Replies go through sendResponse (and `return true` keeps the channel open): Chrome's own
  // onMessage does not take a returned promise as the reply (src/content/native-browser.ts).
  // A message this script does not answer gets an empty reply at once.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true => {
    const handler = isMessage(message) ? (handlers[message.type] as ((m: Message) => unknown) | undefined) : undefined;
    if (!handler) sendResponse(undefined);
    else void Promise.resolve(handler(message as Message)).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  // When the extension is updated, reloaded or removed, this script is orphaned: leave the page as it was.
  watchExtensionContext(() => {
    stop();
    controller.abort();
  }, signal);

  function send(message: Message): void {
    browser.runtime.sendMessage(message).catch(() => undefined);
  }
}

void main();
