// A knowledge-base file that breaks the schema fails the build with a message naming the place:
// prepareData() (scripts/prepare-data.ts) on a temp copy of data/ with one field broken, and the
// real `node build.mjs` run on a temp copy of the project's build inputs: exact message, exit 1,
// nothing built.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { prepareData, BUILT_IN_FILE } from '../../scripts/prepare-data';

const root = path.resolve(import.meta.dirname, '../..');
const PARAGRAPHS = (JSON.parse(readFileSync(path.join(root, 'data', BUILT_IN_FILE), 'utf8')) as { source: { paragraphCount: number } }).source.paragraphCount;
const BROKEN_FIELD = `data/${BUILT_IN_FILE}: entity "antony-blinken": facts[0].paragraphs[0]: paragraph 999 does not exist (the source has ${PARAGRAPHS})`;

/** data/ with the first entity's first fact citing a paragraph the article does not have. */
function breakField(dataDir: string): void {
  const file = path.join(dataDir, BUILT_IN_FILE);
  const kb = JSON.parse(readFileSync(file, 'utf8')) as { entities: { id: string; facts: { paragraphs: number[] }[] }[] };
  assert.equal(kb.entities[0]!.id, 'antony-blinken');
  kb.entities[0]!.facts[0]!.paragraphs = [999];
  writeFileSync(file, JSON.stringify(kb, null, 2));
}

describe('a broken knowledge base stops the build', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'backstory-kb-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('prepareData: the unbroken data has no errors (control)', () => {
    const dir = path.join(tmp, 'data-ok');
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    assert.deepEqual(prepareData(dir).errors, []);
  });

  test('prepareData names the file, the entity and the field', () => {
    const dir = path.join(tmp, 'data-field');
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    breakField(dir);
    const result = prepareData(dir);
    assert.deepEqual(result.errors, [BROKEN_FIELD]);
    assert.equal(result.compiled, null);
  });

  test('prepareData: a truncated JSON file is named', () => {
    const dir = path.join(tmp, 'data-json');
    cpSync(path.join(root, 'data'), dir, { recursive: true });
    const file = path.join(dir, BUILT_IN_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const { errors } = prepareData(dir);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, new RegExp(`^data/${BUILT_IN_FILE.replace('.', '\\.')}: not valid JSON: `));
  });

  test('node build.mjs on a copy of the build inputs: exit 1, the exact message, no dist/', { timeout: 60_000 }, () => {
    const project = path.join(tmp, 'project');
    mkdirSync(project);
    for (const f of ['build.mjs', 'manifest.json', 'package.json', 'tsconfig.json']) cpSync(path.join(root, f), path.join(project, f));
    for (const d of ['src', 'data', 'icons']) cpSync(path.join(root, d), path.join(project, d), { recursive: true });
    mkdirSync(path.join(project, 'scripts'));
    for (const f of ['prepare-data.ts', 'bundle-options.mjs']) cpSync(path.join(root, 'scripts', f), path.join(project, 'scripts', f));
    // Packages linked one by one, so that the build's own cache (node_modules/.cache) stays in the copy.
    mkdirSync(path.join(project, 'node_modules'));
    for (const name of readdirSync(path.join(root, 'node_modules'))) {
      if (name !== '.cache') symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name));
    }
    breakField(path.join(project, 'data'));
    const res = spawnSync(process.execPath, ['build.mjs'], { cwd: project, encoding: 'utf8' });
    assert.equal(res.status, 1, `exit code; stdout: ${res.stdout}`);
    assert.equal(res.stderr, `Knowledge base is invalid:\n  ${BROKEN_FIELD}\n`);
    assert.equal(existsSync(path.join(project, 'dist')), false, 'nothing was built');
  });
});
