/**
 * Two or more builds of the extension, load by load on a few pages, without the full bench: their
 * whole cost (bench/trace.ts) per load and, with HOT=n, each one's n dearest functions.
 *
 *   node --import tsx bench/compare-builds.ts RUNS name=dist-dir[,name=dist-dir…] page…
 *
 * A page is a corpus page's name without ".html" (../shared/corpus/pages) or "gen:BYTES", a
 * generated news page of that much text (bench/pages.ts). The 1 Dec build is in
 * bench/.build/then-68a560d/dist/chrome once a full bench has run (then-build.ts).
 */
import path from 'node:path';
import { CORPUS_DIR } from './config';
import { startServer } from '../test/e2e/support/server';
import { runMatrix, WARMUP_HTML, WARMUP_PATH, type Target, type Variant } from './matrix';
import { newsPage } from './pages';
import { sourceMapper } from './sourcemap';
const [runsArg, variantsArg, ...pages] = process.argv.slice(2);
const variants: Variant[] = variantsArg!.split(',').map((v) => { const [name, dir] = v.split('='); return { name: name!, dir: dir! }; });
const server = await startServer({ mounts: { '/corpus/': CORPUS_DIR } });
const warm = server.addPage(WARMUP_PATH, WARMUP_HTML);
const targets: Target[] = pages.map((p) => p.startsWith('gen:') ? { label: p, url: server.addPage(`/generated/${p.slice(4)}.html`, newsPage(Number(p.slice(4)))) } : { label: p, url: server.url(`/corpus/${p}.html`) });
const res = await runMatrix(variants, targets, Number(runsArg), warm, () => undefined);
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };
for (const t of targets) {
  console.log(`\n== ${t.label}`);
  for (const v of variants) {
    const loads = res.get(v.name)!.get(t.label)!.filter((r) => r.cost);
    console.log(`${v.name}: whole ${med(loads.map((r) => r.cost!.wholeCpuMs)).toFixed(1)} own ${med(loads.map((r) => r.cost!.extCpuMs)).toFixed(1)} marks ${med(loads.map((r) => r.marks))} [${loads.map((r) => r.cost!.wholeCpuMs.toFixed(0)).join(' ')}]`);
    if (process.env.HOT) {
      const total = new Map<string, number>();
      const maps = new Map<string, ReturnType<typeof sourceMapper>>();
      for (const r of loads) for (const [key, ms] of r.cost!.selfTime) {
        const [file, rest] = key.split('|') as [string, string];
        const [fn, pos] = rest.split('@') as [string, string];
        const [line, col] = pos.split(':').map(Number) as [number, number];
        if (!maps.has(file)) { try { maps.set(file, sourceMapper(path.join(v.dir!, `${file}.map`))); } catch { maps.set(file, () => null); } }
        const src = fn.startsWith('(evaluate') ? null : maps.get(file)!(line, col);
        const where = src ? `${fn} ${src.source}:${src.line}` : `${fn} (${file})`;
        total.set(where, (total.get(where) ?? 0) + ms / loads.length);
      }
      for (const [w, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.HOT))) console.log(`   ${ms.toFixed(2).padStart(7)}  ${w}`);
    }
  }
}
await server.close();
