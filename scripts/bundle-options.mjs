// The esbuild options every Backstory bundle is built with: build.mjs for dist/, and the
// benchmark when it rebuilds the content script against another knowledge base (bench/variants.ts),
// so that what the benchmark measures is built exactly as what ships.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

/**
 * esbuild plugin: `virtual:knowledge-base` (all packs) and `virtual:compiled-matcher` (ids and
 * rules only). Emitted as JSON.parse of a string literal rather than as an object literal: V8
 * parses a JSON string much faster than the same data as JavaScript, and the compiled matcher of
 * a large knowledge base is most of the content script.
 */
export function virtualModules(data) {
  const modules = {
    'virtual:knowledge-base': data.packs,
    'virtual:compiled-matcher': data.compiled,
  };
  return {
    name: 'backstory-virtual',
    setup(build) {
      build.onResolve({ filter: /^virtual:/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => ({
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(modules[a.path]))});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * esbuild plugin: `import css from './x.css'` gives the stylesheet as a minified string (the
 * content script adopts content.css into pages' shadow roots, which the manifest's stylesheet
 * cannot reach).
 */
export function cssText() {
  return {
    name: 'backstory-css-text',
    setup(build) {
      build.onLoad({ filter: /\.css$/ }, async (a) => {
        const { code } = await esbuild.transform(await readFile(a.path, 'utf8'), { loader: 'css', minify: true });
        return { contents: code.trim(), loader: 'text' };
      });
    },
  };
}

/**
 * Bundling options shared by every entry point (production unless `dev`). `openCardRoot` is for
 * the accessibility test's own copy of the content script only: the card's shadow root is then
 * open, so that axe-core can reach it (src/content/card/card-host.ts). Never for dist/.
 */
export function bundleOptions(data, { dev = false, openCardRoot = false } = {}) {
  return {
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    minify: !dev,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: {
      'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
      'process.env.BACKSTORY_OPEN_CARD_ROOT': JSON.stringify(openCardRoot ? '1' : '0'),
    },
    // mark.js's package entry is an ES5 build with Babel helpers; its ES6 build is 3 KB smaller.
    alias: { 'mark.js': 'mark.js/dist/mark.es6.js' },
    plugins: [virtualModules(data), cssText()],
    logLevel: 'warning',
  };
}
