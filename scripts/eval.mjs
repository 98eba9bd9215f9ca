#!/usr/bin/env node
// `npm run eval`: accuracy of the built extension (dist/chrome) on the labelled real news pages in
// ../shared, with the thresholds the project holds itself to. Builds first if dist/ is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const shared = path.resolve('../shared');
const scorer = path.join(shared, 'eval/score.mjs');
if (!existsSync(scorer)) {
  console.log(`# ${shared} not found: skipping the accuracy evaluation (it needs the labelled corpus)`);
  process.exit(0);
}
if (!existsSync('dist/chrome/manifest.json')) {
  const b = spawnSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const args = [
  scorer,
  '--ext', 'dist/chrome',
  '--pages', path.join(shared, 'corpus/pages'),
  '--gold', path.join(shared, 'eval/gold'),
  '--min-precision', '0.97',
  '--min-recall', '0.95',
  '--max-text-changed', '0',
  '--max-new-errors', '0',
  ...process.argv.slice(2),
];
const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(res.status ?? 1);
