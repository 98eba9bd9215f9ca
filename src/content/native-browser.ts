/**
 * The extension API as the content script uses it, without webextension-polyfill: content.js is
 * parsed on every page, and the polyfill was 10 KB of it. Firefox gives content scripts `browser`
 * with promises; Chrome's MV3 `chrome.*` returns promises for every call the content script makes
 * (storage.local.get, storage.sync.get, runtime.sendMessage, runtime.getURL), and its listeners
 * (storage.onChanged, runtime.onMessage) are the same. The one difference, a reply from an
 * onMessage listener, is made with sendResponse, which both take (src/content/index.ts).
 *
 * scripts/bundle-options.mjs puts this module in place of the polyfill in content.js only; the
 * extension's pages and the background keep the polyfill.
 */
import type Browser from 'webextension-polyfill';

const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as typeof Browser;
export default api;
