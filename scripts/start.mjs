#!/usr/bin/env node
// `npm start`: build, serve the demo page on 127.0.0.1, and open a browser with the extension on it.
//
//   npm start                      Chromium (web-ext run --target chromium)
//   npm start -- --firefox         Firefox (web-ext run --target firefox-desktop)
//   npm start -- --arg=--foo       anything else is passed on to `web-ext run`
//   PORT=8080 npm start            serve the demo page on this port (default: a free one)
//   CHROMIUM=… / FIREFOX=…         the browser binary (default: Debian's chromium / firefox-esr)
//
// With no display (Linux without DISPLAY or WAYLAND_DISPLAY) or no browser, it says so, prints how
// to load the extension by hand and the demo page's URL, and keeps serving until Ctrl-C.
import http from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser-paths.mjs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = path.join(root, 'demo');

const argv = process.argv.slice(2);
const firefox = argv.includes('--firefox');
const passOn = argv.filter((a) => a !== '--firefox' && a !== '--chromium');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Serves demo/ at http://127.0.0.1:PORT/ (demo/index.html at /). */
function serveDemo(port) {
  const server = http.createServer(async (req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(demoDir, `.${rel}`);
    try {
      if (!file.startsWith(demoDir + path.sep) || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function manualInstructions(url) {
  return [
    'Load the extension by hand:',
    '  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked",',
    `                   and choose ${path.join(root, 'dist/chrome')}`,
    '  Firefox:         open about:debugging, click "This Firefox", "Load Temporary Add-on…",',
    `                   and choose ${path.join(root, 'dist/firefox/manifest.json')}`,
    `Then open the demo page: ${url}`,
  ].join('\n');
}

// 1. Build.
console.log('Building (node build.mjs)…');
const built = spawnSync(process.execPath, [path.join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('\nThe build failed (see above); fix it and run `npm start` again.');
  process.exit(1);
}

// 2. Serve the demo page.
const port = process.env.PORT ? Number(process.env.PORT) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number.`);
  process.exit(2);
}
let server;
try {
  server = await serveDemo(port);
} catch (err) {
  console.error(`Cannot serve the demo page on 127.0.0.1:${port}: ${err.message}`);
  process.exit(1);
}
const url = `http://127.0.0.1:${server.address().port}/`;
if (!existsSync(path.join(demoDir, 'index.html'))) console.warn(`Warning: ${path.join(demoDir, 'index.html')} does not exist yet; ${url} will answer 404.`);
console.log(`Serving the demo page at ${url}`);

const keepServing = (why) => {
  console.log(`\n${why}\n\n${manualInstructions(url)}\n\nServing ${url} until Ctrl-C.`);
  process.on('SIGINT', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
  process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
};

// 3. Open a browser with the extension, unless there is no display or no browser.
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const found = findBrowser(firefox ? 'firefox' : 'chromium');
const browserPath = found.path;
const browserName = firefox ? 'Firefox' : 'Chromium';
const installHint = `${found.install} (or set ${found.env}=/path/to/${firefox ? 'firefox' : 'chromium'})`;

if (headlessLinux) {
  keepServing(`No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser is opened. (Try: xvfb-run -a npm start)`);
} else if (!browserPath) {
  keepServing(`${browserName} was not found, so no browser is opened. Install it with: ${installHint}`);
} else {
  const webExtArgs = firefox
    ? ['--source-dir', path.join(root, 'dist/firefox'), '--target', 'firefox-desktop', '--firefox', browserPath]
    : ['--source-dir', path.join(root, 'dist/chrome'), '--target', 'chromium', '--chromium-binary', browserPath];
  // Chromium refuses to run as root without --no-sandbox.
  if (!firefox && process.getuid?.() === 0) webExtArgs.push('--arg=--no-sandbox');
  const cmd = [path.join(root, 'node_modules/web-ext/bin/web-ext.js'), 'run', ...webExtArgs, '--start-url', url, '--no-config-discovery', ...passOn];
  console.log(`Opening ${browserName} with the extension: web-ext ${cmd.slice(1).join(' ')}`);
  console.log('(web-ext reloads the extension when dist/ changes: run `npm run watch` in another terminal.) Ctrl-C to stop.');
  const child = spawn(process.execPath, cmd, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  // Ctrl-C reaches web-ext too (same process group): it closes the browser and exits, then so do we.
  let stopping = false;
  process.on('SIGINT', () => {
    stopping = true;
  });
  process.on('SIGTERM', () => {
    stopping = true;
    child.kill('SIGINT');
  });
  child.on('exit', (code) => {
    server.closeAllConnections();
    server.close();
    // 130 = stopped by Ctrl-C.
    if (stopping || code === 0 || code === 130) process.exit(0);
    console.error(`\nweb-ext exited with code ${code ?? 'unknown'}.\n\n${manualInstructions(url)}`);
    process.exit(code ?? 1);
  });
}
