/**
 * Highlights the names on a page: a fast scan of our own finds where the names are (one
 * TreeWalker, the compiled trie per text node, in time slices), the page rules decide which
 * mentions count, and mark.js wraps only those, visible part of the page first. Open shadow roots
 * under what is scanned are found and scanned in the same run (shadow-roots.ts).
 */
import type { Matcher, ScanResult } from '../match/matcher';
import { PageMentions, type EntityCount, type PagePolicy, type Placed } from '../match/page-mentions';
import type { HighlightStyle } from '../common/settings';
import { isInExcludedSubtree, MARK_CLASS, TextNodes } from './exclusions';
import { HighlightRegistry, type MarkJs, type MentionRange } from './highlight-registry';
import { SliceClock } from './time-slices';
import { isShadowRoot, sortComposed } from './composed-tree';
import type { OpenShadowRoots } from './shadow-roots';

/** Texts shorter than this hold no name (the shortest forms, "US", have two letters). */
const MIN_TEXT_LENGTH = 2;
/** A text longer than this is scanned in chunks of this size, one per check of the slice clock. */
const SCAN_CHUNK_CHARS = 32_768;
/**
 * Marks in one text node. A node is split and marked within one task (see WrapJob: a node left
 * half marked would be laid out again at every step), and a 5 MB text node holds 150,000
 * mentions. 250 still cover a screenful of even that text, at the price of one task of about
 * 90 ms on that page in Chromium (test/e2e/huge-pages.test.ts); ordinary paragraphs hold a few.
 */
export const MAX_MARKS_PER_TEXT_NODE = 250;
/** Texts (with mentions) judged by the page rules between two checks of the slice clock. */
const PAGE_RULES_BATCH = 256;
/**
 * A page cannot make us add more marks than this: beyond it a reader gains nothing, and a hostile
 * page cannot make us slow it down. The cost of marking grows faster than the count: every
 * mark.js call leaves NodeIterators alive until the next garbage collection, and Chromium updates
 * each live one on every node removal (measured on 100,000 text nodes: 5,000 marks cost 3.5 s of
 * script time, 1,000 cost 0.2 s).
 */
export const MAX_MARKS_PER_PAGE = 1_000;

/**
 * A Performance-timeline mark set each time a highlighting run finishes: lets benchmarks and
 * tests see "done" from the page without any hook into the extension. Carries no page data.
 */
export const HIGHLIGHT_DONE_MARK = 'backstory:highlighted';

/**
 * What a screen reader says after a highlighted name (its text is the name): that it opens
 * background. `aria-description` is one attribute per mark, no id and no element in the page;
 * `aria-label` is prohibited on role mark and `aria-haspopup` is not allowed there.
 */
export const MARK_DESCRIPTION = 'Backstory: background available';

interface Scanned {
  node: Text;
  /** The text as scanned: if the page changes it before wrapping, the node is scanned again. */
  text: string;
  result: ScanResult;
}

export const STYLE_CLASSES: Record<HighlightStyle, string> = {
  underline: `${MARK_CLASS}--underline`,
  tint: `${MARK_CLASS}--tint`,
  hover: `${MARK_CLASS}--hover`,
};

export interface HighlighterHooks {
  /** Called right before the highlighter changes the DOM (the watcher takes the page's pending changes first). */
  beforeMutation(): void;
  /** Called right after every change the highlighter makes to the DOM (the watcher drops its own records). */
  afterMutation(): void;
  /** Called when the names found on the page change. */
  onFound(found: EntityCount[]): void;
  /** Called for each open shadow root found, before it is scanned (the watcher observes it). */
  onShadowRoot(root: ShadowRoot): void;
  /** Loads mark.js, the first time a run has something to mark (content.js: src/content/marker.ts). */
  loadMark(): Promise<MarkJs>;
  /**
   * Which of these elements are in the viewport (content.js: visible-first.ts, which forces no
   * layout): their names are marked first. Without it, marks go in document order.
   */
  visibleAmong?(elements: Element[]): Promise<Set<Element>>;
}

export class Highlighter {
  private page: PageMentions<Text>;
  private readonly registry = new HighlightRegistry();
  private markCount = 0;
  private readonly firstMarked = new Set<string>();
  /** Runs one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private generation = 0;
  private markJs: Promise<MarkJs> | null = null;

  constructor(
    private readonly doc: Document,
    private matcher: Matcher,
    private policy: PagePolicy,
    private style: HighlightStyle,
    private readonly hooks: HighlighterHooks,
    /** The page's open shadow roots: found, styled and given back by the highlighter. */
    readonly shadowRoots: OpenShadowRoots,
  ) {
    this.page = new PageMentions(matcher, policy);
  }

  get registryForRepair(): HighlightRegistry {
    return this.registry;
  }

  found(): EntityCount[] {
    return this.page.found();
  }

  /** Every mark on the page, open shadow roots included, in the order the page shows them. */
  marks(): HTMLElement[] {
    const selector = `mark.${MARK_CLASS}[data-entity-id]`;
    const marks = Array.from(this.doc.querySelectorAll<HTMLElement>(selector));
    const roots = this.shadowRoots.all();
    if (roots.length === 0) return marks;
    for (const root of roots) marks.push(...Array.from(root.querySelectorAll<HTMLElement>(selector)));
    return sortComposed(marks);
  }

  /** Highlights what is under these nodes (the whole body at start, added content later). */
  highlight(roots: Node[]): Promise<void> {
    const generation = this.generation;
    this.chain = this.chain
      .then(() => (generation === this.generation ? this.run(roots, generation) : undefined))
      // One failed run (a page that pulls a node away mid-way) must not stop every later one.
      .catch((err: unknown) => console.warn('Backstory: highlighting stopped early:', err));
    return this.chain;
  }

  /** Removes every highlight and forgets what was found; the page is as it was, shadow roots too. */
  clear(): void {
    this.generation++;
    this.hooks.beforeMutation();
    this.registry.restoreAll(this.doc);
    this.shadowRoots.release((root) => this.registry.restoreAll(root));
    this.hooks.afterMutation();
    this.page = new PageMentions(this.matcher, this.policy);
    this.markCount = 0;
    this.firstMarked.clear();
    this.hooks.onFound(this.page.found());
  }

  /** New settings or packs: highlights are taken back, to be made again under the new rules. */
  reconfigure(policy: PagePolicy, style: HighlightStyle, matcher: Matcher = this.matcher): void {
    this.policy = policy;
    this.style = style;
    this.matcher = matcher;
    this.clear();
  }

  private async run(roots: Node[], generation: number): Promise<void> {
    const clock = new SliceClock();
    const scanned: Scanned[] = [];
    // Shadow roots found under a root join the queue (nested ones when their own root is walked).
    const queue = [...roots];
    const found = new Set<ShadowRoot>();
    for (let k = 0; k < queue.length; k++) {
      const root = queue[k]!;
      if (!root.isConnected || isInExcludedSubtree(root)) continue;
      if (isShadowRoot(root)) {
        // Found by a walk below (registered then) or handed over by the watcher (a late root).
        if (!found.has(root) && !this.shadowRoots.add(root)) continue;
        this.prepare(root);
      }
      if (root.nodeType === Node.TEXT_NODE) {
        await this.scanLongText(root as Text, scanned, clock);
        continue;
      }
      // Open shadow roots the walk passes join the queue, scanned in this same run.
      const texts = new TextNodes(root, (shadow, host) => {
        if (!this.shadowRoots.found(shadow, host)) return;
        found.add(shadow);
        queue.push(shadow);
      });
      this.shadowRoots.collectWaiting(root);
      let n = texts.next();
      while (n) {
        // A tight synchronous loop until the slice is used up: awaiting per node would cost a
        // promise and a microtask for each of a big page's tens of thousands of text nodes.
        do {
          if (n.data.length > SCAN_CHUNK_CHARS) await this.scanLongText(n, scanned, clock);
          else this.scanText(n, scanned);
          n = texts.next();
        } while (n && !clock.tick());
        if (n && !(await this.turn(clock, generation, true))) return;
      }
    }
    // Each phase below starts in a fresh slice if this one is used up.
    if (!(await this.turn(clock, generation))) return;
    // The page rules, a share of the texts at a time: a 5 MB page has 30,000 mentions. Mentions
    // that wait for a later text (a second reference before the full name) are unlocked by it.
    const placed: Placed<Text>[] = [];
    for (let i = 0; i < scanned.length; i += PAGE_RULES_BATCH) {
      // A loop, not push(...): one 5 MB text node gives 150,000 mentions, too many arguments for a call.
      for (const p of this.page.add(scanned.slice(i, i + PAGE_RULES_BATCH), (node) => node.isConnected)) placed.push(p);
      if (!(await this.turn(clock, generation))) return;
    }
    this.hooks.onFound(this.page.found());
    if (!(await this.turn(clock, generation))) return;
    await this.wrap(placed, scanned, clock, generation);
    performance.mark(HIGHLIGHT_DONE_MARK);
  }

  /**
   * Gives back the shadow roots whose host has left the page, so that a feed replacing its
   * components does not keep every one it ever showed (one that comes back is found again).
   */
  pruneShadowRoots(): void {
    const gone = this.shadowRoots.detached();
    if (gone.length === 0) return;
    this.hooks.beforeMutation();
    for (const root of gone) {
      this.registry.restoreAll(root);
      this.shadowRoots.forget(root);
    }
    this.hooks.afterMutation();
  }

  /** A new root, before it is scanned: marks an earlier instance of the extension left there go, and the watcher observes it. */
  private prepare(root: ShadowRoot): void {
    this.hooks.beforeMutation();
    this.registry.restoreAll(root);
    this.hooks.afterMutation();
    this.hooks.onShadowRoot(root);
  }

  /**
   * Gives the page a turn if the slice is used up (or always, when `expired` is already known);
   * false when the run is void because clear() or reconfigure() ran meanwhile.
   */
  private async turn(clock: SliceClock, generation: number, expired = clock.expired): Promise<boolean> {
    if (expired) await clock.next();
    return generation === this.generation;
  }

  private scanText(node: Text, out: Scanned[]): void {
    const text = node.data;
    if (text.length < MIN_TEXT_LENGTH || this.registry.isOrigin(node) || this.registry.originOf(node)) return;
    const result = this.matcher.scan(text);
    if (result.mentions.length > 0 || result.contexts.length > 0) out.push({ node, text, result });
  }

  /** A text too long for one slice (a 5 MB text node) is scanned in chunks, yielding between them. */
  private async scanLongText(node: Text, out: Scanned[], clock: SliceClock): Promise<void> {
    const text = node.data;
    if (text.length <= SCAN_CHUNK_CHARS) return this.scanText(node, out);
    if (this.registry.isOrigin(node) || this.registry.originOf(node)) return;
    const result: ScanResult = { mentions: [], contexts: [] };
    for (let from = 0; from < text.length; from += SCAN_CHUNK_CHARS) {
      const part = this.matcher.scan(text, from, Math.min(text.length, from + SCAN_CHUNK_CHARS));
      result.mentions.push(...part.mentions);
      result.contexts.push(...part.contexts);
      if (clock.expired) await clock.next();
    }
    if (result.mentions.length > 0 || result.contexts.length > 0) out.push({ node, text, result });
  }

  private async wrap(
    placed: Placed<Text>[],
    scanned: { node: Text; text: string }[],
    clock: SliceClock,
    generation: number,
  ): Promise<void> {
    // At the cap, only counting goes on (the popup lists every name the page has).
    if (this.markCount >= MAX_MARKS_PER_PAGE) return;
    const byNode = new Map<Text, MentionRange[]>();
    for (const { node, mention } of placed) {
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      if (list.length < MAX_MARKS_PER_TEXT_NODE) list.push({ start: mention.start, end: mention.end, entityId: this.matcher.entityId(mention.entity) });
      if (clock.tick() && !(await this.turn(clock, generation, true))) return;
    }
    const scannedText = new Map(scanned.map((s) => [s.node, s.text]));
    const items = [...byNode].map(([node, mentions]) => ({ node, text: scannedText.get(node) ?? node.data, mentions }));
    // Visible part first, as the browser reports it at its next rendering update: no layout is
    // read here (a read per node, one slice after another, forced a layout in every slice).
    if (this.hooks.visibleAmong) {
      const parents = [...new Set(items.map((it) => it.node.parentElement).filter((el) => el !== null))];
      const visible = await this.hooks.visibleAmong(parents);
      if (generation !== this.generation) return;
      if (visible.size > 0) items.sort((a, b) => Number(visible.has(b.node.parentElement!)) - Number(visible.has(a.node.parentElement!)));
    }
    const room = MAX_MARKS_PER_PAGE - this.markCount;
    let taken = 0;
    const limited = items.map((it) => {
      const mentions = it.mentions.slice(0, Math.max(0, room - taken));
      taken += mentions.length;
      return { ...it, mentions };
    });
    const toMark = limited.filter((it) => it.mentions.length > 0);
    if (toMark.length === 0) return;
    let markJs: MarkJs;
    try {
      markJs = await (this.markJs ??= this.hooks.loadMark());
    } catch (err) {
      // Tried again by the next run (an update may have replaced the file meanwhile).
      this.markJs = null;
      throw err;
    }
    if (generation !== this.generation) return;
    const job = this.registry.begin(toMark, (mark, id) => this.decorate(mark, id), markJs);
    // One step at a time, with a turn for the page whenever the slice is used up: a page can
    // hold hundreds of mentions, and marking costs about 0.1 ms each.
    while (!job.done) {
      this.hooks.beforeMutation();
      this.markCount += job.step().length;
      this.hooks.afterMutation();
      // If clear() ran meanwhile, it has put back the nodes this job had split.
      if (!(await this.turn(clock, generation))) return;
    }
    // The page changed these texts between scan and wrap: scan them again.
    if (job.stale.length > 0) void this.highlight(job.stale);
  }

  private decorate(mark: HTMLElement, entityId: string): void {
    mark.dataset.entityId = entityId;
    mark.classList.add(STYLE_CLASSES[this.style]);
    mark.setAttribute('aria-description', MARK_DESCRIPTION);
    // One tab stop per name (its first highlighted mention); the others are reached with the
    // next/previous-name commands, so Tab does not crawl through every repeat.
    mark.tabIndex = this.firstMarked.has(entityId) ? -1 : 0;
    this.firstMarked.add(entityId);
  }
}
