/**
 * Every message between the parts of the extension, as one discriminated union on `type`.
 * Each request names its reply type in `Replies`.
 */
import type { EntityType } from '../kb/types';

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
  | { type: 'open-background'; id: string };

export interface PageNamesReply {
  names: FoundName[];
  /** False when highlighting is off on this page (site switched off or toggled). */
  active: boolean;
}

export interface Replies {
  'page-names-changed': void;
  'get-page-names': PageNamesReply;
  'show-next-mention': { found: boolean };
  'toggle-highlighting': { active: boolean };
  'jump-to-mention': { id: string | null };
  'open-background': void;
}

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export type { EntityType };
