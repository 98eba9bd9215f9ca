/**
 * The reader's packs in IndexedDB (the extension's origin: the background, extension pages and
 * their workers reach it; content scripts do not, and read only the compiled matcher). Chosen
 * over storage.local by measurement (docs/browser-notes.md, "Storage"): 1,000 reading packs of
 * 10–60 KB do not fit in Chrome's 10 MB storage.local without the unlimitedStorage permission,
 * and a transaction makes every change all or nothing.
 *
 * Four stores, written together in one transaction:
 *   meta      per pack: what the options page lists (headline, outlet, dates, origin, switch), small
 *   packs     per pack: the whole pack, for cards, the popup and export
 *   matching  per pack: only what compiling the matcher reads (ids, types, aliases, neverMatch,
 *             allowedNeighbours), so recompiling never reads article texts
 *   state     `revision`, raised by every change; the stored compiled matcher names the one it is of
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KnowledgeBase } from '../kb/types';

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
}

export interface StoredPack {
  meta: PackMeta;
  pack: KnowledgeBase;
  matching: KnowledgeBase;
}

interface PackSchema extends DBSchema {
  meta: { key: string; value: PackMeta };
  packs: { key: string; value: KnowledgeBase };
  matching: { key: string; value: KnowledgeBase };
  state: { key: string; value: number };
}

export const DB_NAME = 'backstory-packs';
const DB_VERSION = 1;
const STORES = ['meta', 'packs', 'matching', 'state'] as const;

export type PackDb = IDBPDatabase<PackSchema>;

let opened: Promise<PackDb> | null = null;

export function openPackDb(): Promise<PackDb> {
  opened ??= openDB<PackSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      for (const name of STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
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

/** What a change replaced, to put back if a later step (storing the matcher) fails. */
export interface Undo {
  revision: number;
  before: { id: string; stored: StoredPack | null }[];
}

export interface Changes {
  put?: StoredPack[];
  /** Only the meta record changes (a switch). */
  meta?: PackMeta[];
  delete?: string[];
}

async function readStored(tx: { objectStore(name: 'meta' | 'packs' | 'matching'): { get(id: string): Promise<unknown> } }, id: string): Promise<StoredPack | null> {
  const [meta, pack, matching] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('packs').get(id), tx.objectStore('matching').get(id)]);
  return meta && pack && matching ? ({ meta, pack, matching } as StoredPack) : null;
}

/**
 * Writes the changes in one transaction, with the revision raised: all of them or, if any write
 * fails (the browser's storage is full), none. Returns what to put back to undo them.
 */
export async function writeChanges(db: PackDb, changes: Changes): Promise<Undo> {
  const tx = db.transaction(STORES, 'readwrite');
  const revision = (await tx.objectStore('state').get('revision')) ?? 0;
  const ids = [...(changes.put ?? []).map((p) => p.meta.id), ...(changes.meta ?? []).map((m) => m.id), ...(changes.delete ?? [])];
  const before = await Promise.all([...new Set(ids)].map(async (id) => ({ id, stored: await readStored(tx, id) })));
  const writes: Promise<unknown>[] = [];
  try {
    // One request at a time, so that each one made is in `writes` if a later one throws.
    for (const p of changes.put ?? []) {
      writes.push(tx.objectStore('meta').put(p.meta, p.meta.id));
      writes.push(tx.objectStore('packs').put(p.pack, p.meta.id));
      writes.push(tx.objectStore('matching').put(p.matching, p.meta.id));
    }
    for (const m of changes.meta ?? []) writes.push(tx.objectStore('meta').put(m, m.id));
    for (const id of changes.delete ?? []) {
      writes.push(tx.objectStore('meta').delete(id));
      writes.push(tx.objectStore('packs').delete(id));
      writes.push(tx.objectStore('matching').delete(id));
    }
    writes.push(tx.objectStore('state').put(revision + 1, 'revision'));
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
  const writes: Promise<unknown>[] = [];
  for (const { id, stored } of undo.before) {
    if (stored) {
      writes.push(tx.objectStore('meta').put(stored.meta, id), tx.objectStore('packs').put(stored.pack, id), tx.objectStore('matching').put(stored.matching, id));
    } else {
      writes.push(tx.objectStore('meta').delete(id), tx.objectStore('packs').delete(id), tx.objectStore('matching').delete(id));
    }
  }
  writes.push(tx.objectStore('state').put(undo.revision, 'revision'));
  await Promise.all([...writes, tx.done]);
}
