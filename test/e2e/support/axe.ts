// axe-core in the browser tests: its source injected into the page under test (never shipped in
// the extension), run there, and its violations summarised for an assertion message. Works on web
// pages and on the extension's own pages (the drivers evaluate the source directly, which the
// pages' Content-Security-Policy does not govern), in Chromium and Firefox alike.
//
// The card lives in a closed shadow root that nothing in the page can enter; these tests load a
// copy of the extension whose card module opens it (buildOpenCardRootCopy below), and axe,
// which walks open shadow roots, checks the card with the page.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { MODULE_ENTRIES, moduleOptions } from '../../../scripts/bundle-options.mjs';
import { prepareData } from '../../../scripts/prepare-data';
import { ROOT } from './server';

const require = createRequire(import.meta.url);
/** axe-core's own build, as the package ships it. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** A page of either driver: evaluates a string of JavaScript and returns its JSON-able result. */
interface Evaluates {
  evaluate(js: string): Promise<unknown>;
}

/**
 * Runs axe on the page (its whole document, open shadow roots included) and returns the
 * violations. `include` limits the run to elements matching a selector.
 */
export async function axeViolations(page: Evaluates, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(`typeof globalThis.axe === 'object'`);
  if (!loaded) await page.evaluate(`${AXE_SOURCE};void 0`);
  const context = include === undefined ? 'document' : JSON.stringify({ include: [include] });
  const json = await page.evaluate(
    `globalThis.axe.run(${context}, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))))`,
  );
  return JSON.parse(json as string) as AxeViolation[];
}

/** One line per violation and node, for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/**
 * A copy of dist/chrome and dist/firefox in a temporary folder whose card module (card.js, loaded
 * by the content script on demand) opens the card's shadow root: built with the same options as
 * dist/, plus `openCardRoot`. dist/ itself is never touched. Returns the two folders and a function that removes them.
 */
export async function buildOpenCardRootCopy(): Promise<{ chrome: string; firefox: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'backstory-open-card-root-'));
  const data = prepareData(path.join(ROOT, 'data'));
  if (data.errors.length > 0) throw new Error(`knowledge base invalid: ${data.errors.join('; ')}`);
  const card = path.join(dir, 'card.js');
  await esbuild.build({ ...moduleOptions(data, { openCardRoot: true }), entryPoints: [path.join(ROOT, MODULE_ENTRIES.card)], outfile: card });
  const out = { chrome: path.join(dir, 'chrome'), firefox: path.join(dir, 'firefox') };
  for (const [browser, target] of Object.entries(out)) {
    await cp(path.join(ROOT, 'dist', browser), target, { recursive: true });
    await rm(path.join(target, 'card.js.map'), { force: true });
    await cp(card, path.join(target, 'card.js'));
  }
  return { ...out, remove: () => rm(dir, { recursive: true, force: true }) };
}
