// The build: both browsers' variants from one manifest, reproducible zips without source maps,
// icons at every size. Runs the real build (about 1 s) twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { unzipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;

function build(): void {
  const res = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
}

function hashes(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) hashes(full, base, out);
    else out[path.relative(base, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

test('two builds of the same sources are byte-identical, zips included', { timeout: 60_000 }, () => {
  build();
  const first = hashes(dist);
  build();
  assert.deepEqual(hashes(dist), first);
  assert.ok(first[`backstory-chrome-${version}.zip`] && first[`backstory-firefox-${version}.zip`], 'both zips written');
});

test('each browser gets its own manifest variant', () => {
  const chrome = JSON.parse(readFileSync(path.join(dist, 'chrome/manifest.json'), 'utf8'));
  const firefox = JSON.parse(readFileSync(path.join(dist, 'firefox/manifest.json'), 'utf8'));
  assert.deepEqual(chrome.background, { service_worker: 'background.js' });
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(firefox.browser_specific_settings.gecko.id, 'backstory@backstory-reader');
  assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, '142.0');
  // Firefox for Android: 142 is the first to read data_collection_permissions (see README).
  assert.deepEqual(firefox.browser_specific_settings.gecko_android, { strict_min_version: '142.0' });
  assert.deepEqual(chrome.permissions, ['storage']);
});

test('zips hold the unpacked extension minus source maps; bundles are minified', () => {
  for (const browser of ['chrome', 'firefox']) {
    const files = Object.keys(unzipSync(readFileSync(path.join(dist, `backstory-${browser}-${version}.zip`)))).sort();
    const unpacked = Object.keys(hashes(path.join(dist, browser))).sort();
    assert.deepEqual(files, unpacked.filter((f) => !f.endsWith('.map')), browser);
    assert.ok(unpacked.includes('content.js.map'), 'source maps stay in the unpacked folder');
    for (const size of [16, 32, 48, 128]) assert.ok(files.includes(`icons/icon-${size}.png`), `icon ${size}`);
    const content = readFileSync(path.join(dist, browser, 'content.js'), 'utf8');
    // Minified: local names are mangled (a class name from the source is gone), no comments.
    assert.ok(!content.includes('HighlightRegistry') && !content.includes('Why not one big regular'), 'content.js is minified');
    assert.ok(!content.includes('BACKSTORY_OPEN_CARD_ROOT'), 'the switch is folded away');
  }
});

/** Strings that survive minifying and belong to one library each (property names and literals). */
const LIBRARY_MARKERS = {
  Preact: ['dangerouslySetInnerHTML', 'http://www.w3.org/2000/svg'],
  'floating-ui': ['name:"flip"', 'name:"shift"'],
  'mark.js': ['ignoreJoiners', 'acrossElements'],
  Readability: ['_grabArticle'],
};

test('content.js is small and carries no card or marking library; card.js and marker.js do, and ship in web_accessible_resources', () => {
  for (const browser of ['chrome', 'firefox']) {
    const read = (file: string) => readFileSync(path.join(dist, browser, file), 'utf8');
    const content = read('content.js');
    const card = read('card.js');
    const marker = read('marker.js');
    for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
      for (const m of markers) assert.ok(!content.includes(m), `${browser} content.js must not carry ${library} (${m})`);
    }
    for (const library of ['Preact', 'floating-ui'] as const) {
      for (const m of LIBRARY_MARKERS[library]) assert.ok(card.includes(m), `${browser} card.js carries ${library} (${m})`);
    }
    for (const m of LIBRARY_MARKERS['mark.js']) assert.ok(marker.includes(m), `${browser} marker.js carries mark.js (${m})`);
    for (const m of [...LIBRARY_MARKERS['mark.js'], ...LIBRARY_MARKERS.Readability]) assert.ok(!card.includes(m), `${browser} card.js must not carry ${m}`);
    // The budget for what every page loads.
    assert.ok(Buffer.byteLength(content) <= 45 * 1024, `${browser} content.js is ${Buffer.byteLength(content)} bytes (budget 45 KB)`);
    // Both on-demand modules are ES modules (import() of a classic script would give no exports).
    for (const [name, text] of [['card.js', card], ['marker.js', marker]]) assert.match(text, /export\s*\{/, `${browser} ${name} is an ES module`);
    // The card's shadow root is closed in what ships (only the accessibility test's copy opens it).
    assert.ok(!content.includes('attachShadow({mode:'), `${browser} content.js does not build the card root`);
    const mode = /attachShadow\(\{mode:([\w$]+|"\w+")\}\)/.exec(card)?.[1];
    assert.ok(mode, `${browser} card.js attaches the card root`);
    assert.ok(mode === '"closed"' || new RegExp(`[,;{ ]${mode.replace('$', '\\$')}="closed"`).test(card), `${browser} the card root is closed (mode ${mode})`);
    assert.ok(!card.includes('BACKSTORY_OPEN_CARD_ROOT'), 'the switch is folded away');
    const manifest = JSON.parse(read('manifest.json'));
    assert.deepEqual(manifest.web_accessible_resources?.map((r: { resources: string[] }) => r.resources).flat().sort(), ['card.js', 'marker.js']);
  }
});

test('icons are PNGs of the named sizes', () => {
  for (const size of [16, 32, 48, 128]) {
    const png = readFileSync(path.join(dist, `chrome/icons/icon-${size}.png`));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.readUInt32BE(16), size, 'width');
    assert.equal(png.readUInt32BE(20), size, 'height');
  }
});

test('the extraction code ("Add this article": Readability, country data) is only in the review page', () => {
  const has = (file: string, marker: string) => readFileSync(path.join(dist, 'chrome', file), 'utf8').includes(marker);
  // `_grabArticle` is a Readability method (property names survive minifying); Afghanistan comes first in the country data.
  for (const marker of ['_grabArticle', 'Afghanistan']) {
    assert.ok(has('review.js', marker), `review.js has ${marker}`);
    for (const file of ['content.js', 'popup.js', 'options.js', 'background.js']) assert.ok(!has(file, marker), `${file} must not carry ${marker}`);
  }
});
