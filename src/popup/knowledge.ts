/** The knowledge base as the popup sees it: every bundled pack, indexed once. */
import packs from 'virtual:knowledge-base';
import type { EntityBackground } from '../common/messages';
import { indexKnowledgeBase } from '../kb/lookup';
import type { Source } from '../kb/types';
import { entityBackground } from '../ui/entity-background';

export const index = indexKnowledgeBase(packs);

/** The built-in pack's story: the popup's overview. */
export const story: Source | undefined = packs[0]?.source;

export function backgroundOf(id: string): EntityBackground | null {
  return entityBackground(index, id);
}
