// Hardening (issue 7), hostile pages in Chromium and Firefox: CSS that restyles everything, page
// globals and sabotaged DOM methods with the extension's names, right-to-left and vertical text,
// text in SVG, and a strict Content-Security-Policy header. Highlights must stay visible and the
// card must open and render. One small page per case in test/e2e/pages/hostile/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, type AnyPage, type AnySession } from './support/any-browser';
import { startServer, type StaticServer } from './support/server';
import { markIds, pageTextAndServedText, waitUntilStable } from './support/checks';
import { assertVisible, cardHostAt, hoverCard, markLook, openWithMarks, startSideServer, type SideServer } from './support/hardening';

const TEST_TIMEOUT = 60_000;
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

for (const name of BROWSERS) {
  describe(`hostile pages: ${name}`, { timeout: 180_000 }, () => {
    let server: StaticServer;
    let side: SideServer;
    let b: AnySession;
    before(async () => {
      server = await startServer();
      side = await startSideServer({ '/csp.html': { 'content-security-policy': STRICT_CSP } });
      b = await launch(name);
    });
    after(async () => {
      await b?.close();
      await server?.close();
      await side?.close();
    });

    async function sameText(page: AnyPage, pathname: string) {
      const html = (await server.read(pathname))!.toString('utf8');
      const { now, served } = await page.evaluate(pageTextAndServedText, html);
      assert.equal(now, served, `${pathname}: the page text is unchanged`);
    }

    test('CSS that restyles everything: marks stay visible, the card renders on top of a z-index 2147483647 overlay', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, server.url('/hostile/restyle.html'), ['antony-blinken', 'wang-yi', 'bali', 'russia', 'ukraine']);
      try {
        for (const id of ['antony-blinken', 'wang-yi', 'bali', 'russia', 'ukraine']) {
          const look = await page.evaluate(markLook, id);
          assertVisible(look, id);
          assert.ok(look.onTop, `${id}: the mark is what the page shows at its centre`);
        }
        const snap = await hoverCard(page, 'antony-blinken', 'Antony Blinken');
        const r = snap.rect!;
        assert.ok(r.width > 150 && r.height > 80, `the card is laid out as a card, not unstyled: ${JSON.stringify(r)}`);
        // The banner covers the bottom 70% of the viewport, where the card opens (below the name).
        assert.ok(await page.evaluate(cardHostAt, { x: r.x + r.width / 2, y: r.y + r.height - 10 }), 'the card is on top of the overlay');
        assert.deepEqual(b.pageErrors, []);
      } finally {
        await page.close();
      }
    });

    test('page globals and sabotaged DOM methods with the extension’s names do not reach it', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, server.url('/hostile/globals.html'), ['antony-blinken', 'wang-yi', 'bali']);
      try {
        const ids = await waitUntilStable(() => page.evaluate(markIds, undefined));
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali', 'russia', 'ukraine', 'china']);
        await hoverCard(page, 'wang-yi', 'Wang Yi');
        assertVisible(await page.evaluate(markLook, 'wang-yi'), 'wang-yi');
        // None of the page's traps was called: the content script used its own, unmodified DOM.
        assert.deepEqual(await page.evaluate(() => (window as unknown as { __sabotage: string[] }).__sabotage, undefined), []);
        assert.equal(await page.evaluate(() => !!document.querySelector('[data-backstory-card]'), undefined), true, 'the card host is a plain div, not the page’s custom element');
        await sameText(page, '/hostile/globals.html');
      } finally {
        await page.close();
      }
    });

    test('right-to-left paragraphs: English names inside Arabic and Hebrew are marked, visible, and get a card', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, server.url('/hostile/rtl.html'), ['antony-blinken', 'sergei-lavrov']);
      try {
        const ids = await waitUntilStable(() => page.evaluate(markIds, undefined));
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali', 'sergei-lavrov', 'indonesia', 'ukraine', 'china']);
        for (const id of ids) assertVisible(await page.evaluate(markLook, id), id);
        await sameText(page, '/hostile/rtl.html');
        await hoverCard(page, 'sergei-lavrov', 'Sergei Lavrov');
      } finally {
        await page.close();
      }
    });

    test('vertical writing (writing-mode: vertical-rl): marks are visible and the card fits the viewport', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, server.url('/hostile/vertical.html'), ['antony-blinken', 'ukraine']);
      try {
        const ids = await waitUntilStable(() => page.evaluate(markIds, undefined));
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali', 'russia', 'ukraine']);
        for (const id of ids) {
          const look = await page.evaluate(markLook, id);
          assertVisible(look, id);
          assert.ok(look.rect.height > look.rect.width, `${id}: a vertical mark is taller than wide ${JSON.stringify(look.rect)}`);
        }
        await hoverCard(page, 'wang-yi', 'Wang Yi');
      } finally {
        await page.close();
      }
    });

    test('text in SVG is never marked (text, tspan, a, title, foreignObject); the prose around it is', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, server.url('/hostile/svg.html'), ['bali']);
      try {
        const ids = await waitUntilStable(() => page.evaluate(markIds, undefined));
        assert.deepEqual(ids, ['antony-blinken', 'wang-yi', 'bali']);
        assert.equal(await page.evaluate(() => document.querySelectorAll('svg mark').length, undefined), 0);
        await sameText(page, '/hostile/svg.html');
      } finally {
        await page.close();
      }
    });

    test('a strict CSP header (default-src none; style-src none; script-src none): marks visible, the card styled through adoptedStyleSheets', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openWithMarks(b, side.url('/csp.html'), ['antony-blinken', 'bali']);
      try {
        // The policy is in force: the page's own inline script and style were blocked.
        const blocked = await page.evaluate(() => ({ script: document.body.dataset.scriptRan ?? null, bg: getComputedStyle(document.body).backgroundColor }), undefined);
        assert.deepEqual(blocked, { script: null, bg: 'rgba(0, 0, 0, 0)' });
        for (const id of ['antony-blinken', 'wang-yi', 'bali', 'russia', 'ukraine']) assertVisible(await page.evaluate(markLook, id), id);
        const snap = await hoverCard(page, 'antony-blinken', 'Antony Blinken');
        assert.equal(snap.styleMode, 'adopted', 'the card’s stylesheet is a constructable (adopted) sheet');
        assert.ok(snap.rect!.width > 150 && snap.rect!.width < 700, `the card is styled (max-width applies): ${JSON.stringify(snap.rect)}`);
        assert.deepEqual(b.pageErrors.filter((e) => !/Content[- ]Security[- ]Policy|CSP/i.test(e)), []);
      } finally {
        await page.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });
  });
}
