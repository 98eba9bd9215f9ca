/**
 * The extension pages' side of the pack Worker (src/worker/pack-worker.ts): each operation is a
 * message there and a promise here. Started on first use; one per page.
 */
import type { PackOps } from './pack-ops';
import type { PackWorkerReply, PackWorkerRequest } from './messages';

type Async<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
/** The engine's operations, each answered by the Worker. */
export type PackEngine = { [K in keyof PackOps]: Async<PackOps[K]> };

/** The built file of the Worker, beside the page's own script. */
const WORKER_FILE = 'pack-worker.js';

export function packWorker(): PackEngine {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const start = (): Worker => {
    const w = new Worker(WORKER_FILE);
    w.addEventListener('message', (e: MessageEvent<PackWorkerReply>) => {
      const call = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.ok) call?.resolve(e.data.value);
      else call?.reject(new Error(e.data.error));
    });
    w.addEventListener('error', (e) => {
      for (const call of waiting.values()) call.reject(new Error(`the pack worker failed: ${e.message}`));
      waiting.clear();
      worker = null;
    });
    return w;
  };
  return new Proxy({} as PackEngine, {
    get: (_target, op: string) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          worker ??= start();
          const id = ++next;
          waiting.set(id, { resolve, reject });
          const request: PackWorkerRequest = { id, op: op as keyof PackOps, args };
          worker.postMessage(request);
        }),
  });
}
