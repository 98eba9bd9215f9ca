/**
 * Builds what is measured, as unpacked MV3 extensions under bench/.build/:
 *   - reference A and B (bench/refs/), against a given knowledge base;
 *   - Backstory against a given knowledge base: dist/chrome with every bundle rebuilt, because
 *     build.mjs reads data/ from the project root only. The built-in pack is compiled by the
 *     background (into storage.local, as it ships), so the background carries the knowledge base.
 * Bundled with build.mjs's own esbuild options (scripts/bundle-options.mjs), so sizes and speed compare.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { CompiledMatcher } from '../src/match/compile';
import { matcherData } from '../src/match/matcher-data';
import type { KnowledgeBase } from '../src/kb/types';
import { bundleOptions, CONTENT_ENTRY, contentScriptOptions, MODULE_ENTRIES, moduleOptions, PAGE_ENTRIES } from '../scripts/bundle-options.mjs';
import { BACKSTORY_COPY_DIR, BENCH_DIR, BUILD_DIR, ROOT } from './config';

/** The knowledge base a build carries: all packs (for the background) and the compiled matcher (for the content script). */
export interface BuildData {
  packs: KnowledgeBase[];
  compiled: CompiledMatcher;
}

/** The references are built under bench/, where the repo's eslint would otherwise lint their bundles. */
const GENERATED_BANNER = { js: '/* eslint-disable -- generated bundle */' };

function referenceOptions(entry: string, outfile: string, data: BuildData): esbuild.BuildOptions {
  // The matcher as Backstory's pages read it (made once per change of packs, never on a page).
  return { ...bundleOptions({ packs: data.packs, compiled: matcherData(data.compiled) }), entryPoints: [entry], outfile, banner: GENERATED_BANNER };
}

/** A reference's manifest: a content script only, injected like Backstory's (document_idle, top frame). */
function referenceManifest(name: string) {
  return {
    manifest_version: 3,
    name,
    version: '0.0.1',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: false }],
  };
}

export type Reference = 'ref-a-markjs' | 'ref-b-minimal';

/** Builds a reference extension; returns its folder. */
export async function buildReference(ref: Reference, label: string, data: BuildData): Promise<string> {
  const dir = path.join(BUILD_DIR, `${ref}-${label}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await esbuild.build(referenceOptions(path.join(BENCH_DIR, 'refs', `${ref}.ts`), path.join(dir, 'content.js'), data));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(referenceManifest(`bench ${ref} ${label}`), null, 2));
  return dir;
}

const entries = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, path.join(ROOT, v)]));

/** Backstory with another built-in knowledge base: a copy of dist/chrome with every bundle rebuilt as build.mjs builds them. */
export async function buildBackstory(label: string, data: BuildData): Promise<string> {
  const dir = path.join(BACKSTORY_COPY_DIR, `backstory-${label}`);
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(ROOT, 'dist/chrome'), dir, { recursive: true });
  await esbuild.build({ ...bundleOptions(data), entryPoints: entries(PAGE_ENTRIES), outdir: dir });
  await esbuild.build({ ...contentScriptOptions(data), entryPoints: entries({ content: CONTENT_ENTRY }), outdir: dir });
  await esbuild.build({ ...moduleOptions(data), entryPoints: entries(MODULE_ENTRIES), outdir: dir });
  for (const f of [...Object.keys(PAGE_ENTRIES), 'content', ...Object.keys(MODULE_ENTRIES)]) await rm(path.join(dir, `${f}.js.map`), { force: true });
  return dir;
}

/** Minified bytes of the content script per input package or source folder: what makes it big. */
export async function contentScriptBreakdown(data: BuildData, entry: string = CONTENT_ENTRY): Promise<{ part: string; bytes: number }[]> {
  const out = path.join(BACKSTORY_COPY_DIR, 'breakdown', path.basename(entry).replace(/\.tsx?$/, '.js'));
  const options = entry === CONTENT_ENTRY ? contentScriptOptions(data) : moduleOptions(data);
  const result = await esbuild.build({ ...options, entryPoints: [path.join(ROOT, entry)], outfile: out, metafile: true });
  const inputs = Object.values(result.metafile!.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  const parts = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const part = pkg ?? (file.startsWith('virtual:') ? file : path.dirname(file));
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
  }
  return [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}
