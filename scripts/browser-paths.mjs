// Where the browsers are: one place for `npm start` and the browser tests.
import { accessSync, constants } from 'node:fs';

/**
 * Per browser: the environment variable that overrides it, the usual places (Debian's binaries;
 * /usr/lib/chromium/chromium before the /usr/bin/chromium wrapper, which adds Debian defaults
 * such as an empty --load-extension=), and the command that installs it.
 */
export const BROWSER_PATHS = {
  chromium: { env: 'CHROMIUM', candidates: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'], install: 'sudo apt-get install -y chromium' },
  firefox: { env: 'FIREFOX', candidates: ['/usr/bin/firefox-esr'], install: 'sudo apt-get install -y firefox-esr' },
};

/** The browser's executable and where it was looked for; `path` is null when none is there. */
export function findBrowser(name) {
  const { env, candidates, install } = BROWSER_PATHS[name];
  const fromEnv = process.env[env];
  const looked = fromEnv ? [fromEnv] : candidates;
  for (const file of looked) {
    try {
      accessSync(file, constants.X_OK);
      return { path: file, looked, fromEnv: !!fromEnv, env, install };
    } catch {
      // try the next one
    }
  }
  return { path: null, looked, fromEnv: !!fromEnv, env, install };
}
