/**
 * A fake browser.storage area for unit tests that enforces the browsers' quotas and throws their
 * errors, word for word (Chromium 156's, or Firefox ESR 153's: see FIREFOX_SYNC_QUOTA): total
 * bytes, bytes per item, item count, and write operations per minute and per hour (each set,
 * remove or clear call is one). Also a fake Web Locks manager, and a hook to interleave the
 * operations of several callers as a test chooses.
 */

export interface AreaQuota {
  /** All items: keys plus JSON of values. */
  bytes?: number;
  /** One item: its key plus the JSON of its value. */
  bytesPerItem?: number;
  items?: number;
  writesPerMinute?: number;
  writesPerHour?: number;
  /** Firefox says the same for every quota. */
  firefox?: boolean;
}

/** chrome.storage.sync in Chromium 156. */
export const SYNC_QUOTA: AreaQuota = { bytes: 102_400, bytesPerItem: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 };
/** browser.storage.sync in Firefox ESR 153: the same sizes, no write rates. */
export const FIREFOX_SYNC_QUOTA: AreaQuota = { bytes: 102_400, bytesPerItem: 8_192, items: 512, firefox: true };
const FIREFOX_QUOTA_ERROR = 'QuotaExceededError: storage.sync API call exceeded its quota limitations.';
/** chrome.storage.local without the unlimitedStorage permission. */
export const LOCAL_QUOTA: AreaQuota = { bytes: 10_485_760 };

type Change = { oldValue?: unknown; newValue?: unknown };
export type Listener = (changes: Record<string, Change>, area: string) => void;
export type Op = 'get' | 'set' | 'remove';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export class FakeArea {
  items: Record<string, unknown> = {};
  quota: AreaQuota = {};
  /** When set, the next set() whose keys include this one fails (once). */
  failNextSetOf: string | null = null;
  /** The clock the write rates are counted by; tests move it on. */
  now: () => number = () => Date.now();
  /** Times of the write operations counted against the rates. */
  writeTimes: number[] = [];
  /** Awaited before every operation: a test can hold and release callers in any order. */
  beforeOp: ((op: Op, keys: string[]) => Promise<void>) | null = null;
  constructor(
    private readonly name: string,
    private readonly listeners: Set<Listener>,
  ) {}

  /** Largest total size, or null: the form earlier tests use. */
  get quotaBytes(): number | null {
    return this.quota.bytes ?? null;
  }
  set quotaBytes(bytes: number | null) {
    this.quota = { ...this.quota, bytes: bytes ?? undefined };
  }

  static bytesOf(items: Record<string, unknown>): number {
    return Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  }

  reset(quota: AreaQuota = {}): void {
    this.items = {};
    this.quota = quota;
    this.failNextSetOf = null;
    this.writeTimes = [];
    this.beforeOp = null;
    this.now = () => Date.now();
  }

  private quotaError(resource: string): Error {
    return new Error(this.quota.firefox ? FIREFOX_QUOTA_ERROR : `Resource::${resource} quota exceeded`);
  }

  private countWrite(): void {
    const now = this.now();
    this.writeTimes = this.writeTimes.filter((t) => now - t < HOUR_MS);
    const lastMinute = this.writeTimes.filter((t) => now - t < MINUTE_MS).length;
    if (this.quota.writesPerHour !== undefined && this.writeTimes.length >= this.quota.writesPerHour) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    if (this.quota.writesPerMinute !== undefined && lastMinute >= this.quota.writesPerMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    this.writeTimes.push(now);
  }

  private notify(changes: Record<string, Change>): void {
    if (Object.keys(changes).length > 0) for (const l of this.listeners) l(structuredClone(changes), this.name);
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? Object.keys(this.items) : Array.isArray(keys) ? keys : [keys];
    await this.beforeOp?.('get', wanted);
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (Object.prototype.hasOwnProperty.call(this.items, k)) out[k] = structuredClone(this.items[k]);
    return out;
  }

  async set(values: Record<string, unknown>): Promise<void> {
    await this.beforeOp?.('set', Object.keys(values));
    if (this.failNextSetOf !== null && this.failNextSetOf in values) {
      this.failNextSetOf = null;
      throw this.quotaError('kQuotaBytes');
    }
    this.countWrite();
    const copy = structuredClone(values);
    const next = { ...this.items, ...copy };
    for (const [k, v] of Object.entries(copy)) {
      if (this.quota.bytesPerItem !== undefined && k.length + JSON.stringify(v).length > this.quota.bytesPerItem) throw this.quotaError('kQuotaBytesPerItem');
    }
    if (this.quota.bytes !== undefined && FakeArea.bytesOf(next) > this.quota.bytes) throw this.quotaError('kQuotaBytes');
    if (this.quota.items !== undefined && Object.keys(next).length > this.quota.items) throw this.quotaError('kMaxItems');
    const changes: Record<string, Change> = {};
    for (const [k, v] of Object.entries(copy)) changes[k] = { oldValue: this.items[k], newValue: v };
    this.items = next;
    this.notify(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = Array.isArray(keys) ? keys : [keys];
    await this.beforeOp?.('remove', list);
    this.countWrite();
    const changes: Record<string, Change> = {};
    for (const k of list) {
      if (!Object.prototype.hasOwnProperty.call(this.items, k)) continue;
      changes[k] = { oldValue: this.items[k] };
      delete this.items[k];
    }
    this.notify(changes);
  }

  async clear(): Promise<void> {
    await this.remove(Object.keys(this.items));
  }
}

/**
 * navigator.locks as browsers implement it for one origin: each name is granted to one caller at
 * a time, in the order asked. Every fake "window" in a unit test shares it, as extension pages do.
 */
export class FakeLocks {
  private readonly tails = new Map<string, Promise<unknown>>();
  request<T>(name: string, ...args: unknown[]): Promise<T> {
    const work = args[args.length - 1] as () => Promise<T>;
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(() => work(), () => work());
    this.tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }
}
