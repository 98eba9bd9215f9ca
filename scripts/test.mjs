#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure so the cause is on screen.
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit tests', 'node', ['scripts/run-tests.mjs', 'unit']],
  ['build', 'node', ['build.mjs']],
  ['web-ext lint (dist/firefox)', 'node', ['scripts/lint-ext.mjs']],
  ['browser tests (Chromium, Firefox)', 'node', ['scripts/run-tests.mjs', 'e2e']],
];

for (const [name, cmd, args] of STEPS) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${res.status ?? res.signal})`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nall checks passed');
