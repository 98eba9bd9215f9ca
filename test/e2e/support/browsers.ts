// Where the browsers are. A missing browser is an error with the command that installs it:
// browser tests never skip.
import { accessSync, constants } from 'node:fs';

function firstExecutable(candidates: string[]): string | null {
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // try the next one
    }
  }
  return null;
}

/**
 * Chromium: $CHROMIUM, else Debian's binary (/usr/lib/chromium/chromium, preferred: the
 * /usr/bin/chromium wrapper adds Debian defaults such as an empty --load-extension=).
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM;
  const candidates = fromEnv ? [fromEnv] : ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = firstExecutable(candidates);
  if (found) return found;
  throw new Error(
    `Chromium not found (looked for ${candidates.join(', ')}${fromEnv ? ' from $CHROMIUM' : ''}). ` +
      'Install it with: sudo apt-get install -y chromium   (or set CHROMIUM=/path/to/chromium)',
  );
}

/** Firefox: $FIREFOX, else Debian's Firefox ESR. */
export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX;
  const candidates = fromEnv ? [fromEnv] : ['/usr/bin/firefox-esr'];
  const found = firstExecutable(candidates);
  if (found) return found;
  throw new Error(
    `Firefox not found (looked for ${candidates.join(', ')}${fromEnv ? ' from $FIREFOX' : ''}). ` +
      'Install it with: sudo apt-get install -y firefox-esr   (or set FIREFOX=/path/to/firefox)',
  );
}
