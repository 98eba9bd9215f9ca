/**
 * Look-ups in the reader's packs that read only what they need, through the entities store of
 * pack-db.ts (which packs hold each entity): a card's background reads only the packs that hold
 * its entity; the popup's names only the packs that hold the names on the page; its search the
 * entity entries (names, aliases, descriptions: no pack whole); its stories the meta records.
 * With 1,000 reading packs, reading every pack whole took most of a second. The built-in pack
 * (bundled) is always first, then the enabled packs in the order they were switched on, exactly
 * as if every enabled pack had been read (src/kb/lookup.ts, src/ui/entity-background.ts).
 */
import type { EntityBackground, EntityRef } from './messages';
import { builtInPack } from './built-in-pack';
import { byEnabledOrder, entityEntries, entityRange, listMeta, openPackDb, storyOf, type EntityEntry, type PackDb, type PackMeta, type Story } from './pack-db';
import { indexKnowledgeBase, searchOver, type SearchRank } from '../kb/lookup';
import type { KnowledgeBase } from '../kb/types';
import { entityBackground } from '../ui/entity-background';
import { newestFirst } from '../ui/source-date';

/**
 * The newest stories a card reads whole for one entity. A name in hundreds of saved articles
 * (a head of state) would otherwise read them all before its card opens: 250 packs took 0.27 s
 * against the card's 200 ms hover dwell. The card says how many older stories it left out.
 */
export const MAX_STORIES_PER_ENTITY = 12;

type ReadTx = ReturnType<typeof readTx>;
const readTx = (db: PackDb) => db.transaction(['entities', 'meta', 'packs'], 'readonly');

/** The entries of these entities, one per pack that holds one (switched on or not). */
async function entriesOf(tx: ReadTx, ids: readonly string[]): Promise<EntityEntry[]> {
  return (await Promise.all(ids.map((id) => tx.objectStore('entities').getAll(entityRange(id))))).flat();
}

/** Adds to `metas` the meta records of the packs of `entries` it does not have yet. */
async function addMetas(tx: ReadTx, entries: readonly EntityEntry[], metas: Map<string, PackMeta | undefined>): Promise<void> {
  const missing = [...new Set(entries.map((e) => e.pack))].filter((id) => !metas.has(id));
  const read = await Promise.all(missing.map((id) => tx.objectStore('meta').get(id)));
  missing.forEach((id, i) => metas.set(id, read[i]));
}

const builtInRefs = (): Map<string, EntityRef> => new Map(builtInPack().entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type }]));

/**
 * The name of each entity as the first enabled pack that holds it gives it (the built-in pack
 * first): what a card calls a related name or a quote's speaker.
 */
function firstRefs(entries: readonly EntityEntry[], metas: ReadonlyMap<string, PackMeta | undefined>): Map<string, EntityRef> {
  const refs = builtInRefs();
  const seq = (e: EntityEntry) => metas.get(e.pack)?.enabledSeq ?? null;
  const enabled = entries.filter((e) => seq(e) !== null).sort((a, b) => seq(a)! - seq(b)!);
  for (const e of enabled) if (!refs.has(e.id)) refs.set(e.id, { id: e.id, name: e.name, type: e.type });
  return refs;
}

/**
 * The background of each entity from every enabled pack that holds it (null when none does),
 * reading only those packs, in one transaction.
 */
export async function lookUpEntities(ids: readonly string[]): Promise<Map<string, EntityBackground | null>> {
  const wanted = [...new Set(ids)];
  const tx = readTx(await openPackDb());
  const entries = await entriesOf(tx, wanted);
  const metas = new Map<string, PackMeta | undefined>();
  await addMetas(tx, entries, metas);
  const enabled = byEnabledOrder([...metas.values()].filter((m): m is PackMeta => m !== undefined));
  // Per entity, its newest stories only; a pack read for one entity also serves the others.
  const read = new Set<string>();
  const holdingCount = new Map<string, number>();
  for (const id of wanted) {
    const holding = new Set(entries.filter((e) => e.id === id).map((e) => e.pack));
    const newest = newestFirst(enabled.filter((m) => holding.has(m.id)), (m) => m.story);
    for (const m of newest.slice(0, MAX_STORIES_PER_ENTITY)) read.add(m.id);
    // The first pack switched on names the card's header (its description), as before.
    const first = enabled.find((m) => holding.has(m.id));
    if (first) read.add(first.id);
    holdingCount.set(id, newest.length);
  }
  const holders = enabled.filter((m) => read.has(m.id));
  const packs = (await Promise.all(holders.map((m) => tx.objectStore('packs').get(m.id)))).filter((p): p is KnowledgeBase => p !== undefined);
  const index = indexKnowledgeBase([builtInPack(), ...packs]);
  // The names a card shows besides its own: related entities and speakers, from whichever pack
  // names them first, which need not be one of the packs read above.
  const named = new Set(wanted);
  const builtIn = builtInRefs();
  const others = new Set<string>();
  for (const id of wanted) {
    for (const { entity } of index.entity(id)?.backgrounds ?? []) {
      for (const other of [...entity.related.map((r) => r.id), ...entity.quotes.map((q) => q.speaker)]) {
        if (!named.has(other) && !builtIn.has(other)) others.add(other);
      }
    }
  }
  const otherEntries = await entriesOf(tx, [...others]);
  await addMetas(tx, otherEntries, metas);
  await tx.done;
  const refs = firstRefs([...entries, ...otherEntries], metas);
  const builtInId = builtInPack().source.id;
  return new Map(
    wanted.map((id) => {
      const background = entityBackground(index, id, (other) => refs.get(other));
      // The enabled packs holding it that the card does not show (a pack read for another
      // entity of the same request shows its story too, so count what is there).
      const shown = background?.sources.filter((b) => b.source.id !== builtInId).length ?? 0;
      const left = (holdingCount.get(id) ?? 0) - shown;
      return [id, background && left > 0 ? { ...background, olderSources: left } : background];
    }),
  );
}

/**
 * The name of each of these entities as the first enabled pack that holds it gives it (the
 * built-in pack first), reading only their entries: the options page's list of muted names. Ids
 * no enabled pack holds are left out.
 */
export async function entityNames(ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const tx = readTx(await openPackDb());
  const entries = await entriesOf(tx, wanted);
  const metas = new Map<string, PackMeta | undefined>();
  await addMetas(tx, entries, metas);
  const refs = firstRefs(entries, metas);
  return new Map(wanted.flatMap((id) => (refs.has(id) ? [[id, refs.get(id)!.name] as const] : [])));
}

/** One entity found by the popup's search: what its row shows. */
export interface SearchHit {
  entity: EntityRef;
  rank: SearchRank;
}

/** A search over the built-in pack's entities alone (bundled: no storage read). */
export function searchBuiltIn(): (query: string) => SearchHit[] {
  return searchOfEntries(entityEntries(builtInPack()), () => 0);
}

/** Entries in pack order (by `order` of their pack, then their place in it), one target per entity. */
function searchOfEntries(entries: EntityEntry[], order: (pack: string) => number): (query: string) => SearchHit[] {
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => order(a.e.pack) - order(b.e.pack) || a.e.at - b.e.at || a.i - b.i);
  const targets = new Map<string, { item: EntityRef; name: string; aliases: string[]; descriptions: string[] }>();
  for (const { e } of sorted) {
    const target = targets.get(e.id);
    if (target) {
      target.aliases.push(...e.aliases);
      target.descriptions.push(e.description);
    } else {
      targets.set(e.id, { item: { id: e.id, name: e.name, type: e.type }, name: e.name, aliases: [...e.aliases], descriptions: [e.description] });
    }
  }
  const search = searchOver([...targets.values()]);
  return (query) => search(query).map(({ item, rank }) => ({ entity: item, rank }));
}

/**
 * The search of the built-in pack and every enabled pack, over their entity entries: names,
 * aliases and descriptions, in the order and with the ranks of KnowledgeIndex.search.
 */
export async function searchEnabled(): Promise<(query: string) => SearchHit[]> {
  const tx = (await openPackDb()).transaction(['entities', 'meta'], 'readonly');
  const [metas, entries] = await Promise.all([tx.objectStore('meta').getAll(), tx.objectStore('entities').getAll()]);
  await tx.done;
  const seq = new Map(metas.filter((m) => m.enabledSeq !== null).map((m) => [m.id, m.enabledSeq!]));
  const enabled = entries.filter((e) => seq.has(e.pack));
  // The built-in pack (no seq) comes first: switches count from 1.
  return searchOfEntries([...entityEntries(builtInPack()), ...enabled], (pack) => seq.get(pack) ?? 0);
}

/** The stories of the built-in pack and the enabled ones, in the order switched on: meta records only. */
export async function enabledStories(): Promise<Story[]> {
  return [storyOf(builtInPack()), ...byEnabledOrder(await listMeta(await openPackDb())).map((m) => m.story)];
}
