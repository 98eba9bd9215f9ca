#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --suites=headline,kb,size,growth]`: rebuilds dist/ when it is
// older than its inputs, then runs the benchmark (bench/main.ts, TypeScript through tsx, as the
// test runner does). Results: bench/results.md.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What build.mjs reads: dist/ older than any of these is stale. */
const BUILD_INPUTS = ['src', 'data', 'icons', 'manifest.json', 'package.json', 'build.mjs'];

function newestMtime(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

const built = path.join(root, 'dist/chrome/content.js');
const inputsMtime = Math.max(...BUILD_INPUTS.map((p) => path.join(root, p)).filter(existsSync).map(newestMtime));
if (!existsSync(built) || statSync(built).mtimeMs < inputsMtime) {
  console.log('dist/ is missing or older than its sources: node build.mjs');
  const b = spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
