// Where the browsers are (scripts/browser-paths.mjs, shared with `npm start`). A missing browser
// is an error with the command that installs it: browser tests never skip.
import { findBrowser } from '../../../scripts/browser-paths.mjs';

function browserPath(name: 'chromium' | 'firefox', label: string): string {
  const found = findBrowser(name);
  if (found.path) return found.path;
  throw new Error(
    `${label} not found (looked for ${found.looked.join(', ')}${found.fromEnv ? ` from $${found.env}` : ''}). ` +
      `Install it with: ${found.install}   (or set ${found.env}=/path/to/${name})`,
  );
}

/** Chromium: $CHROMIUM, else Debian's binary. */
export const chromiumPath = (): string => browserPath('chromium', 'Chromium');

/** Firefox: $FIREFOX, else Debian's Firefox ESR. */
export const firefoxPath = (): string => browserPath('firefox', 'Firefox');
