// Lint bans markup sinks (eslint.config.js, MARKUP_SINKS): ESLint's Node API with the repository's
// own config lints snippets as if they were files of the project. In source files every sink is
// reported with the config's message; in test files only innerHTML, used to build fixed fixture
// pages from constant markup, is allowed; the rest stay banned.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

const MARKUP = 'Never build markup from strings: use DOM methods or Preact.';

/** [what, file extension, code, the message in a source file] */
const SINKS: [string, 'ts' | 'tsx', string, string][] = [
  ['innerHTML assignment', 'ts', 'export function f(el: Element, x: string): void {\n  el.innerHTML = x;\n}\n', MARKUP],
  ['outerHTML assignment', 'ts', 'export function f(el: Element, x: string): void {\n  el.outerHTML = x;\n}\n', MARKUP],
  ['insertAdjacentHTML', 'ts', "export function f(el: Element, x: string): void {\n  el.insertAdjacentHTML('beforeend', x);\n}\n", MARKUP],
  ['document.write', 'ts', 'export function f(x: string): void {\n  document.write(x);\n}\n', 'document.write is banned.'],
  ['document.writeln', 'ts', 'export function f(x: string): void {\n  document.writeln(x);\n}\n', 'document.write is banned.'],
  ['createContextualFragment', 'ts', 'export function f(r: Range, x: string): DocumentFragment {\n  return r.createContextualFragment(x);\n}\n', 'Never build markup from strings.'],
  ['dangerouslySetInnerHTML', 'tsx', 'export const A = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n', 'Never build markup from strings.'],
  ['eval', 'ts', 'export function f(x: string): unknown {\n  return eval(x);\n}\n', 'No eval: no remote or generated code.'],
  ['new Function', 'ts', "export function f(x: string): unknown {\n  return new Function('a', x);\n}\n", 'No new Function: no generated code.'],
];

/** Allowed in test files by eslint.config.js (fixtures built from constant markup). */
const ALLOWED_IN_TESTS = new Set(['innerHTML assignment']);

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  assert.ok(result);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint bans markup sinks', () => {
  test('clean DOM code passes in a source file', async () => {
    assert.deepEqual(await restricted('src/x.ts', 'export function f(el: Element, x: string): void {\n  el.textContent = x;\n}\n'), []);
  });

  for (const [what, ext, code, message] of SINKS) {
    test(`${what}: reported in src/x.${ext}`, async () => {
      assert.deepEqual(await restricted(`src/x.${ext}`, code), [message]);
    });

    test(`${what}: ${ALLOWED_IN_TESTS.has(what) ? 'allowed' : 'still reported'} in test files`, async () => {
      for (const file of [`src/x.test.${ext}`, `test/e2e/x.${ext}`]) {
        assert.deepEqual(await restricted(file, code), ALLOWED_IN_TESTS.has(what) ? [] : [message], file);
      }
    });
  }
});
