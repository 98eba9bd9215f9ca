/** Which content-script message each keyboard command in manifest.json sends. Pure. */
import type { Message } from '../common/messages';

/** The message each command sends, or null for a command this version does not know. */
export function commandMessage(command: string): Message | null {
  switch (command) {
    case 'toggle-highlighting':
      return { type: 'toggle-highlighting' };
    case 'next-mention':
      return { type: 'jump-to-mention', direction: 1 };
    case 'previous-mention':
      return { type: 'jump-to-mention', direction: -1 };
    default:
      return null;
  }
}
