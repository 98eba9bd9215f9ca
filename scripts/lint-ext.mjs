#!/usr/bin/env node
// `npm run lint:ext`: Mozilla's add-on linter (web-ext lint) on the built Firefox extension.
//
//   node scripts/lint-ext.mjs [dir]     default dir: dist/firefox (run `node build.mjs` first)
//
// Prints every error, warning and notice readably. Exit 1 on any error, and on any warning that
// is not in ALLOWED_WARNINGS below; notices never fail. Exit 2 when the linter cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(root, process.argv[2] ?? 'dist/firefox');

/**
 * Warnings we know and accept, each with the reason (also listed in README.md). A warning is
 * allowed when its code matches, and its file and message match `file` and `message` if given,
 * and no more than `maxPerFile` warnings of one file match this entry (the rest fail).
 * @type {{ code: string, file?: RegExp, message?: RegExp, maxPerFile?: number, reason: string }[]}
 */
const ALLOWED_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // card.js: the hover card, which content.js imports on demand (src/content/card/card-loader.ts).
    file: /^(card|popup|options|review)\.js$/,
    message: /innerHTML/,
    maxPerFile: 1,
    reason:
      "Preact's renderer, bundled into every file that renders UI, assigns `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. " +
      'That line only runs for the dangerouslySetInnerHTML prop, which our code never uses (eslint bans it, and every innerHTML ' +
      'assignment, in src/), so no page or data text reaches innerHTML. One per file is Preact; a second one fails.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^review\.js$/,
    message: /innerHTML/,
    maxPerFile: 2,
    reason:
      "@mozilla/readability, in the review page of \"Add this article\" only: it puts back a cached copy of the page's own markup " +
      'between attempts (`page.innerHTML = pageCacheHtml`) and unwraps <noscript> images (`tmp.innerHTML = noscript.innerHTML`). ' +
      'Both run on the inert document DOMParser made from the page (src/review/snapshot-document.ts): it has no browsing context, ' +
      'so nothing in it runs or loads, and its markup never enters an extension page (the review shows text through Preact).',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content\.js$/,
    message: /Unsafe call to import/,
    maxPerFile: 2,
    reason:
      "content.js imports two of the extension's own modules on demand: `import(runtime.getURL('card.js'))` on the first hover, " +
      "focus, tap or command (src/content/card/card-loader.ts) and `import(runtime.getURL('marker.js'))`, mark.js, on the first page " +
      'with a name to mark (src/content/index.ts). The argument is a constant file name made absolute by the extension API: no page ' +
      "or data text reaches it, and both files are in the package (a relative specifier would resolve against the page's address). " +
      'A third import fails.',
  },
];

if (!existsSync(path.join(sourceDir, 'manifest.json'))) {
  console.error(`lint-ext: no manifest.json in ${path.relative(root, sourceDir) || '.'}: run \`node build.mjs\` first.`);
  process.exit(2);
}

const webExt = path.join(root, 'node_modules/web-ext/bin/web-ext.js');
if (!existsSync(webExt)) {
  console.error('lint-ext: web-ext is not installed: run `npm ci`.');
  process.exit(2);
}
const res = spawnSync(process.execPath, [webExt, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input', '--no-config-discovery'], {
  cwd: root,
  encoding: 'utf8',
  // No update check against the npm registry (update-notifier): the linter itself is offline.
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  // web-ext prints the JSON report on stdout; anything else there (none expected) comes before it.
  const out = res.stdout ?? '';
  report = JSON.parse(out.slice(out.indexOf('{')));
} catch {
  console.error(`lint-ext: web-ext lint did not print a JSON report (exit ${res.status ?? res.signal}).`);
  if (res.error) console.error(String(res.error));
  if (res.stdout) console.error(res.stdout);
  if (res.stderr) console.error(res.stderr);
  process.exit(2);
}

/** One message as "CODE  file:line:column  message — description". */
function describe(m) {
  const where = m.file ? `${m.file}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ''}` : ''}` : '';
  const desc = Array.isArray(m.description) ? m.description.join(' ') : m.description ?? '';
  const text = [m.message, desc && desc !== m.message ? desc : ''].filter(Boolean).join(' — ');
  return `  ${m.code}${where ? `  ${where}` : ''}\n      ${text.replace(/\s+/g, ' ').trim()}`;
}

const errors = report.errors ?? [];
const warnings = report.warnings ?? [];
const notices = report.notices ?? [];
/** Warning → the ALLOWED_WARNINGS entry that allows it, counting each entry's uses per file. */
const allowance = new Map();
const uses = new Map();
for (const w of warnings) {
  const entry = ALLOWED_WARNINGS.find(
    (a) =>
      a.code === w.code &&
      (!a.file || a.file.test(w.file ?? '')) &&
      (!a.message || a.message.test(`${w.message ?? ''} ${w.description ?? ''}`)) &&
      (a.maxPerFile === undefined || (uses.get(`${ALLOWED_WARNINGS.indexOf(a)}:${w.file}`) ?? 0) < a.maxPerFile),
  );
  if (!entry) continue;
  const key = `${ALLOWED_WARNINGS.indexOf(entry)}:${w.file}`;
  uses.set(key, (uses.get(key) ?? 0) + 1);
  allowance.set(w, entry);
}
const allowedBy = (w) => allowance.get(w);
const unexpected = warnings.filter((w) => !allowedBy(w));

const rel = path.relative(root, sourceDir) || '.';
console.log(`web-ext lint ${rel}: ${errors.length} error(s), ${warnings.length} warning(s) (${warnings.length - unexpected.length} allowed), ${notices.length} notice(s)`);
if (errors.length) console.log(`\nErrors:\n${errors.map(describe).join('\n')}`);
if (unexpected.length) console.log(`\nWarnings:\n${unexpected.map(describe).join('\n')}`);
const allowed = warnings.filter((w) => allowedBy(w));
if (allowed.length) {
  const entries = [...new Set(allowed.map(allowedBy))];
  const lines = entries.map(
    (e) =>
      `  ${e.code} in ${allowed.filter((w) => allowedBy(w) === e).map((w) => `${w.file}${w.line ? `:${w.line}:${w.column ?? 0}` : ''}`).join(', ')}\n` +
      `      allowed: ${e.reason}`,
  );
  console.log(`\nAllowed warnings (ALLOWED_WARNINGS in scripts/lint-ext.mjs):\n${lines.join('\n')}`);
}
if (notices.length) console.log(`\nNotices:\n${notices.map(describe).join('\n')}`);

if (errors.length || unexpected.length) {
  console.log(`\n✗ ${errors.length} error(s) and ${unexpected.length} warning(s) not allowed (see ALLOWED_WARNINGS in scripts/lint-ext.mjs)`);
  process.exit(1);
}
console.log('✓ no errors, no unexpected warnings');
