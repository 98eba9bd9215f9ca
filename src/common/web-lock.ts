/**
 * One lock for read-modify-write of stored state, shared by every extension page and the
 * background of this extension (Web Locks are per origin; content scripts run in the page's
 * origin and never write). Held only while the work runs; a page that closes releases it.
 */
export function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(name, work) as Promise<T>;
}
