// Open shadow roots in Chromium and Firefox (test/e2e/pages/web-components.html): names inside
// an open root, a root nested in it, a root whose component styles reset `mark`, a custom element
// defined after load (its root appears with no change to the page's tree), a host with a root
// appended later and text added inside a root later are all highlighted; the marks in the
// resetting root still look like ours; turning highlighting off gives every root back exactly
// (its HTML, its adopted sheets, the page's own text nodes) and turning it on marks them again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, withBrowser, type AnyPage, type AnySession } from './support/any-browser';
import type { StaticServer } from './support/server';
import { waitUntilStable } from './support/checks';
import { defaultSettings } from '../../src/common/settings';

const WAIT = 10_000;
const TEST_TIMEOUT = 60_000;

interface ShadowState {
  marks: string[];
  same: Record<string, boolean>;
  storyTextKept: boolean;
}

type PageApi = {
  shadowState(): ShadowState;
  defineLate(): void;
  appendCard(): void;
  addToStory(text: string): void;
};

/** Runs in the page: the marks of every root the page made, and whether each is as the page left it. */
function shadowState(): ShadowState {
  return (window as unknown as PageApi).shadowState();
}

/** Runs in the page: how a mark of ours and the component's own mark in the resetting root look. */
function resetLook(): { ours: Record<string, string>; own: Record<string, string> } | null {
  const root = document.getElementById('reset')!.shadowRoot!;
  const ours = root.querySelector('mark[data-entity-id]');
  const own = root.getElementById('own');
  if (!ours || !own) return null;
  const [a, b] = [getComputedStyle(ours), getComputedStyle(own)];
  return {
    ours: { decoration: a.textDecorationLine, style: a.textDecorationStyle, cursor: a.cursor, display: a.display, background: a.backgroundColor },
    own: { decoration: b.textDecorationLine, style: b.textDecorationStyle, cursor: b.cursor, display: b.display, background: b.backgroundColor },
  };
}

const LIGHT = ['antony-blinken', 'wang-yi', 'bali', 'taiwan'];
/** By root, in the order the page made them (the quote's constructor runs inside the story's). */
const INITIAL = [
  'quote:sergei-lavrov:Sergei Lavrov',
  'quote:antony-blinken:Blinken',
  'story:indonesia:Indonesia',
  'story:russia:Russia',
  'story:ukraine:Ukraine',
  'story:china:China',
  'story:taiwan-strait:Taiwan Strait',
  'reset:xinjiang:Xinjiang',
];

for (const name of BROWSERS) {
  describe(`open shadow roots: ${name}`, { timeout: 300_000 }, () => {
    let server!: StaticServer;
    let b!: AnySession;
    withBrowser(
      name,
      (s, session) => {
        server = s;
        b = session;
      },
      { beforeClose: (session) => session.setSettings(defaultSettings()) },
    );

    async function openComponents(): Promise<AnyPage> {
      const page = await b.open(server.url('/web-components.html'));
      await page.waitFor((n) => (window as unknown as PageApi).shadowState().marks.length >= n, INITIAL.length, WAIT);
      return page;
    }

    test('names in open roots, nested ones and roots that appear later are highlighted', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openComponents();
      try {
        const light = await page.evaluate(() => Array.from(document.querySelectorAll('mark[data-entity-id]'), (m) => m.getAttribute('data-entity-id')), undefined);
        assert.deepEqual(light, LIGHT);
        assert.deepEqual((await waitUntilStable(() => page.evaluate(shadowState, undefined))).marks, INITIAL);
        // A custom element defined now, a host appended now, text added inside a root now.
        await page.evaluate(() => {
          (window as unknown as PageApi).defineLate();
          (window as unknown as PageApi).appendCard();
          (window as unknown as PageApi).addToStory('Later in the story: Joe Biden.');
        }, undefined);
        await page.waitFor(() => (window as unknown as PageApi).shadowState().marks.length === 11, undefined, WAIT);
        const later = await waitUntilStable(() => page.evaluate(shadowState, undefined));
        assert.deepEqual(later.marks, [
          'quote:sergei-lavrov:Sergei Lavrov',
          'quote:antony-blinken:Blinken',
          'story:indonesia:Indonesia',
          'story:russia:Russia',
          'story:ukraine:Ukraine',
          'story:china:China',
          'story:taiwan-strait:Taiwan Strait',
          'story:joe-biden:Joe Biden',
          'reset:xinjiang:Xinjiang',
          'late:tibet:Tibet',
          'card:south-china-sea:South China Sea',
        ]);
        // The page's own text, outside the marks, is unchanged in every root.
        const texts = await page.evaluate(() => {
          const roots = (window as unknown as { __roots: Record<string, ShadowRoot> }).__roots;
          return Object.fromEntries(Object.entries(roots).map(([k, r]) => [k, r.textContent]));
        }, undefined);
        assert.equal(texts.late, 'Defined late: Tibet.');
        assert.equal(texts.card, 'Appended later: the South China Sea.');
        assert.match(texts.story ?? '', /^Talks in IndonesiaRussia and Ukraine, China and the Taiwan Strait\.Later in the story: Joe Biden\.$/);
      } finally {
        await page.close();
      }
      assert.deepEqual(b.offLoopback(), []);
    });

    test('a component that resets mark still shows our highlight (adopted styles), not its own mark style', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openComponents();
      try {
        const look = (await page.waitFor(resetLook, undefined, WAIT))!;
        assert.equal(look.ours.decoration, 'underline', 'our dotted underline survives `mark { all: unset }`');
        assert.equal(look.ours.style, 'dotted');
        assert.equal(look.ours.cursor, 'help');
        assert.equal(look.ours.display, 'inline');
        assert.equal(look.own.decoration, 'none', 'the component’s reset is in force for its own mark');
        assert.equal(look.own.cursor, 'auto');
        // The component's sheets are kept, ours appended after them.
        const sheets = await page.evaluate(() => {
          const root = document.getElementById('reset')!.shadowRoot!;
          return Array.from(root.adoptedStyleSheets, (s) => s.cssRules[0]?.cssText.slice(0, 24) ?? '');
        }, undefined);
        assert.equal(sheets.length, 2);
        assert.match(sheets[0]!, /^mark \{/);
        assert.match(sheets[1]!, /backstory-mark/);
      } finally {
        await page.close();
      }
    });

    test('turning highlighting off gives every root back exactly; on marks them again', { timeout: TEST_TIMEOUT }, async () => {
      const page = await openComponents();
      try {
        await page.evaluate(() => {
          (window as unknown as PageApi).defineLate();
          (window as unknown as PageApi).appendCard();
        }, undefined);
        await page.waitFor(() => (window as unknown as PageApi).shadowState().marks.length === 10, undefined, WAIT);
        const on = await page.evaluate(shadowState, undefined);
        assert.ok(Object.values(on.same).every((s) => !s), 'every root holds marks and our sheet while highlighted');
        await b.setSettings({ ...defaultSettings(), disabledSites: ['127.0.0.1'] });
        await page.waitFor(() => {
          const s = (window as unknown as PageApi).shadowState();
          return s.marks.length === 0 && Object.values(s.same).every(Boolean) && document.querySelectorAll('mark').length === 0;
        }, undefined, WAIT);
        const off = await page.evaluate(shadowState, undefined);
        assert.deepEqual(off.same, { quote: true, story: true, reset: true, late: true, card: true });
        assert.ok(off.storyTextKept, 'the page’s own text node is back, whole');
        // A change inside a root while off stays unmarked.
        await page.evaluate(() => (window as unknown as PageApi).addToStory('While off: Russia.'), undefined);
        const stillOff = await waitUntilStable(() => page.evaluate(shadowState, undefined), { quietReads: 3 });
        assert.deepEqual(stillOff.marks, []);
        await b.setSettings(defaultSettings());
        await page.waitFor(() => (window as unknown as PageApi).shadowState().marks.length === 11, undefined, WAIT);
        assert.ok((await page.evaluate(shadowState, undefined)).marks.includes('story:russia:Russia'));
      } finally {
        await b.setSettings(defaultSettings());
        await page.close();
      }
    });
  });
}
