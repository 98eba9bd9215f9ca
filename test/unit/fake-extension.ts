/**
 * Runs modules that import `webextension-polyfill` and `virtual:knowledge-base` in Node, for unit
 * tests: a fake `browser` whose storage areas keep JSON copies (and can be given a quota, as
 * Chromium's storage.local has), and a module hook that serves the knowledge base from data/.
 * Call installFakeExtension() before importing such a module (with a dynamic import).
 */
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export class FakeArea {
  items: Record<string, unknown> = {};
  /** Largest total size (JSON length of keys and values, as Chromium counts), or none. */
  quotaBytes: number | null = null;
  /** When set, the next set() whose keys include this one fails (once). */
  failNextSetOf: string | null = null;
  constructor(
    private readonly name: string,
    private readonly listeners: Set<Listener>,
  ) {}

  private bytes(items: Record<string, unknown>): number {
    return Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? Object.keys(this.items) : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (k in this.items) out[k] = structuredClone(this.items[k]);
    return out;
  }

  async set(values: Record<string, unknown>): Promise<void> {
    if (this.failNextSetOf !== null && this.failNextSetOf in values) {
      this.failNextSetOf = null;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    const next = { ...this.items, ...structuredClone(values) };
    if (this.quotaBytes !== null && this.bytes(next) > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(values)) changes[k] = { oldValue: this.items[k], newValue: v };
    this.items = next;
    for (const l of this.listeners) l(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.items[k];
  }
}

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
