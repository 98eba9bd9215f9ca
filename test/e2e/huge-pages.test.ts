// Hardening (issue 7), huge pages in Chromium and Firefox: 100,000 text nodes, one 5 MB text
// node, markup nested 2,000 deep. The page must stay responsive while Backstory highlights it, and
// the names must be highlighted (at least those on screen; MAX_MARKS_PER_PAGE caps the page at
// 1,000 marks and MAX_MARKS_PER_TEXT_NODE one text node at 250).
//
// Each page loads test/e2e/pages/hostile/monitor.js: from the first frame after the page built its
// content until 500 ms after Backstory's "backstory:highlighted" Performance mark, a setTimeout(0)
// loop records the longest gap between two turns of the event loop, and Chromium's long-task
// observer lists tasks over 50 ms. Figures are printed as "# …" lines. The bounds asserted are
// generous (the machine may be shared): they catch what this test found and fixed (an 8.5 s
// starvation of page timers on 100,000 nodes; a 56 s task on the 5 MB node), not small drifts.
// Without Backstory, the same pages show gaps of up to about 270 ms on two cores.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, withBrowser, type AnyPage, type AnySession } from './support/any-browser';
import type { StaticServer } from './support/server';
import { assertVisible, markLook } from './support/hardening';
import { MAX_MARKS_PER_PAGE, MAX_MARKS_PER_TEXT_NODE } from '../../src/content/highlighter';

const TEST_TIMEOUT = 90_000;

interface Monitor {
  startedAt: number;
  doneAt: number | null;
  stoppedAt: number | null;
  maxGapMs: number;
  gapsOver50: number;
  longTasks: { start: number; ms: number }[] | null;
  ticks: number;
}

/** Runs in the page: the monitor's figures once it has stopped, with the number of marks. */
function monitorResult(): (Monitor & { marks: number }) | null {
  const m = (window as unknown as { __monitor?: Monitor }).__monitor;
  return m && m.stoppedAt !== null ? { ...m, marks: document.querySelectorAll('mark.backstory-mark[data-entity-id]').length } : null;
}

function report(name: string, what: string, m: Monitor & { marks: number }): void {
  const longest = m.longTasks ? Math.max(0, ...m.longTasks.map((t) => t.ms)) : null;
  console.log(
    `# ${name} ${what}: highlighted in ${m.doneAt === null ? '(no done mark)' : `${Math.round(m.doneAt - m.startedAt)} ms`} after first paint, ` +
      `${m.marks} marks, longest event-loop gap ${m.maxGapMs} ms, gaps over 50 ms: ${m.gapsOver50}` +
      (m.longTasks ? `, long tasks: ${m.longTasks.length} (longest ${longest} ms)` : ', long tasks: not reported by this browser'),
  );
}

for (const name of BROWSERS) {
  describe(`huge pages: ${name}`, { timeout: 300_000 }, () => {
    let server!: StaticServer;
    let b!: AnySession;
    withBrowser(name, (s, session) => {
      server = s;
      b = session;
    });

    async function openMonitored(path: string): Promise<{ page: AnyPage; m: Monitor & { marks: number } }> {
      const page = await b.open(server.url(path));
      const m = (await page.waitFor(monitorResult, undefined, 60_000))!;
      assert.notEqual(m.doneAt, null, 'the highlighter finished (its Performance mark was seen) before the 30 s limit');
      return { page, m };
    }

    test('100,000 text nodes: responsive, capped at 5,000 marks, every name on screen marked', { timeout: TEST_TIMEOUT }, async () => {
      const { page, m } = await openMonitored('/hostile/many-nodes.html');
      try {
        report(name, '100,000 text nodes', m);
        assert.equal(m.marks, MAX_MARKS_PER_PAGE);
        assert.ok(m.maxGapMs < 3_000, `the page could not run for ${m.maxGapMs} ms`);
        const onScreen = await page.evaluate(() => {
          const spans = Array.from(document.querySelectorAll('#root p > span:first-child'));
          const visible = spans.filter((s) => {
            const r = s.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && r.height > 0;
          });
          return { visible: visible.length, unmarked: visible.filter((s) => s.querySelectorAll('mark').length !== 3).length };
        }, undefined);
        assert.ok(onScreen.visible > 10, `names on screen: ${onScreen.visible}`);
        assert.equal(onScreen.unmarked, 0, 'every name on screen is marked');
        assertVisible(await page.evaluate(markLook, 'antony-blinken'), 'antony-blinken');
      } finally {
        await page.close();
      }
    });

    test('one 5 MB text node: responsive, at most 250 marks, the text unchanged, the top of the screen marked', { timeout: TEST_TIMEOUT }, async () => {
      const { page, m } = await openMonitored('/hostile/big-text.html');
      try {
        report(name, 'one 5 MB text node', m);
        assert.equal(m.marks, MAX_MARKS_PER_TEXT_NODE);
        assert.ok(m.maxGapMs < 8_000, `the page could not run for ${m.maxGapMs} ms`);
        const state = await page.evaluate(() => {
          const p = document.getElementById('big')!;
          const marks = p.querySelectorAll('mark');
          const last = marks[marks.length - 1]!.getBoundingClientRect();
          return {
            same: p.textContent!.length === (window as unknown as { __bigLength: number }).__bigLength,
            lastMarkBottom: last.bottom,
            viewport: innerHeight,
          };
        }, undefined);
        assert.ok(state.same, 'the text is unchanged');
        console.log(`# ${name} one 5 MB text node: marks reach ${Math.round((100 * state.lastMarkBottom) / state.viewport)}% of the viewport height`);
        assert.ok(state.lastMarkBottom > state.viewport / 2, 'marks cover at least the top half of the screen');
        assertVisible(await page.evaluate(markLook, 'antony-blinken'), 'antony-blinken');
      } finally {
        await page.close();
      }
    });

    test('markup nested 2,000 deep: responsive, names at depth 1, 1,000 and 2,000 marked', { timeout: TEST_TIMEOUT }, async () => {
      const { page, m } = await openMonitored('/hostile/deep.html');
      try {
        report(name, 'nesting 2,000 deep', m);
        assert.ok(m.maxGapMs < 3_000, `the page could not run for ${m.maxGapMs} ms`);
        const ids = await page.evaluate(() => Array.from(document.querySelectorAll('mark[data-entity-id]'), (x) => x.getAttribute('data-entity-id')), undefined);
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali']);
        assert.equal(await page.evaluate(() => !!document.querySelector('#deepest > mark[data-entity-id="bali"]'), undefined), true);
        // Firefox does not lay out content nested this deep at all (Gecko's reflow depth limit):
        // the deepest div has an empty box with or without Backstory. Where the page's own
        // element is laid out, the mark in it must be visible.
        for (const id of ids) {
          const parentLaidOut = await page.evaluate((i) => {
            const r = document.querySelector(`mark[data-entity-id="${i}"]`)!.parentElement!.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          }, id!);
          if (parentLaidOut) assertVisible(await page.evaluate(markLook, id!), id!);
          else console.log(`# ${name}: ${id} sits in an element the browser does not lay out (nesting depth); not checked for visibility`);
          if (name === 'chromium' || id !== 'bali') assert.ok(parentLaidOut, `${id}: the page's element is laid out`);
        }
      } finally {
        await page.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });
  });
}
