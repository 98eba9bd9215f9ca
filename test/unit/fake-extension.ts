/**
 * Runs modules that import `webextension-polyfill` and `virtual:knowledge-base` in Node, for unit
 * tests: a fake `browser` whose storage areas keep copies and enforce the quotas a test gives them
 * (fake-storage.ts), a fake navigator.locks, and a module hook that serves the knowledge base from
 * data/.
 * Call installFakeExtension() before importing such a module (with a dynamic import).
 */
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeArea, FakeLocks, type Listener } from './fake-storage';

export { FakeArea } from './fake-storage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FakeExtension {
  local: FakeArea;
  sync: FakeArea;
}

let installed: FakeExtension | undefined;

export function installFakeExtension(): FakeExtension {
  if (installed) return installed;
  const listeners = new Set<Listener>();
  const local = new FakeArea('local', listeners);
  const sync = new FakeArea('sync', listeners);
  const browser = {
    runtime: { id: 'backstory-unit-test' },
    storage: {
      local,
      sync,
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
  const g = globalThis as Record<string, unknown>;
  // webextension-polyfill hands back globalThis.browser when both globals name an extension.
  g.chrome = { runtime: { id: browser.runtime.id } };
  g.browser = browser;
  // Node 20 has no navigator; extension pages and the background share one lock manager.
  Object.defineProperty(globalThis, 'navigator', { value: { ...(g.navigator as object | undefined), locks: new FakeLocks() }, configurable: true, writable: true });
  const packs = [JSON.parse(readFileSync(path.join(ROOT, 'data/bali-talks.json'), 'utf8'))];
  const hooks = `
    let source;
    export function initialize(data) { source = 'export default ' + data; }
    export async function resolve(specifier, context, next) {
      return specifier === 'virtual:knowledge-base' ? { url: 'virtual:knowledge-base', shortCircuit: true } : next(specifier, context);
    }
    export async function load(url, context, next) {
      return url === 'virtual:knowledge-base' ? { format: 'module', source, shortCircuit: true } : next(url, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, { data: JSON.stringify(packs) });
  installed = { local, sync };
  return installed;
}
