/**
 * Watches the page for content added or changed later (infinite scroll, live blogs, frameworks
 * re-rendering) and hands only what changed to the highlighter, within a bounded share of the CPU.
 *
 * It also repairs highlights when page code touches a text node that highlighting split, so the
 * page ends with exactly the text and order it would have without the extension:
 * - the page changes the node's text: the nodes made from it go, the node is highlighted again;
 * - the page removes the node: the nodes made from it go too;
 * - the page inserts a node right after it: the highlight is taken back first, so the new node
 *   lands after the whole text, then the text is highlighted again.
 *
 * Open shadow roots are observed one by one as the highlighter finds them (a document's observer
 * does not see into them); a root that appears later is found in what is added, on a host whose
 * light children change, or on a custom element defined late (polled, see shadow-roots.ts).
 */
import type { Highlighter } from './highlighter';
import { isInExcludedSubtree, UI_HOST_ATTRIBUTE } from './exclusions';
import { isShadowRoot } from './composed-tree';

/**
 * Wait this long after a change before scanning: batches bursts of mutations (a framework render
 * touches many nodes at once) while keeping added content highlighted well within half a second.
 */
export const WATCH_DELAY_MS = 100;
/** CPU share the watcher may use over a window; a page rewriting its text 100 times a second cannot make us use more. */
export const MAX_CPU_SHARE = 0.1;
/** The window over which MAX_CPU_SHARE is measured. */
export const CPU_WINDOW_MS = 1_000;
/**
 * How often custom elements not yet defined are checked for a new shadow root (and roots whose
 * host left the page are let go): a component defined late is highlighted within about a second,
 * and a check costs one read per such element or root.
 */
export const UPGRADE_CHECK_MS = 1_000;
/** What is observed, in the document and in each open shadow root. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class PageWatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Start times and durations of recent flushes, for the CPU budget. */
  private spent: { at: number; ms: number }[] = [];
  private lastUrl: string;
  private stopped = false;
  /** Runs only while there are shadow roots or custom elements to check: most pages have none. */
  private shadowTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly onNavigate: () => void,
    signal: AbortSignal,
  ) {
    this.lastUrl = doc.location?.href ?? '';
    this.observer = new MutationObserver((records) => this.handle(records));
    this.observer.observe(doc.documentElement, OBSERVED);
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Watches an open shadow root too (the highlighter found it). */
  observe(root: ShadowRoot): void {
    this.observer.observe(root, OBSERVED);
    this.watchShadowRoots();
  }

  /**
   * Starts the periodic check of shadow roots (see UPGRADE_CHECK_MS) if the page has roots or
   * custom elements waiting for their definition; called after each highlighting run.
   */
  watchShadowRoots(): void {
    const roots = this.highlighter.shadowRoots;
    if (this.shadowTimer !== undefined || this.stopped || (roots.size === 0 && roots.waitingHosts === 0)) return;
    this.shadowTimer = setInterval(() => this.checkShadowRoots(), UPGRADE_CHECK_MS);
  }

  /** Drops the records of the highlighter's own changes, so they never wake the watcher. */
  dropOwnRecords(): void {
    this.observer.takeRecords();
  }

  /** Handles page changes not yet delivered, before the highlighter changes the DOM itself. */
  flushRecords(): void {
    this.handle(this.observer.takeRecords());
  }

  stop(): void {
    this.observer.disconnect();
    this.stopped = true;
    clearInterval(this.shadowTimer);
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private handle(records: MutationRecord[]): void {
    const registry = this.highlighter.registryForRepair;
    const shadowRoots = this.highlighter.shadowRoots;
    let repaired = false;
    for (const r of records) {
      // A root given back (highlighting off, new settings) stays observed until the observer is
      // replaced; until it is found again, its changes are not ours to follow.
      const tree = r.target.getRootNode();
      if (isShadowRoot(tree) && !shadowRoots.has(tree)) continue;
      if (r.type === 'characterData') {
        const target = r.target;
        if (registry.isOrigin(target)) {
          // Page code set the text of a node it owns: what we made from the old text is stale.
          registry.discard(target);
          repaired = true;
        }
        if (!registry.originOf(target)) this.pending.add(target);
        continue;
      }
      for (const node of Array.from(r.removedNodes)) {
        if (registry.isOrigin(node)) {
          registry.discard(node);
          repaired = true;
        }
      }
      // Judged on the DOM as it is now rather than on the record's previousSibling: a burst of
      // changes may have moved things since (and happy-dom leaves that field empty).
      const first = r.addedNodes[0];
      const prev = first?.previousSibling;
      if (prev && registry.isOrigin(prev)) {
        // Inserted right after a split node, i.e. inside its text: put the text back together
        // (the nodes made from it go), which leaves the new node right after the whole text.
        registry.restore(prev);
        this.pending.add(prev);
        repaired = true;
      }
      for (const node of Array.from(r.addedNodes)) {
        if (registry.originOf(node) || (node instanceof Element && node.hasAttribute(UI_HOST_ATTRIBUTE))) continue;
        this.pending.add(node);
      }
      // A host whose light children change may have been given its root meanwhile.
      const late = (r.target as Element).shadowRoot;
      if (late && !shadowRoots.has(late)) this.pending.add(late);
    }
    if (repaired) this.dropOwnRecords();
    if (this.pending.size > 0) this.schedule();
  }

  /** Custom elements defined since the last check may have attached an open root; removed hosts' roots go. */
  private checkShadowRoots(): void {
    const roots = this.highlighter.shadowRoots;
    if (roots.size > 0) this.highlighter.pruneShadowRoots();
    if (roots.size === 0 && roots.waitingHosts === 0) {
      clearInterval(this.shadowTimer);
      this.shadowTimer = undefined;
      return;
    }
    if (roots.waitingHosts === 0) return;
    for (const root of roots.upgraded()) this.pending.add(root);
    if (this.pending.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const now = performance.now();
    this.spent = this.spent.filter((s) => s.at > now - CPU_WINDOW_MS);
    const used = this.spent.reduce((sum, s) => sum + s.ms, 0);
    // Over budget: wait until enough of the window has passed for our share to fall back under it.
    const overBudget = used - MAX_CPU_SHARE * CPU_WINDOW_MS;
    const delay = overBudget > 0 ? WATCH_DELAY_MS + overBudget / MAX_CPU_SHARE : WATCH_DELAY_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    const started = performance.now();
    if (this.doc.location && this.doc.location.href !== this.lastUrl) {
      // Single-page navigation: the old view's highlights and counts go, the new view is scanned whole.
      this.lastUrl = this.doc.location.href;
      this.pending.clear();
      this.onNavigate();
      this.spent.push({ at: started, ms: performance.now() - started });
      return;
    }
    const roots = topmost([...this.pending].filter((n) => n.isConnected && !isInExcludedSubtree(n)));
    this.pending = new Set();
    await this.highlighter.highlight(roots);
    this.watchShadowRoots();
    this.spent.push({ at: started, ms: performance.now() - started });
  }
}

/** Drops nodes that lie inside another node of the list, so each subtree is scanned once. */
function topmost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((n) => {
    for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}
