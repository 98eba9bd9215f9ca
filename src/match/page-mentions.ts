/**
 * The rules that need the whole page: a second reference ("Wang") counts only once the page names
 * the entity in full ("Wang Yi"); a form that needs context ("G20") counts only once the page shows
 * a word of its context group ("summit") or, for a contextFromPack alias, names enough of its
 * pack's other entities (co-occurrence, see coOccurs); "first mention only", the entity types a
 * reader turned off and the names they muted. Also keeps, per entity, how often it occurs, in
 * order of first appearance.
 *
 * Generic over the page's text holder N (a DOM Text node in the content script, a paragraph
 * number in the pack builder, a string in tests). Pure: no DOM, no browser API.
 */
import type { EntityType } from '../kb/types';
import type { EntityTable, Mention, ScanResult } from './matcher';

/**
 * Co-occurrence: a contextFromPack alias counts on a page that names at least this many distinct
 * other entities of its pack... Two, because one shared name is chance (every page names a
 * country or two), and a bare second name is still weak evidence on its own:
 */
export const CO_OCCURRING_ENTITIES = 2;
/**
 * ...and at least one of them is not a country or a place. Countries and places are named on
 * almost any page (edition menus, datelines, weather, "made in China"): BMW's G20 model-code page
 * names China, the USA and Indonesia, the same three as a page on the summit might. People,
 * organisations and topics are far rarer by chance.
 */
const COMMONPLACE_TYPES: readonly EntityType[] = ['country', 'place'];

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
  /** By entity index, 1 when it has a mention that counted without help from co-occurrence: what co-occurrence counts. */
  private readonly confirmed: Uint8Array;
  /** Per pack index: its confirmed entities, and how many of them are not COMMONPLACE_TYPES. */
  private readonly packTally = new Map<number, { all: number; specific: number }>();
  /** Mentions waiting for a full name, a context word or co-occurrence that may still come. */
  private waiting: Sequenced<N>[] = [];
  /** Valid mentions per entity, and where the first of them came in the order texts were added. */
  private readonly counts = new Map<number, { count: number; first: number }>();
  /** Sequence number of the next mention added: texts come in document order. */
  private seq = 0;
  /** Muted ids, and the answer by entity index once asked (a memory of 30,000 names is not walked up front). */
  private readonly mutedIds: Set<string>;
  private readonly mutedByIndex = new Map<number, boolean>();
  private readonly entities: EntityTable;
  /** Whether any alias takes co-occurrence as context: if none, that pass is skipped. */
  private readonly fromPacks: boolean;

  /** `entities`: the matcher whose scan results are added. */
  constructor(
    entities: EntityTable,
    private readonly policy: PagePolicy,
  ) {
    this.entities = entities;
    this.mutedIds = new Set(policy.muted ?? []);
    this.fromPacks = this.entities.contextGroups.some((g) => g.packs !== undefined);
    this.confirmed = new Uint8Array(this.entities.entityCount);
  }

  private isMuted(entity: number): boolean {
    if (this.mutedIds.size === 0) return false;
    let muted = this.mutedByIndex.get(entity);
    if (muted === undefined) this.mutedByIndex.set(entity, (muted = this.mutedIds.has(this.entities.entityId(entity))));
    return muted;
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
    const candidates = this.waiting.filter((p) => isLive(p.node));
    for (const { node, result } of batch) for (const mention of result.mentions) candidates.push({ node, mention, seq: this.seq++ });
    // 1: counts now, 0: waits. First what counts on words and full names alone; only that is
    // confirmed for co-occurrence, so ambiguous names never vouch for each other.
    const n = candidates.length;
    const counted = new Uint8Array(n);
    let waits = 0;
    for (let i = 0; i < n; i++) {
      const m = candidates[i]!.mention;
      if (!m.secondReference && this.hasWordContext(m)) this.named.add(m.entity);
    }
    for (let i = 0; i < n; i++) {
      const m = candidates[i]!.mention;
      if (!this.hasWordContext(m) || (m.secondReference && !this.named.has(m.entity))) waits++;
      else {
        counted[i] = 1;
        this.confirm(m.entity);
      }
    }
    // Then what the page's co-occurrence unlocks (and the second references of names it unlocked).
    if (waits > 0 && this.fromPacks) {
      const inContext = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const m = candidates[i]!.mention;
        if (counted[i] === 0 && (this.hasWordContext(m) || this.coOccurs(m))) {
          inContext[i] = 1;
          if (!m.secondReference) this.named.add(m.entity);
        }
      }
      for (let i = 0; i < n; i++) {
        const m = candidates[i]!.mention;
        if (inContext[i] === 1 && (!m.secondReference || this.named.has(m.entity))) counted[i] = 1;
      }
    }

    this.waiting = [];
    const out: Placed<N>[] = [];
    for (let i = 0; i < n; i++) {
      const placed = candidates[i]!;
      const m = placed.mention;
      if (counted[i] === 0) {
        this.waiting.push(placed);
        continue;
      }
      const type = this.entities.entityType(m.entity);
      if (!this.policy.types[type] || this.isMuted(m.entity)) continue;
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
      .map(([entity, { count }]) => ({ id: this.entities.entityId(entity), count }));
  }

  /** No context needed, or the page shows a word of the mention's context group. */
  private hasWordContext(m: Mention): boolean {
    return m.needsContext === undefined || this.contexts.has(m.needsContext);
  }

  private confirm(entity: number): void {
    if (this.confirmed[entity] === 1) return;
    this.confirmed[entity] = 1;
    const type = this.entities.entityType(entity);
    for (const pack of this.entities.entityPacks(entity)) {
      const tally = this.packTally.get(pack) ?? { all: 0, specific: 0 };
      tally.all++;
      if (!COMMONPLACE_TYPES.includes(type)) tally.specific++;
      this.packTally.set(pack, tally);
    }
  }

  /** The page names enough other entities of a pack the mention's context group accepts (see CO_OCCURRING_ENTITIES). */
  private coOccurs(m: Mention): boolean {
    const packs = m.needsContext === undefined ? undefined : this.entities.contextGroups[m.needsContext]?.packs;
    if (!packs) return false;
    const own = { type: this.entities.entityType(m.entity), packs: this.entities.entityPacks(m.entity) };
    const ownSpecific = !COMMONPLACE_TYPES.includes(own.type);
    return packs.some((pack) => {
      const tally = this.packTally.get(pack);
      if (!tally) return false;
      // Other entities: the mention's own entity does not vouch for itself.
      const self = this.confirmed[m.entity] === 1 && own.packs.includes(pack);
      const all = tally.all - (self ? 1 : 0);
      const specific = tally.specific - (self && ownSpecific ? 1 : 0);
      return all >= CO_OCCURRING_ENTITIES && specific >= 1;
    });
  }
}
