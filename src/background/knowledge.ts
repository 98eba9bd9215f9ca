/** Entity backgrounds from the built-in knowledge base (bundled at build time; nothing fetched). */
import packs from 'virtual:knowledge-base';
import type { EntityBackground } from '../common/messages';
import { indexKnowledgeBase } from '../kb/lookup';
import { entityBackground } from '../ui/entity-background';

/** The built-in knowledge base is the first pack. Built once per worker start: it is pure data. */
const builtIn = indexKnowledgeBase(packs.slice(0, 1));

export function builtInBackground(id: string): EntityBackground | null {
  return entityBackground(builtIn, id);
}
