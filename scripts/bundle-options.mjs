// The esbuild options every Backstory bundle is built with: build.mjs for dist/, and the
// benchmark when it rebuilds the content script against another knowledge base (bench/variants.ts),
// so that what the benchmark measures is built exactly as what ships.

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
 * esbuild plugin: the `world-countries` package trimmed to the fields src/reading/countries.ts
 * reads (names, Latin-script spellings, capitals, English demonyms, status): about 60 KB instead of the
 * package's 1.4 MB of translations, currencies and borders. Its data is ODbL-licensed (README).
 */
export function trimmedCountries() {
  return {
    name: 'backstory-trimmed-countries',
    setup(build) {
      build.onResolve({ filter: /^world-countries$/ }, () => ({ path: 'world-countries', namespace: 'trimmed-countries' }));
      build.onLoad({ filter: /.*/, namespace: 'trimmed-countries' }, async () => {
        const { readFile } = await import('node:fs/promises');
        const { createRequire } = await import('node:module');
        const file = createRequire(import.meta.url).resolve('world-countries/countries.json');
        const countries = JSON.parse(await readFile(file, 'utf8')).map((c) => ({
          name: { common: c.name.common, official: c.name.official },
          // Other scripts' spellings ("中华人民共和国") are never read by the English rules.
          altSpellings: c.altSpellings.filter((a) => /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u.test(a)),
          capital: c.capital,
          demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : {},
          independent: c.independent,
          unMember: c.unMember,
        }));
        return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(countries))});`, loader: 'js', watchFiles: [file] };
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
    plugins: [virtualModules(data), trimmedCountries()],
    logLevel: 'warning',
  };
}
