/**
 * The reader's packs in IndexedDB (the extension's origin: the background, extension pages and
 * their workers reach it; content scripts do not, and read only the compiled matcher). Chosen
 * over storage.local by measurement (docs/browser-notes.md, "Storage"): 1,000 reading packs of
 * 10–60 KB do not fit in Chrome's 10 MB storage.local without the unlimitedStorage permission,
 * and a transaction makes every change all or nothing.
 *
 * Six stores, written together in one transaction:
 *   meta      per pack: what the options page lists (headline, outlet, dates, origin, switch) and
 *             the popup's story line (summary), small
 *   packs     per pack: the whole pack, for cards, the popup and export
 *   matching  per pack: only what compiling the matcher reads (ids, types, aliases, neverMatch,
 *             allowedNeighbours), so recompiling never reads article texts
 *   entities  per entity and pack ([entity id, pack id]): which packs hold an entity, with its
 *             name, type, description and alias forms, so a card reads only the packs that hold
 *             its entity and the popup's search reads no pack whole (version 2)
 *   state     `revision`, raised by every change; the stored compiled matcher names the one it is of
 *   compiled  the last matcher compiled, with what adding one more pack to it needs (LastCompiled,
 *             version 3): written with a change that brings its own, removed by any other
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { sourceLabelOf, type SourceLabel } from '../kb/lookup';
import type { EntityType, KnowledgeBase } from '../kb/types';

/** How a pack came: saved from the reader's reading ("Add this article"), or imported from a file. */
export type PackFrom = 'reading' | 'file';

export interface PackMeta {
  id: string;
  headline: string;
  outlet: string;
  published?: string;
  /** When the reader added it (ISO 8601). */
  added: string;
  from: PackFrom;
  url?: string;
  entityCount: number;
  /** Position in the order packs were switched on (earlier packs win alias clashes); null when off. */
  enabledSeq: number | null;
  /** Size of the pack as JSON text. */
  bytes: number;
  /** The pack's story as the popup lists it (its source label and summary). */
  story: Story;
}

/** A pack's story: its label (outlet, headline, dates, origin) and summary, without the article's text. */
export type Story = SourceLabel & { summary: string };

export const storyOf = (pack: KnowledgeBase): Story => ({ ...sourceLabelOf(pack.source), summary: pack.source.summary });

/** One entity of one stored pack: enough to know who holds it, name it and search for it. */
export interface EntityEntry {
  /** The entity's id. */
  id: string;
  /** The id of the pack that holds it. */
  pack: string;
  /** Its place in the pack's list of entities (search lists entities in pack order). */
  at: number;
  name: string;
  type: EntityType;
  description: string;
  aliases: string[];
}

export const entityEntries = (pack: KnowledgeBase): EntityEntry[] =>
  pack.entities.map((e, at) => ({ id: e.id, pack: pack.source.id, at, name: e.name, type: e.type, description: e.description, aliases: e.aliases.map((a) => a.form) }));

/** Every entry of entity `id`, one per pack that holds it. */
export const entityRange = (id: string): IDBKeyRange => IDBKeyRange.bound([id], [id, []]);

export interface StoredPack {
  meta: PackMeta;
  pack: KnowledgeBase;
  matching: KnowledgeBase;
}

/**
 * The matcher of the enabled packs as last compiled, in a form extendMatcher can add one more pack
 * to (src/match/extend-matcher.ts), and what it is of: saving a new pack then reads this instead
 * of every pack's matching part.
 */
export interface LastCompiled {
  /** The packs' revision it is of; any other revision makes it stale. */
  revision: number;
  /** The built-in pack's matching part as JSON text: a new version of the extension makes it stale. */
  builtIn: string;
  /** The ResumableMatcher as JSON text (IndexedDB copies one string far faster than its objects). */
  matcher: string;
}

const LAST_COMPILED = 'last';

interface PackSchema extends DBSchema {
  meta: { key: string; value: PackMeta };
  packs: { key: string; value: KnowledgeBase };
  matching: { key: string; value: KnowledgeBase };
  entities: { key: [string, string]; value: EntityEntry; indexes: { pack: string } };
  state: { key: string; value: number };
  compiled: { key: string; value: LastCompiled };
}

export const DB_NAME = 'backstory-packs';
/** 1: meta, packs, matching, state. 2: the entities store and each meta's story. 3: the compiled store. */
export const DB_VERSION = 3;
const STORES = ['meta', 'packs', 'matching', 'entities', 'state', 'compiled'] as const;

export type PackDb = IDBPDatabase<PackSchema>;
type UpgradeTx = IDBPTransaction<PackSchema, StoreNames<PackSchema>[], 'versionchange'>;

let opened: Promise<PackDb> | null = null;

/**
 * Version 1 → 2: every stored pack is read once, its entities indexed and its story added to its
 * meta record, in the upgrade's own transaction (all or nothing: a failed upgrade leaves version 1).
 */
async function indexStoredPacks(tx: UpgradeTx): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let cursor = await tx.objectStore('packs').openCursor(); cursor; cursor = await cursor.continue()) {
    const pack = cursor.value;
    for (const entry of entityEntries(pack)) writes.push(tx.objectStore('entities').put(entry));
    const meta = await tx.objectStore('meta').get(cursor.key);
    if (meta) writes.push(tx.objectStore('meta').put({ ...meta, story: storyOf(pack) }, cursor.key));
  }
  await Promise.all(writes);
}

export function openPackDb(): Promise<PackDb> {
  opened ??= openDB<PackSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (const name of STORES) {
        if (db.objectStoreNames.contains(name)) continue;
        if (name === 'entities') db.createObjectStore(name, { keyPath: ['id', 'pack'] }).createIndex('pack', 'pack');
        else db.createObjectStore(name);
      }
      // An error aborts the upgrade transaction, and the open fails with it.
      if (oldVersion === 1) indexStoredPacks(tx).catch(() => tx.abort());
    },
  });
  // A failed open is not kept: the next call tries again.
  opened.catch(() => (opened = null));
  return opened;
}

/** Closes the connection (tests delete the database between cases). */
export async function closePackDb(): Promise<void> {
  const db = await opened?.catch(() => null);
  db?.close();
  opened = null;
}

/** The part of a pack that compiling the matcher reads; texts left empty. */
export function matchingPart(pack: KnowledgeBase): KnowledgeBase {
  const { id, outlet, headline, paragraphCount } = pack.source;
  return {
    schemaVersion: pack.schemaVersion,
    source: { id, outlet, headline, standfirst: '', summary: '', paragraphCount },
    matching: pack.matching,
    entities: pack.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      description: '',
      role: '',
      facts: [],
      quotes: [],
      related: [],
      aliases: e.aliases,
      ...(e.neverMatch ? { neverMatch: e.neverMatch } : {}),
    })),
  };
}

export async function listMeta(db: PackDb): Promise<PackMeta[]> {
  return db.getAll('meta');
}

export async function readPack(db: PackDb, id: string): Promise<KnowledgeBase | undefined> {
  return db.get('packs', id);
}

/** Enabled first to last, as switched on. */
export const byEnabledOrder = (metas: PackMeta[]): PackMeta[] =>
  metas.filter((m) => m.enabledSeq !== null).sort((a, b) => a.enabledSeq! - b.enabledSeq!);

/** The enabled packs (whole, or their matching parts), in the order switched on, with the revision they are of. */
export async function readEnabled(db: PackDb, store: 'packs' | 'matching'): Promise<{ revision: number; packs: KnowledgeBase[] }> {
  const tx = db.transaction(['meta', store, 'state'], 'readonly');
  const metas = byEnabledOrder(await tx.objectStore('meta').getAll());
  const packs = await Promise.all(metas.map((m) => tx.objectStore(store).get(m.id)));
  const revision = (await tx.objectStore('state').get('revision')) ?? 0;
  await tx.done;
  return { revision, packs: packs.filter((p): p is KnowledgeBase => p !== undefined) };
}

export async function readRevision(db: PackDb): Promise<number> {
  return (await db.get('state', 'revision')) ?? 0;
}

/** The last matcher compiled, if it is of the packs stored now (else null). */
export async function readLastCompiled(db: PackDb): Promise<LastCompiled | null> {
  const tx = db.transaction(['compiled', 'state'], 'readonly');
  const [last, revision] = await Promise.all([tx.objectStore('compiled').get(LAST_COMPILED), tx.objectStore('state').get('revision')]);
  await tx.done;
  return last && last.revision === (revision ?? 0) ? last : null;
}

/** Keeps a matcher compiled of revision `last.revision`, unless the packs have changed since. */
export async function keepLastCompiled(db: PackDb, last: LastCompiled): Promise<void> {
  const tx = db.transaction(['compiled', 'state'], 'readwrite');
  if (((await tx.objectStore('state').get('revision')) ?? 0) === last.revision) await tx.objectStore('compiled').put(last, LAST_COMPILED);
  await tx.done;
}

/** What a change replaced, to put back if a later step (storing the matcher) fails. */
export interface Undo {
  revision: number;
  before: { id: string; stored: StoredPack | null }[];
}

export interface Changes {
  /** The matcher of the packs after these changes (kept with the new revision); without it the last one kept is dropped. */
  compiled?: Omit<LastCompiled, 'revision'>;
  put?: StoredPack[];
  /** Only the meta record changes (a switch). */
  meta?: PackMeta[];
  delete?: string[];
}

async function readStored(tx: { objectStore(name: 'meta' | 'packs' | 'matching'): { get(id: string): Promise<unknown> } }, id: string): Promise<StoredPack | null> {
  const [meta, pack, matching] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('packs').get(id), tx.objectStore('matching').get(id)]);
  return meta && pack && matching ? ({ meta, pack, matching } as StoredPack) : null;
}

type WriteTx = IDBPTransaction<PackSchema, typeof STORES extends readonly (infer N)[] ? N[] : never, 'readwrite'>;

/** The keys of the entity entries each pack has now (read before they are replaced or removed). */
async function entryKeysOf(tx: WriteTx, ids: string[]): Promise<Map<string, [string, string][]>> {
  const keys = await Promise.all(ids.map((id) => tx.objectStore('entities').index('pack').getAllKeys(id)));
  return new Map(ids.map((id, i) => [id, keys[i]!]));
}

/**
 * Writes the changes in one transaction, with the revision raised: all of them or, if any write
 * fails (the browser's storage is full), none. The entity entries of a pack are written with it,
 * so they never name a pack that is not stored, nor miss one that is. Returns what to put back to
 * undo them.
 */
export async function writeChanges(db: PackDb, changes: Changes): Promise<Undo> {
  const tx = db.transaction(STORES, 'readwrite');
  const revision = (await tx.objectStore('state').get('revision')) ?? 0;
  const ids = [...(changes.put ?? []).map((p) => p.meta.id), ...(changes.meta ?? []).map((m) => m.id), ...(changes.delete ?? [])];
  const before = await Promise.all([...new Set(ids)].map(async (id) => ({ id, stored: await readStored(tx, id) })));
  const oldEntries = await entryKeysOf(tx, [...(changes.put ?? []).map((p) => p.meta.id), ...(changes.delete ?? [])]);
  const writes: Promise<unknown>[] = [];
  const dropEntries = (id: string) => {
    for (const key of oldEntries.get(id) ?? []) writes.push(tx.objectStore('entities').delete(key));
  };
  try {
    // One request at a time, so that each one made is in `writes` if a later one throws.
    for (const p of changes.put ?? []) {
      writes.push(tx.objectStore('meta').put(p.meta, p.meta.id));
      writes.push(tx.objectStore('packs').put(p.pack, p.meta.id));
      writes.push(tx.objectStore('matching').put(p.matching, p.meta.id));
      // A replaced pack's entities that the new one no longer has must not stay behind.
      dropEntries(p.meta.id);
      for (const entry of entityEntries(p.pack)) writes.push(tx.objectStore('entities').put(entry));
    }
    for (const m of changes.meta ?? []) writes.push(tx.objectStore('meta').put(m, m.id));
    for (const id of changes.delete ?? []) {
      writes.push(tx.objectStore('meta').delete(id));
      writes.push(tx.objectStore('packs').delete(id));
      writes.push(tx.objectStore('matching').delete(id));
      dropEntries(id);
    }
    writes.push(tx.objectStore('state').put(revision + 1, 'revision'));
    writes.push(changes.compiled ? tx.objectStore('compiled').put({ ...changes.compiled, revision: revision + 1 }, LAST_COMPILED) : tx.objectStore('compiled').delete(LAST_COMPILED));
  } catch (err) {
    // A write refused at once (a value that cannot be stored): none of the others may land.
    for (const w of writes) w.catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    throw err;
  }
  // Every request is awaited with the transaction, so a failed one rejects here, not unhandled.
  await Promise.all([...writes, tx.done]);
  return { revision, before };
}

/** Puts back what `writeChanges` replaced, and its revision (the stored matcher is of that one). */
export async function undoChanges(db: PackDb, undo: Undo): Promise<void> {
  const tx = db.transaction(STORES, 'readwrite');
  const current = await entryKeysOf(tx, undo.before.map((b) => b.id));
  const writes: Promise<unknown>[] = [];
  for (const { id, stored } of undo.before) {
    for (const key of current.get(id) ?? []) writes.push(tx.objectStore('entities').delete(key));
    if (stored) {
      writes.push(tx.objectStore('meta').put(stored.meta, id), tx.objectStore('packs').put(stored.pack, id), tx.objectStore('matching').put(stored.matching, id));
      for (const entry of entityEntries(stored.pack)) writes.push(tx.objectStore('entities').put(entry));
    } else {
      writes.push(tx.objectStore('meta').delete(id), tx.objectStore('packs').delete(id), tx.objectStore('matching').delete(id));
    }
  }
  writes.push(tx.objectStore('state').put(undo.revision, 'revision'));
  // The matcher kept with the change is of packs no longer stored; the next compile keeps another.
  writes.push(tx.objectStore('compiled').delete(LAST_COMPILED));
  await Promise.all([...writes, tx.done]);
}
