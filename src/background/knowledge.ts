/** Entity backgrounds from the built-in knowledge base (bundled at build time; nothing fetched). */
import packs from 'virtual:knowledge-base';
import type { EntityBackground } from '../common/messages';
import { entityBackground } from '../ui/entity-background';

/** The built-in knowledge base is the first pack. */
const BUILT_IN = packs.slice(0, 1);

export function builtInBackground(id: string): EntityBackground | null {
  return entityBackground(BUILT_IN, id);
}
