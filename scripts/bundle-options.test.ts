// The review page's bundles get the countries package trimmed to what src/reading reads, and
// the trimmed data answers as the whole package does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

test('world-countries is trimmed at build time and still answers', async () => {
  const result = await esbuild.build({
    ...bundleOptions({ packs: [], compiled: null }),
    stdin: { contents: "export { countryByForm, capitalOf, isNationality } from './src/reading/countries';", resolveDir: process.cwd(), loader: 'ts' },
    format: 'esm',
    write: false,
  });
  const code = result.outputFiles[0]!.text;
  assert.ok(code.length < 100_000, `countries bundle is ${code.length} bytes`);
  assert.ok(!code.includes('Zhōnghuá Rénmín') && !code.includes('"currencies"'), 'translations, other scripts and currencies are left out');
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../src/reading/countries');
  assert.equal(mod.countryByForm('PRC')?.name, 'China');
  assert.equal(mod.countryByForm('U.S.')?.name, 'United States');
  assert.equal(mod.capitalOf('Beijing')?.name, 'China');
  assert.equal(mod.countryByForm('Taiwan')?.type, 'place');
  assert.ok(mod.isNationality('Indonesian'));
});

test('compromise’s lexicon is extracted at build time and every word test answers as compromise does', async () => {
  const exported = ['isCommonWord', 'isFirstName', 'isLastName', 'isKnownPlace', 'isKnownOrganisation', 'isDemonym', 'isRoleNoun', 'isVerb', 'isOrganisationHead', 'isPlaceHead'] as const;
  const result = await esbuild.build({
    ...bundleOptions({ packs: [], compiled: null }),
    stdin: { contents: `export { ${exported.join(', ')} } from './src/reading/lexicon';`, resolveDir: process.cwd(), loader: 'ts' },
    format: 'esm',
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0]!.text;
  assert.deepEqual(Object.keys(result.metafile!.inputs).filter((f) => f.includes('node_modules/compromise')), [], 'no compromise code in the bundle');
  const bundled = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../src/reading/lexicon');
  const direct = await import('../src/reading/lexicon');
  const { lexicon } = await import('../src/reading/compromise-lexicon');
  const words = Object.keys(lexicon).filter((w, i) => i % 7 === 0 && /^\p{L}/u.test(w));
  words.push('Beijing', 'Gordon', 'Hill', 'Officials', 'however', 'minister', 'Chinese', 'Bank', 'Strait', 'Xyzzy', 'Passion');
  for (const fn of exported) {
    for (const w of words) {
      for (const form of [w, w[0]!.toUpperCase() + w.slice(1)]) assert.equal(bundled[fn](form), direct[fn](form), `${fn}("${form}")`);
    }
  }
});
