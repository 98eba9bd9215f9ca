import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColor, relativeLuminance, themeFor } from './theme';

test('parseColor reads computed-style colours', () => {
  assert.deepEqual(parseColor('rgb(255, 255, 255)'), { r: 255, g: 255, b: 255, a: 1 });
  assert.deepEqual(parseColor('rgba(0, 0, 0, 0)'), { r: 0, g: 0, b: 0, a: 0 });
  assert.deepEqual(parseColor('rgb(10 20 30 / 50%)'), { r: 10, g: 20, b: 30, a: 0.5 });
  assert.deepEqual(parseColor('transparent'), { r: 0, g: 0, b: 0, a: 0 });
  assert.deepEqual(parseColor('#fff'), { r: 255, g: 255, b: 255, a: 1 });
  assert.equal(parseColor('color(display-p3 1 0 0)'), null);
});

test('relative luminance runs from black to white', () => {
  assert.equal(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 }), 0);
  assert.ok(Math.abs(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 }) - 1) < 1e-9);
});

test('the first opaque background decides', () => {
  assert.equal(themeFor(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(255, 255, 255)'], false), 'dark');
  assert.equal(themeFor(['rgba(0, 0, 0, 0)', 'rgb(250, 250, 245)'], true), 'light');
});

test('all transparent follows the colour-scheme preference', () => {
  assert.equal(themeFor(['rgba(0, 0, 0, 0)', 'transparent'], true), 'dark');
  assert.equal(themeFor([], false), 'light');
});

test('translucent layers are composited over what lies beneath', () => {
  // A light wash over a black page is still dark; a dark wash at 90% over white is dark.
  assert.equal(themeFor(['rgba(255, 255, 255, 0.05)', 'rgb(0, 0, 0)'], false), 'dark');
  assert.equal(themeFor(['rgba(0, 0, 0, 0.9)', 'rgb(255, 255, 255)'], false), 'dark');
  assert.equal(themeFor(['rgba(0, 0, 0, 0.1)', 'rgb(255, 255, 255)'], true), 'light');
});
