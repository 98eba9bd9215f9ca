/**
 * The rules that need the whole page: a second reference ("Wang") counts only once the page names
 * the entity in full ("Wang Yi"); a form that needs context ("G20") counts only once the page shows
 * a word of its context group ("summit"); "first mention only", the entity types a reader
 * turned off and the names they muted. Also keeps, per entity, how often it occurs, in order of
 * first appearance.
 *
 * Generic over the page's text holder N (a DOM Text node in the content script, a paragraph
 * number in the pack builder, a string in tests). Pure: no DOM, no browser API.
 */
import type { EntityType } from '../kb/types';
import type { CompiledMatcher } from './compile';
import type { Mention, ScanResult } from './matcher';

export interface PagePolicy {
  firstMentionOnly: boolean;
  types: Record<EntityType, boolean>;
  /** Entity ids the reader asked not to highlight: neither marked nor counted. */
  muted?: readonly string[];
}

export interface Placed<N> {
  node: N;
  mention: Mention;
}

interface Sequenced<N> extends Placed<N> {
  seq: number;
}

export interface EntityCount {
  id: string;
  count: number;
}

export class PageMentions<N> {
  private readonly named = new Set<number>();
  private readonly contexts = new Set<number>();
  /** Mentions waiting for a full name or a context word that may still come. */
  private waiting: Sequenced<N>[] = [];
  /** Valid mentions per entity, and where the first of them came in the order texts were added. */
  private readonly counts = new Map<number, { count: number; first: number }>();
  /** Sequence number of the next mention added: texts come in document order. */
  private seq = 0;
  /** Muted, by the matcher's entity index: one array read per mention rather than a string look-up. */
  private readonly muted: boolean[];

  constructor(
    private readonly compiled: CompiledMatcher,
    private readonly policy: PagePolicy,
  ) {
    const ids = new Set(policy.muted ?? []);
    this.muted = compiled.entities.map((e) => ids.has(e.id));
  }

  /**
   * Takes the scan results of a batch of texts, in document order, and returns the mentions to
   * highlight now: the batch's own and any earlier ones that it unlocked. `isLive` drops waiting
   * mentions whose text has since left the page.
   */
  add(batch: { node: N; result: ScanResult }[], isLive: (node: N) => boolean = () => true): Placed<N>[] {
    for (const { result } of batch) {
      for (const group of result.contexts) this.contexts.add(group);
    }
    for (const { result } of batch) {
      for (const m of result.mentions) if (!m.secondReference && this.hasContext(m)) this.named.add(m.entity);
    }
    const candidates = this.waiting.filter((p) => isLive(p.node));
    for (const { node, result } of batch) for (const mention of result.mentions) candidates.push({ node, mention, seq: this.seq++ });
    this.waiting = [];
    const out: Placed<N>[] = [];
    for (const placed of candidates) {
      const m = placed.mention;
      if (!this.hasContext(m) || (m.secondReference && !this.named.has(m.entity))) {
        this.waiting.push(placed);
        continue;
      }
      const type = this.compiled.entities[m.entity]!.type;
      if (!this.policy.types[type] || this.muted[m.entity]) continue;
      const seen = this.counts.get(m.entity);
      if (seen) {
        seen.count++;
        seen.first = Math.min(seen.first, placed.seq);
      } else this.counts.set(m.entity, { count: 1, first: placed.seq });
      if (this.policy.firstMentionOnly && seen) continue;
      out.push({ node: placed.node, mention: m });
    }
    return out;
  }

  /**
   * Entities found so far, in order of first appearance, with how often each occurs. A second
   * reference unlocked by a later full name still counts where it stands: texts may come in
   * several batches.
   */
  found(): EntityCount[] {
    return [...this.counts]
      .sort((a, b) => a[1].first - b[1].first)
      .map(([entity, { count }]) => ({ id: this.compiled.entities[entity]!.id, count }));
  }

  private hasContext(m: Mention): boolean {
    return m.needsContext === undefined || this.contexts.has(m.needsContext);
  }
}
