// Packs built from the reader's own reading (issue 12, the card's part; issue 15's citations), in
// real browsers with the built extension (npm run build first). A small fictional reading pack
// (valid under validateKnowledgeBase) whose `url` is a page of the test server holding the
// article is imported through the options page. Its card and the popup say "From your reading"
// with headline, outlet and date; the facts are the article's sentences; "¶ N" is a link to the
// article with a text fragment (`#:~:text=`) and shows the cited sentence on hover (Esc hides it
// and leaves the card open); clicking it opens the article in a new tab scrolled to the sentence.
// No fixed sleeps: every wait polls. Saves docs/screenshots/card-reading.png (Chromium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { BROWSERS, launch, type AnyPage, type AnySession } from './support/any-browser';
import { ROOT, startServer, type StaticServer } from './support/server';
import { clickAt, markLook, movePointer, waitForCard } from './support/hardening';
import { validateKnowledgeBase } from '../../src/kb/validate';
import type { CardSnapshot } from '../../src/content/card/test-hook';
import { ARTICLE, articleHtml, importPackFile, PARAGRAPHS, QUOTED_FACT, QUOTED_FACT_FRAGMENT, readingPack } from './support/reading-pack';
import { poll, evalJs, type RawPage } from './support/poll';

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const WAIT = 15_000;
const TEST_TIMEOUT = 90_000;


for (const name of BROWSERS) {
  describe(`reading packs: ${name}`, { timeout: 600_000 }, () => {
    let server: StaticServer;
    let b: AnySession;
    let article: AnyPage;
    let tmp: string;
    let articleUrl: string;

    before(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'backstory-reading-'));
      server = await startServer();
      server.addPage(ARTICLE, articleHtml());
      articleUrl = server.url(ARTICLE);
      const pack = readingPack(articleUrl);
      assert.deepEqual(validateKnowledgeBase(pack, 'reading-pack.json').errors, [], 'the fixture is a valid reading pack');
      const file = path.join(tmp, 'reading-pack.json');
      writeFileSync(file, JSON.stringify(pack));
      b = await launch(name);
      await importPackFile(b, file);
      article = await b.open(articleUrl);
      await article.waitFor(() => !!document.querySelector('mark.backstory-mark[data-entity-id="ana-lind"]'), undefined, WAIT);
    });
    after(async () => {
      await b?.close();
      await server?.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    async function hoverAnaLind(): Promise<CardSnapshot> {
      const look = await article.evaluate(markLook, 'ana-lind');
      assert.ok(look, 'a mark for Ana Lind');
      // A card that a click left holding focus stays open when the pointer leaves: Esc closes it.
      if ((await waitForCard(article, () => true, 'a snapshot')).open) await (article.raw as unknown as { keyboard: { press(k: string): Promise<void> } }).keyboard.press('Escape');
      await movePointer(article, 1, 1);
      await waitForCard(article, (s) => !s.open, 'card closed before hovering');
      await movePointer(article, look.rect.x + Math.min(look.rect.width / 2, 20), look.rect.y + look.rect.height / 2);
      return waitForCard(article, (s) => s.open && s.entityId === 'ana-lind' && s.text.includes('More') && s.settled, 'Ana Lind’s card');
    }

    async function expand(snap: CardSnapshot): Promise<CardSnapshot> {
      const more = snap.buttons.find((x) => x.label === 'More');
      assert.ok(more, 'a More button');
      await clickAt(article, more.x + more.width / 2, more.y + more.height / 2);
      return waitForCard(article, (s) => s.open && s.links.length > 0 && s.settled, 'expanded card with citation links');
    }

    test('the card says "From your reading" with outlet, date and headline; the role is the article’s sentence', { timeout: TEST_TIMEOUT }, async () => {
      const snap = await hoverAnaLind();
      for (const text of ['Ana Lind', 'From your reading · The Lakeside Courier · 2 Nov 2026', PARAGRAPHS[0]!, PARAGRAPHS[2]!]) {
        assert.ok(snap.text.includes(text), `card text lacks "${text}": ${snap.text}`);
      }
      assert.deepEqual(snap.links, [], 'short first: no citations yet');
    });

    test('"¶ N" links to the article at the cited sentence, in a new tab, and shows the sentence on hover; Esc hides it and keeps the card', { timeout: TEST_TIMEOUT }, async () => {
      const open = await expand(await hoverAnaLind());
      assert.match(open.text, /in the article’s words/i);
      assert.ok(open.text.includes(QUOTED_FACT), 'the fact is the article’s sentence, verbatim');
      const link = open.links.find((l) => l.href.endsWith(QUOTED_FACT_FRAGMENT));
      assert.ok(link, `a link with the fragment; links: ${JSON.stringify(open.links.map((l) => l.href))}`);
      assert.equal(link.href, `${articleUrl}${QUOTED_FACT_FRAGMENT}`);
      assert.equal(link.target, '_blank');
      assert.equal(link.rel, 'noopener noreferrer');
      assert.match(link.label, /¶ 4/);
      // Every citation of this pack leads to the article.
      assert.ok(open.links.every((l) => l.href.startsWith(`${articleUrl}#:~:text=`)), JSON.stringify(open.links.map((l) => l.href)));

      await movePointer(article, link.x + link.width / 2, link.y + link.height / 2);
      const shown = await waitForCard(article, (s) => s.open && s.tips.length === 1, 'the cited sentence on hover');
      assert.deepEqual(shown.tips, [QUOTED_FACT]);
      if (b.chromium) {
        await mkdir(SCREENSHOTS, { recursive: true });
        await (article.raw as PlaywrightPage).screenshot({ path: path.join(SCREENSHOTS, 'card-reading.png') });
      }
      const raw = article.raw as unknown as { keyboard: { press(key: string): Promise<void> } };
      await raw.keyboard.press('Escape');
      const hidden = await waitForCard(article, (s) => s.tips.length === 0, 'the sentence hidden by Esc');
      assert.ok(hidden.open, 'Esc took the sentence, not the card');
      await raw.keyboard.press('Escape');
      await waitForCard(article, (s) => !s.open, 'a second Esc closes the card');
    });

    test('clicking "¶ 4" opens the article in a new tab, scrolled to the cited sentence', { timeout: TEST_TIMEOUT }, async () => {
      const open = await expand(await hoverAnaLind());
      const link = open.links.find((l) => l.href.endsWith(QUOTED_FACT_FRAGMENT));
      assert.ok(link);
      let tab: RawPage;
      if (b.chromium) {
        const opened = b.chromium.context.waitForEvent('page', { timeout: WAIT });
        await clickAt(article, link.x + link.width / 2, link.y + link.height / 2);
        tab = await opened;
      } else {
        const browser = b.firefox!.browser;
        const known = new Set(await browser.pages());
        await clickAt(article, link.x + link.width / 2, link.y + link.height / 2);
        tab = await poll(
          async () => (await browser.pages()).find((p) => !known.has(p) && p.url().startsWith(articleUrl)) ?? null,
          (p) => p !== null,
          'the new tab',
        ) as PuppeteerPage;
      }
      try {
        // The browser scrolls to the sentence: it is in view, far down the page.
        const view = await poll(
          () =>
            evalJs<{ scrollY: number; top: number; bottom: number; height: number } | null>(
              tab,
              `(() => { const p = document.getElementById('p4'); if (!p || document.readyState !== 'complete') return null; const r = p.getBoundingClientRect(); return { scrollY, top: r.top, bottom: r.bottom, height: innerHeight }; })()`,
            ),
          (v) => !!v && v.scrollY > 0 && v.top >= 0 && v.bottom <= v.height,
          'the cited paragraph scrolled into view',
        );
        assert.ok(view && view.scrollY > 500, `scrolled ${view?.scrollY} px`);
      } finally {
        await tab.close();
      }
    });

    test('the popup lists the story first (newest), "From your reading" and dated; a name’s background links the same way', { timeout: TEST_TIMEOUT }, async () => {
      const popup: RawPage = b.chromium ? await b.chromium.newPage() : await b.firefox!.openExtensionPage('popup.html', '.story-item');
      try {
        if (b.chromium) await (popup as PlaywrightPage).goto(b.chromium.extensionUrl('popup.html'));
        const lines = await poll(
          () => evalJs<string[]>(popup, `Array.from(document.querySelectorAll('.story-item .story-outlet'), (p) => p.textContent)`),
          (v) => v.length === 2,
          'two stories',
        );
        assert.deepEqual(lines, ['From your reading · The Lakeside Courier · 2 Nov 2026', 'The Guardian · 9 Jul 2022']);
        await (popup as unknown as { focus(s: string): Promise<void> }).focus('#search');
        await (popup as unknown as { keyboard: { type(t: string): Promise<void> } }).keyboard.type('Ana Lind');
        const click = (selector: string) => (popup as unknown as { click(s: string): Promise<void> }).click(selector);
        await poll(() => evalJs<number>(popup, `document.querySelectorAll('li.entity-row[data-entity-id="ana-lind"]').length`), (n) => n === 1, 'Ana Lind found');
        await click('li.entity-row[data-entity-id="ana-lind"] button.disclosure');
        await poll(() => evalJs<number>(popup, `document.querySelectorAll('.entity-panel .bs-more-toggle').length`), (n) => n === 1, 'the background');
        assert.match(await evalJs<string>(popup, `document.querySelector('.entity-panel .bs-source-line').textContent`), /^From your reading · The Lakeside Courier · 2 Nov 2026$/);
        await click('.entity-panel .bs-more-toggle');
        const hrefs = await poll(
          () => evalJs<string[]>(popup, `Array.from(document.querySelectorAll('.entity-panel a.bs-cite-link'), (a) => a.href)`),
          (v) => v.length > 0,
          'citation links in the popup',
        );
        assert.ok(hrefs.includes(`${articleUrl}${QUOTED_FACT_FRAGMENT}`), JSON.stringify(hrefs));
      } finally {
        await popup.close();
      }
    });
  });
}
