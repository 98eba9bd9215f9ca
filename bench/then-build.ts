/**
 * Issue 14's "no worse than before", measured in the same run: Backstory as it was on 1 Dec
 * (BASELINE_COMMIT, before issues 12 to 16), built from git into bench/.build and loaded beside
 * today's build, load by load. Figures stored from another day's run (bench/baseline-2026-12-01.json)
 * differ with the machine's load by more than the 10 % a regression check allows; two builds
 * alternating in one run see the same machine.
 *
 * Needs the project's git history (a clone, not an archive): without it the bench says so and
 * falls back to the stored figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_DIR, ROOT } from './config';

/** main at the 1 Dec full bench run (bench/baseline-2026-12-01.json's "commit"). */
export const BASELINE_COMMIT = '68a560d';

/** The unpacked Chrome build of `commit` (built once, then reused), or why there is none. */
export async function buildAtCommit(commit: string = BASELINE_COMMIT): Promise<{ dir: string } | { missing: string }> {
  const tree = path.join(BUILD_DIR, `then-${commit}`);
  const dist = path.join(tree, 'dist/chrome');
  if (existsSync(path.join(dist, 'manifest.json'))) return { dir: dist };
  try {
    execFileSync('git', ['-C', ROOT, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    return { missing: `commit ${commit} is not in this checkout's git history` };
  }
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  // The tree of then, with today's installed packages (its build needs only esbuild and the
  // bundled libraries, whose pinned versions have not changed since).
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${tree}"`]);
  await symlink(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['build.mjs'], { cwd: tree, stdio: 'ignore' });
  return existsSync(path.join(dist, 'manifest.json')) ? { dir: dist } : { missing: `the build of ${commit} wrote no dist/chrome` };
}
