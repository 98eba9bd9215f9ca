// What the matcher reads on real pages, in Chromium and Firefox: invisible characters inside a
// name (soft hyphen, zero-width characters) still match and the page's text is not changed; a
// second reference in a line set in capitals ("WANG WARNS …") counts on a page that names Wang Yi,
// while "VERA WANG" and a bare "WANG" elsewhere do not; "G20" counts on a page that names people
// of its pack (co-occurrence), also when they arrive later, and not on BMW's model-code page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, withBrowser, type AnyPage, type AnySession } from './support/any-browser';
import type { StaticServer } from './support/server';
import { pageTextAndServedText, waitUntilStable } from './support/checks';

const WAIT = 10_000;
const TEST_TIMEOUT = 60_000;

const page = (body: string, script = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Matching</title>
<style>body { font: 18px/1.5 sans-serif; margin: 40px; max-width: 40rem; }</style></head>
<body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;

const PAGES: Record<string, string> = {
  // &shy; soft hyphen, &#8203; zero-width space, &#8205; zero-width joiner, &#8288; word joiner, &#65279; BOM.
  '/matching/invisible.html': page(`
    <p id="names">Antony Blin&shy;ken met Wang&#8203; Yi in Chi&#8205;na; Sergei Lav&#8288;rov and Tai&#65279;wan.</p>
    <p id="words">Chi&shy;natown, Russia&#8203;ns and anti&#8205;China are other words.</p>`),
  '/matching/capitals.html': page(`
    <h2>WANG WARNS US OVER TAIWAN</h2>
    <p>Wang Yi, China’s foreign minister, met Blinken in Bali.</p>
    <p>VERA WANG OPENS A STORE</p>`),
  '/matching/capitals-no-wang-yi.html': page(`
    <h2>WANG WARNS OF DELAYS</h2>
    <p>The weather in Russia was mild.</p>`),
  '/matching/g20.html': page(`<p>Antony Blinken met Wang Yi for five hours after the G20 meeting in Indonesia.</p>`),
  '/matching/g20-model-code.html': page(`
    <p>Der BMW 3er Touring (G20) bekommt ein Facelift.</p>
    <p>Die G20-Limousine wird auch in China gebaut, bevor sie in die USA kommt.</p>
    <p>Edition: Indonesia</p>`),
  '/matching/g20-later.html': page(
    `<p id="first">The G20 meeting closed without a joint statement.</p><div id="more"></div>`,
    `window.addLater = () => { const p = document.createElement('p'); p.textContent = 'Antony Blinken spoke with Wang Yi afterwards.'; document.getElementById('more').append(p); };`,
  ),
};

/** Runs in the page: "id:text" of every mark, in document order. */
function marksNow(): string[] {
  return Array.from(document.querySelectorAll('mark[data-entity-id]'), (m) => `${m.getAttribute('data-entity-id')}:${m.textContent}`);
}

for (const name of BROWSERS) {
  describe(`matching on the page: ${name}`, { timeout: 300_000 }, () => {
    let server!: StaticServer;
    let b!: AnySession;
    withBrowser(name, (s, session) => {
      server = s;
      b = session;
      for (const [path, html] of Object.entries(PAGES)) server.addPage(path, html);
    });

    async function settled(path: string, first: string): Promise<{ page: AnyPage; marks: string[] }> {
      const page = await b.open(server.url(path));
      await page.waitFor((id) => !!document.querySelector(`mark[data-entity-id="${id}"]`), first, WAIT);
      return { page, marks: await waitUntilStable(() => page.evaluate(marksNow, undefined)) };
    }

    test('soft hyphens and zero-width characters inside a name: it still matches, the text is not changed', { timeout: TEST_TIMEOUT }, async () => {
      const { page, marks } = await settled('/matching/invisible.html', 'antony-blinken');
      try {
        assert.deepEqual(marks, [
          'antony-blinken:Antony Blin\u00adken',
          'wang-yi:Wang\u200b Yi',
          'china:Chi\u200dna',
          'sergei-lavrov:Sergei Lav\u2060rov',
          'taiwan:Tai\ufeffwan',
        ]);
        const { now, served } = await page.evaluate(pageTextAndServedText, PAGES['/matching/invisible.html']!);
        assert.equal(now, served, 'the page text, invisible characters included, is unchanged');
      } finally {
        await page.close();
      }
    });

    test('a second reference in capitals counts on a page that names Wang Yi; "VERA WANG" does not', { timeout: TEST_TIMEOUT }, async () => {
      const { page, marks } = await settled('/matching/capitals.html', 'wang-yi');
      await page.close();
      assert.deepEqual(marks, ['wang-yi:WANG', 'taiwan:TAIWAN', 'wang-yi:Wang Yi', 'china:China', 'antony-blinken:Blinken', 'bali:Bali']);
      const other = await settled('/matching/capitals-no-wang-yi.html', 'russia');
      await other.page.close();
      assert.deepEqual(other.marks, ['russia:Russia'], 'a bare WANG on a page without Wang Yi is not him');
    });

    test('G20 counts on a page that names people of its pack, not on BMW’s model-code page', { timeout: TEST_TIMEOUT }, async () => {
      const summit = await settled('/matching/g20.html', 'g20');
      await summit.page.close();
      assert.deepEqual(summit.marks, ['antony-blinken:Antony Blinken', 'wang-yi:Wang Yi', 'g20:G20', 'indonesia:Indonesia']);
      const bmw = await settled('/matching/g20-model-code.html', 'indonesia');
      await bmw.page.close();
      assert.deepEqual(bmw.marks, ['china:China', 'united-states:USA', 'indonesia:Indonesia']);
    });

    test('a G20 seen first is marked when the names arrive later', { timeout: TEST_TIMEOUT }, async () => {
      const p = await b.open(server.url('/matching/g20-later.html'));
      try {
        // Nothing to mark yet: highlighting has run (its done mark is set) and found no G20.
        await p.waitFor(() => performance.getEntriesByName('backstory:highlighted').length > 0, undefined, WAIT);
        assert.deepEqual(await p.evaluate(marksNow, undefined), []);
        await p.evaluate(() => (window as unknown as { addLater(): void }).addLater(), undefined);
        await p.waitFor(() => !!document.querySelector('#first mark[data-entity-id="g20"]'), undefined, WAIT);
        assert.deepEqual(await waitUntilStable(() => p.evaluate(marksNow, undefined)), ['g20:G20', 'antony-blinken:Antony Blinken', 'wang-yi:Wang Yi']);
      } finally {
        await p.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });
  });
}
