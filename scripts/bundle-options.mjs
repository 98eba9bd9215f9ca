// The esbuild options every Backstory bundle is built with: build.mjs for dist/, and the
// benchmark when it rebuilds the content script against another knowledge base (bench/variants.ts),
// so that what the benchmark measures is built exactly as what ships.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The entry points besides the content script's; each becomes <name>.js in both browsers' folders. */
export const PAGE_ENTRIES = {
  background: 'src/background/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  // "Add this article": the only page that loads the extraction code (Readability, the tagger).
  review: 'src/review/index.tsx',
  // The options page's Worker for the slow work on packs (src/common/pack-engine.ts).
  'pack-worker': 'src/worker/pack-worker.ts',
};
/** The content script's entry point (content.js, an IIFE). */
export const CONTENT_ENTRY = 'src/content/index.ts';
/**
 * ES modules loaded on demand with import(), listed in the manifest's web_accessible_resources:
 * the hover card, on the first hover, focus or command (src/content/card/card-loader.ts), and
 * mark.js, on the first page with a name to mark (src/content/marker.ts).
 */
export const MODULE_ENTRIES = { card: 'src/content/card/hover-card.ts', marker: 'src/content/marker.ts' };

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
 * esbuild plugin: src/reading/compromise-lexicon.ts replaced by the data it exports, taken from
 * compromise at build time: the lexicon's words (not its emoticons) with only the tags
 * src/reading/lexicon.ts reads (any other tag becomes "Other", which still marks a common word),
 * grouped by tags as `|`-joined words, and
 * the head-word lists. The review page then loads 200 KB of JSON instead of compromise's 290 KB of
 * code that unpacks its lexicon on load.
 */
export function compromiseLexicon() {
  const USED = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Country', 'Region', 'Place', 'Organization', 'SportsTeam', 'ProperNoun', 'Demonym', 'Actor', 'Honorific', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Verb', 'Modal'];
  return {
    name: 'backstory-compromise-lexicon',
    setup(build) {
      build.onResolve({ filter: /[/\\]compromise-lexicon(?:\.ts)?$/ }, () => ({ path: 'compromise-lexicon', namespace: 'compromise-lexicon' }));
      build.onLoad({ filter: /.*/, namespace: 'compromise-lexicon' }, async () => {
        const nlp = (await import('compromise/two')).default;
        const model = nlp.model();
        const groups = {};
        for (const [word, tags] of Object.entries(model.one.lexicon)) {
          // Emoticons and symbols (":|") are never looked up: the rules read words of letters.
          if (!/^\p{L}[\p{L}\p{N} .'’&-]*$/u.test(word)) continue;
          const kept = (Array.isArray(tags) ? tags : [tags]).filter((t) => USED.includes(t)).sort();
          const key = kept.length > 0 ? kept.join(',') : 'Other';
          (groups[key] ??= []).push(word);
        }
        const data = {
          groups: Object.fromEntries(Object.entries(groups).map(([k, words]) => [k, words.join('|')])),
          orgWords: Object.keys(model.two.orgWords),
          placeWords: Object.keys(model.two.placeWords),
        };
        const contents = [
          `const data = JSON.parse(${JSON.stringify(JSON.stringify(data))});`,
          'export const lexicon = {};',
          "for (const [key, words] of Object.entries(data.groups)) { const tags = key.split(','); for (const w of words.split('|')) lexicon[w] = tags.length === 1 ? tags[0] : tags; }",
          'export const orgWords = data.orgWords;',
          'export const placeWords = data.placeWords;',
        ].join('\n');
        return { contents, loader: 'js' };
      });
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
 * The content script's options: those of every bundle, with the browser's own extension API in
 * place of webextension-polyfill (src/content/native-browser.ts says why).
 */
export function contentScriptOptions(data, options = {}) {
  const base = bundleOptions(data, options);
  return { ...base, alias: { ...base.alias, 'webextension-polyfill': path.join(root, 'src/content/native-browser.ts') } };
}

/** The on-demand modules' options (MODULE_ENTRIES): ES modules, for import(); they run where content.js does, with its API. */
export function moduleOptions(data, options = {}) {
  return { ...contentScriptOptions(data, options), format: 'esm' };
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
    plugins: [virtualModules(data), trimmedCountries(), compromiseLexicon(), cssText()],
    logLevel: 'warning',
  };
}
