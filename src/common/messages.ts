/**
 * Every message between the parts of the extension, as one discriminated union on `type`.
 * Each request names its reply type in `Replies`.
 */
import type { PackBackground, SourceLabel } from '../kb/lookup';
import type { Entity, EntityType } from '../kb/types';
import type { PackOps } from './pack-ops';
import type { MatcherData } from '../match/matcher-data';

/** One entity found on a page, in order of first appearance. */
export interface FoundName {
  id: string;
  count: number;
}

export type Message =
  /** content → background: how many distinct names the tab shows (for the action badge). */
  | { type: 'page-names-changed'; distinct: number }
  /** popup → content: which names does this page show? */
  | { type: 'get-page-names' }
  /** popup → content: scroll to the next mention of an entity and flash it. */
  | { type: 'show-next-mention'; id: string }
  /** background/popup → content: turn highlighting on this page on or off. */
  | { type: 'toggle-highlighting' }
  /** background → content: focus the next or previous highlighted name and open its card. */
  | { type: 'jump-to-mention'; direction: 1 | -1 }
  /** content/popup → background: open the full background of an entity in an extension page. */
  | { type: 'open-background'; id: string }
  /** content (hover card) → background: the full background of one entity from every enabled pack. */
  | { type: 'get-entity'; id: string }
  /**
   * content → background: the matcher of the enabled packs as JSON text, when storage.local has
   * none a page can read (just installed, or damaged): the background compiles and stores it.
   */
  | { type: 'get-compiled-matcher' }
  /** review page → content: the page as it is now, for "Add this article" (read on request only). */
  | { type: 'get-page-snapshot' }
  /**
   * content (hover card) → background: "Don't highlight <name>". Settings are changed by extension
   * pages and the background only (under their shared lock); every tab follows the stored change.
   */
  | { type: 'set-muted'; id: string; muted: boolean };

/** A page's markup and address, taken when the reader asks to add it. */
export interface PageSnapshot {
  /** The document's markup (serialised <html> element), with whatever the page's scripts built. */
  html: string;
  /** The page's address as loaded, before any canonical address the page declares. */
  url: string;
  /** The document's content type: an article can only come from an HTML page. */
  contentType: string;
}

export interface PageNamesReply {
  names: FoundName[];
  /** False when highlighting is off on this page (site switched off or toggled). */
  active: boolean;
  /** The page's hostname, for the popup's "Highlight on this site" switch. */
  hostname: string;
}

/** Another entity named in a background (a relation or a quote's speaker), with what a link needs. */
export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

/**
 * Everything a card or the popup shows about one entity, from every enabled pack that has it;
 * names of related entities are resolved.
 */
export interface EntityBackground {
  /** The first pack's entity (the built-in one when it has it): name, type and description. */
  entity: Entity;
  /** The first pack's story. */
  source: SourceLabel;
  /**
   * One background per pack that has the entity, newest story first (undated ones last, in pack
   * order), each labelled with its story: its paragraph citations refer to that story's article
   * and no other.
   */
  sources: PackBackground[];
  /**
   * Relations from every source, with the related entity's name; one per related id (the first
   * source's wording kept); relations to unknown ids are dropped.
   */
  related: (EntityRef & { how: string })[];
  /** Speakers of the entity's quotes in every source, by id. */
  speakers: Record<string, EntityRef>;
  /** Older stories of the reader's that also name the entity, left out of `sources` (see entity-lookup.ts). */
  olderSources?: number;
}

export interface Replies {
  'page-names-changed': void;
  'get-page-names': PageNamesReply;
  'show-next-mention': { found: boolean };
  'toggle-highlighting': { active: boolean };
  'jump-to-mention': { id: string | null };
  'open-background': void;
  /** Null when the id is not in the knowledge base. */
  'get-entity': EntityBackground | null;
  'get-page-snapshot': PageSnapshot;
  /** A CompiledMatcher as JSON text. */
  'get-compiled-matcher': { compiled: MatcherData };
  /** False when the setting could not be saved. */
  'set-muted': { saved: boolean };
}

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/**
 * extension page → its pack Worker (src/worker/pack-worker.ts): run one operation of the pack
 * engine (src/common/pack-ops.ts); `args` are that operation's arguments.
 */
export interface PackWorkerRequest {
  id: number;
  op: keyof PackOps;
  args: unknown[];
}

/** pack Worker → page: the operation's result, or why it failed. */
export type PackWorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export type { EntityType, PackBackground, SourceLabel };
