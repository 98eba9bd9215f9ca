#!/usr/bin/env node
// Runs one suite with Node's own test runner (TypeScript through tsx):
//   unit: every colocated src/**/*.test.ts and test/unit/**/*.test.ts (Node, happy-dom)
//   e2e:  every test/e2e/**/*.test.ts (real Chromium and Firefox; needs `npm run build` first)
// Extra arguments are passed on, e.g. `npm run test:e2e -- --test-name-pattern=popup`.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [suite = 'unit', ...rest] = process.argv.slice(2);
const ROOTS = { unit: ['src', 'test/unit', 'scripts'], e2e: ['test/e2e'] };
if (!ROOTS[suite]) {
  console.error(`unknown suite "${suite}"; use one of: ${Object.keys(ROOTS).join(', ')}`);
  process.exit(2);
}

function find(dir) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(find(full));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

const files = ROOTS[suite].flatMap(find).sort();
if (files.length === 0) {
  console.error(`no ${suite} tests found`);
  process.exit(1);
}
// E2E files each start their own browser; run them one at a time on CI's two cores.
const concurrency = suite === 'e2e' ? ['--test-concurrency=1'] : [];
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...concurrency, ...rest, ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
