#!/usr/bin/env node
// Builds Backstory for Chrome and Firefox from one source tree:
//   data/*.json  → validated knowledge base (a broken file stops the build, naming the place)
//   src/**       → bundled entry points (esbuild), the same files for both browsers
//   manifest.json → dist/chrome/manifest.json and dist/firefox/manifest.json (derived variants)
//   icons/icon.svg → 16/32/48/128 px PNGs
//   dist/backstory-<browser>-<version>.zip, byte-identical from build to build, without source maps.
//
//   node build.mjs            production build (minified)
//   node build.mjs --dev      unminified, inline source maps
//   node build.mjs --watch    rebuild on every change under src/, data/, icons/ and manifest.json
import { mkdir, readFile, rm, writeFile, readdir, copyFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { Resvg } from '@resvg/resvg-js';
import { bundleOptions, CONTENT_ENTRY, contentScriptOptions, MODULE_ENTRIES, moduleOptions, PAGE_ENTRIES } from './scripts/bundle-options.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const BROWSERS = ['chrome', 'firefox'];
const ICON_SIZES = [16, 32, 48, 128];
// Zip entries get this fixed date so that two builds of the same sources are byte-identical.
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z');

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev') || args.has('--watch');

/** Static files copied as they are: [source, destination inside the browser folder]. */
const STATIC = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/options/options.html', 'options.html'],
  ['src/review/review.html', 'review.html'],
  ['src/content/content.css', 'content.css'],
  ['src/ui/page.css', 'page.css'],
];

/** Validates data/ and compiles the matcher, using the project's own TypeScript (bundled for Node). */
async function prepareData() {
  const out = path.join(root, 'node_modules', '.cache', 'backstory', 'prepare-data.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'scripts/prepare-data.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  const mod = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
  return mod.prepareData(path.join(root, 'data'));
}

function manifestFor(browser, source) {
  const m = structuredClone(source);
  if (browser === 'chrome') {
    // Chrome runs a service worker and does not know Firefox's settings.
    m.background = { service_worker: 'background.js' };
    delete m.browser_specific_settings;
    // Reachable only at an address that changes every session, so that a page cannot probe
    // chrome-extension://<id>/card.js to learn that Backstory is installed (fingerprinting).
    for (const entry of m.web_accessible_resources ?? []) entry.use_dynamic_url = true;
  } else {
    // Firefox runs background scripts as an event page (it has no extension service workers).
    m.background = { scripts: ['background.js'] };
  }
  return m;
}

async function renderIcons() {
  const svg = await readFile(path.join(root, 'icons/icon.svg'));
  const out = {};
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    out[`icons/icon-${size}.png`] = png;
  }
  return out;
}

async function listFiles(dir, base = dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listFiles(full, base)));
    else files.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return files.sort();
}

async function zipFolder(dir, zipPath) {
  const files = (await listFiles(dir)).filter((f) => !f.endsWith('.map'));
  const entries = {};
  for (const f of files) entries[f] = [await readFile(path.join(dir, f)), { mtime: ZIP_MTIME }];
  await writeFile(zipPath, zipSync(entries, { level: 9, mtime: ZIP_MTIME }));
}

export async function build() {
  const started = Date.now();
  const data = await prepareData();
  if (data.errors.length > 0) {
    const err = new Error(`Knowledge base is invalid:\n${data.errors.map((e) => `  ${e}`).join('\n')}`);
    err.userFacing = true;
    throw err;
  }
  const source = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  if (source.version !== pkg.version) throw new Error(`manifest.json version ${source.version} differs from package.json ${pkg.version}`);

  await rm(dist, { recursive: true, force: true });
  const staging = path.join(dist, '.bundle');
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(PAGE_ENTRIES).map(([k, v]) => [k, path.join(root, v)])),
    outdir: staging,
    ...bundleOptions(data, { dev }),
    sourcemap: dev ? 'inline' : 'external',
  });
  // The content script and the card module each on their own: other options (bundle-options.mjs).
  await esbuild.build({
    entryPoints: { content: path.join(root, CONTENT_ENTRY) },
    outdir: staging,
    ...contentScriptOptions(data, { dev }),
    sourcemap: dev ? 'inline' : 'external',
  });
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(MODULE_ENTRIES).map(([k, v]) => [k, path.join(root, v)])),
    outdir: staging,
    ...moduleOptions(data, { dev }),
    sourcemap: dev ? 'inline' : 'external',
  });
  const icons = await renderIcons();

  for (const browser of BROWSERS) {
    const out = path.join(dist, browser);
    await mkdir(path.join(out, 'icons'), { recursive: true });
    for (const f of await readdir(staging)) await copyFile(path.join(staging, f), path.join(out, f));
    for (const [from, to] of STATIC) await copyFile(path.join(root, from), path.join(out, to));
    for (const [name, png] of Object.entries(icons)) await writeFile(path.join(out, name), png);
    await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser, source), null, 2)}\n`);
    await zipFolder(out, path.join(dist, `backstory-${browser}-${source.version}.zip`));
  }
  await rm(staging, { recursive: true, force: true });
  console.log(`built dist/chrome and dist/firefox (${dev ? 'dev' : 'production'}) in ${Date.now() - started} ms`);
}

async function main() {
  try {
    await build();
  } catch (err) {
    console.error(err.userFacing ? err.message : err);
    if (!args.has('--watch')) process.exit(1);
  }
  if (!args.has('--watch')) return;
  let timer;
  let running = Promise.resolve();
  const rebuild = () => {
    clearTimeout(timer);
    // Editors write files in several steps; wait for them to settle before rebuilding.
    timer = setTimeout(() => {
      running = running.then(() => build().catch((err) => console.error(err.userFacing ? err.message : err)));
    }, 100);
  };
  for (const dir of ['src', 'data', 'icons']) watch(path.join(root, dir), { recursive: true }, rebuild);
  watch(path.join(root, 'manifest.json'), rebuild);
  console.log('watching src/, data/, icons/ and manifest.json for changes');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
