// Lint: typescript-eslint's recommended rules, plus bans that keep page text and data out of markup.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const MARKUP_SINKS = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never build markup from strings: use DOM methods or Preact.' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Never build markup from strings: use DOM methods or Preact.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never build markup from strings: use DOM methods or Preact.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'document.write is banned.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Never build markup from strings.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never build markup from strings.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: no remote or generated code.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: no generated code.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench/results/', 'bench/.build/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...MARKUP_SINKS],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may set innerHTML to build fixed fixture pages from constant markup (the ban is about
    // data and page text); every other sink stays banned there too.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { 'no-restricted-syntax': ['error', ...MARKUP_SINKS.filter((s) => !s.selector.includes("'innerHTML'"))] },
  },
);
