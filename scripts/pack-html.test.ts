// `npm run pack -- --html`: a saved page becomes a reading pack file and the CLI prints what it
// found; bad input writes nothing and says why. The `--article/--entities` mode is tested in
// test/unit/kb-build-errors.test.ts and src/kb/pack-builder.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateKnowledgeBase } from '../src/kb/validate';
import { newsPageHtml } from '../test/unit/news-page';
import { HARBOUR_PAGE } from '../test/unit/reading-fixtures';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'pack-html-'));

function pack(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pack.ts', ...args], { cwd: root, encoding: 'utf8' });
}

test('a saved page becomes a valid reading pack; the CLI prints what it found and what it left out', () => {
  const page = path.join(dir, 'ferry.html');
  writeFileSync(page, newsPageHtml({ ...HARBOUR_PAGE, canonical: undefined }));
  const out = path.join(dir, 'ferry.json');
  const res = pack('--html', page, '--out', out, '--url', 'https://herald.example/ferry');
  assert.equal(res.status, 0, res.stderr);
  const written = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(validateKnowledgeBase(written, 'ferry.json').errors, []);
  assert.equal(written.source.url, 'https://herald.example/ferry');
  assert.equal(written.source.origin, 'reading');
  assert.match(res.stdout, /headline: {2}Port authority approves new ferry link between Norland and Estavia/);
  assert.match(res.stdout, /outlet: {4}The Harbour Herald, by Petra Lindqvist/);
  assert.match(res.stdout, /published: 2024-03-14T09:30:00Z/);
  assert.match(res.stdout, /Maren Osterholt \(person, \d+×\): The Norland transport minister/);
  assert.match(res.stdout, /left out as weak/);
});

test('bad input: a page in another language, a missing file, a bad --url: a message and nothing written', () => {
  const french = path.join(dir, 'fr.html');
  writeFileSync(french, newsPageHtml({ ...HARBOUR_PAGE, lang: 'fr' }));
  const out = path.join(dir, 'never.json');
  const cases: [string[], RegExp][] = [
    [['--html', french, '--out', out], /nothing written: This page is in French \(fr\)/],
    [['--html', path.join(dir, 'missing.html'), '--out', out], /missing\.html: no such file/],
    [['--html', french, '--out', out, '--url', 'ftp://x'], /--url ftp:\/\/x: not an http or https address/],
    [['--html', french], /--out is needed with --html/],
  ];
  for (const [args, message] of cases) {
    const res = pack(...args);
    assert.equal(res.status, 1, args.join(' '));
    assert.match(res.stderr, message);
    assert.ok(!existsSync(out), 'nothing written');
  }
});
