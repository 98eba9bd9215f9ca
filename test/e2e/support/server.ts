// A static server for browser tests: 127.0.0.1, a free port, every request recorded.
//
//   /                 test/e2e/pages/ (small pages written for the tests)
//   /demo/            demo/ (the demo page, demo/index.html)
//   addPage(path, …)  extra in-memory pages, e.g. one built by a test
//
// Also a "trap" proxy: browsers are pointed at it as their HTTP(S) proxy, so any connection that
// would leave the machine (loopback is never proxied) lands here, is recorded and refused.
import http from 'node:http';
import net from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file is test/e2e/support/server.ts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PAGES_DIR = path.join(ROOT, 'test/e2e/pages');
export const DEMO_DIR = path.join(ROOT, 'demo');

export interface RecordedRequest {
  method: string;
  /** Path and query as the client sent it. */
  url: string;
  status: number;
  at: number;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  port: number;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Absolute URL of a path on this server: server.url('/core.html'). */
  url(pathname: string): string;
  /** Serves `body` at `pathname` (takes precedence over files), with any extra response `headers`. */
  addPage(pathname: string, body: string | Buffer, contentType?: string, headers?: Record<string, string>): string;
  /** The exact bytes served at `pathname` (in-memory page or file), or null. */
  read(pathname: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under one of the mounts, refusing anything that escapes it. */
function resolveFile(mounts: [string, string][], pathname: string): string | null {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let rest = pathname.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = path.resolve(dir, rest);
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

export interface ServerOptions {
  /** URL prefix → directory; longest prefix first wins. Default: /demo/ → demo/, / → test/e2e/pages/. */
  mounts?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts ?? { '/demo/': DEMO_DIR, '/': PAGES_DIR })
    .map(([prefix, dir]): [string, string] => [prefix, path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const memory = new Map<string, { body: Buffer; type: string; headers?: Record<string, string> }>();
  const requests: RecordedRequest[] = [];

  const read = async (pathname: string): Promise<Buffer | null> => {
    const mem = memory.get(pathname);
    if (mem) return mem.body;
    const file = resolveFile(mounts, pathname);
    if (!file) return null;
    try {
      if (!(await stat(file)).isFile()) return null;
      return await readFile(file);
    } catch {
      return null;
    }
  };

  const server = http.createServer((req, res) => {
    const entry: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', status: 0, at: Date.now() };
    requests.push(entry);
    const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      send(400, 'text/plain', 'bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain', 'method not allowed');
      return;
    }
    const mem = memory.get(pathname);
    if (mem) {
      send(200, mem.type, mem.body, mem.headers);
      return;
    }
    read(pathname).then(
      (body) => {
        if (body === null) send(404, 'text/plain', 'not found');
        else send(200, TYPES[path.extname(resolveFile(mounts, pathname) ?? '')] ?? 'application/octet-stream', body);
      },
      (err: unknown) => send(500, 'text/plain', String(err)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    url: (pathname) => new URL(pathname, origin).href,
    addPage(pathname, body, contentType = 'text/html; charset=utf-8', headers) {
      memory.set(pathname, { body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), type: contentType, headers });
      return new URL(pathname, origin).href;
    },
    read,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TrapProxy {
  host: string;
  port: number;
  /** "CONNECT host:port" or "METHOD absolute-url", one per attempt to reach another host. */
  attempts: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that forwards nothing: it records each request (plain HTTP) or CONNECT tunnel
 * (HTTPS, WebSocket over TLS) and refuses it. Browsers never send loopback through a proxy, so
 * with the browser's proxy set to this, `attempts` lists every connection meant for elsewhere,
 * whoever made it: pages, content scripts, the extension's background, or the browser itself.
 */
export async function startTrapProxy(): Promise<TrapProxy> {
  const attempts: string[] = [];
  const server = http.createServer((req, res) => {
    attempts.push(`${req.method ?? 'GET'} ${req.url ?? ''}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('blocked by the test proxy: tests must not leave 127.0.0.1');
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    attempts.push(`CONNECT ${req.url ?? ''}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * True for URLs that stay on this machine: http(s)/ws(s) to 127.0.0.1, and schemes that are not
 * network at all (chrome-extension:, moz-extension:, data:, blob:, about:).
 */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // chrome: is the browser's own bundled resources (its PDF viewer loads some), never the network.
  if (['chrome-extension:', 'moz-extension:', 'chrome:', 'data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return u.hostname === '127.0.0.1';
  return false; // ftp:, file: and anything unexpected count as leaving
}
