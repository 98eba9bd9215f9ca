/** The built-in pack (data/bali-talks.json), always on, bundled with the extension. */
import builtInPacks from 'virtual:knowledge-base';
import type { KnowledgeBase } from '../kb/types';

export const builtInPack = (): KnowledgeBase => builtInPacks[0]!;
