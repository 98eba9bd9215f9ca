/**
 * The pack Worker: extension pages run the slow work on packs here (reading and checking files,
 * writing IndexedDB, compiling the matcher), so the page never freezes. Requests and replies are
 * PackWorkerRequest → PackWorkerReply (src/common/messages.ts; src/common/pack-client.ts is the other end).
 */
import { PACK_OPS } from '../common/pack-ops';
import type { PackWorkerReply, PackWorkerRequest } from '../common/messages';

const reply = (message: PackWorkerReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<PackWorkerRequest>) => {
  const { id, op, args } = event.data;
  const run = (PACK_OPS as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[op];
  if (!run) {
    reply({ id, ok: false, error: `unknown operation ${String(op)}` });
    return;
  }
  run(...args).then(
    (value) => reply({ id, ok: true, value }),
    (err: unknown) => reply({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
