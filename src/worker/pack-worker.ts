/**
 * The pack Worker: extension pages run the slow work on packs here (reading and checking files,
 * writing IndexedDB, compiling the matcher), so the page never freezes. Requests and replies are
 * `{ id, op, args }` → `{ id, ok, value | error }` (src/common/pack-client.ts is the other end).
 */
import { PACK_OPS, type PackOps } from '../common/pack-ops';

interface Request {
  id: number;
  op: keyof PackOps;
  args: unknown[];
}

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { id, op, args } = event.data;
  const run = (PACK_OPS as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[op];
  if (!run) {
    self.postMessage({ id, ok: false, error: `unknown operation ${String(op)}` });
    return;
  }
  run(...args).then(
    (value) => self.postMessage({ id, ok: true, value }),
    (err: unknown) => self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
