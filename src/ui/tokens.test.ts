import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DARK, LIGHT } from './tokens';

// page.css is a static file: its colour tokens must match the card's (tokens.ts).
const css = readFileSync(new URL('./page.css', import.meta.url), 'utf8');

test('page.css repeats the light and dark tokens of tokens.ts', () => {
  const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
  for (const [name, value] of Object.entries(LIGHT)) assert.ok(light!.includes(`--bs-${name}: ${value};`), `light --bs-${name}`);
  for (const [name, value] of Object.entries(DARK)) assert.ok(dark!.includes(`--bs-${name}: ${value};`), `dark --bs-${name}`);
});
