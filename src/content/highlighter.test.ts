import Mark from 'mark.js';
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Window } from 'happy-dom';
import { installDom } from '../../test/unit/dom-env';
import { compileMatcher } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { testKnowledgeBase } from '../match/fixtures';
import { ENTITY_TYPES, type EntityType } from '../kb/types';
import { OpenShadowRoots } from './shadow-roots';
import { Highlighter, MARK_DESCRIPTION } from './highlighter';
import { PageWatcher } from './page-watcher';

/** A stand-in for content.css in the shadow-root tests. */
const TEST_CSS = 'mark.backstory-mark { text-decoration: underline !important; }';

const allTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>;
const matcher = matcherFromCompiled(compileMatcher([testKnowledgeBase()]).compiled);

let win: Window;
beforeEach(() => {
  win = installDom();
});
afterEach(async () => {
  await win.happyDOM.close();
});

function makeHighlighter(firstMentionOnly = false) {
  const found: string[][] = [];
  const h = new Highlighter(document, matcher, { firstMentionOnly, types: allTypes }, 'underline', {
    beforeMutation() {},
    afterMutation() {},
    onFound: (f) => found.push(f.map((x) => `${x.id}=${x.count}`)),
    onShadowRoot() {},
    loadMark: async () => Mark,
  }, new OpenShadowRoots(document, TEST_CSS));
  return { h, found };
}

const marks = () => Array.from(document.querySelectorAll('mark')).map((m) => `${m.getAttribute('data-entity-id')}:${m.textContent}`);

describe('highlighter in a DOM', () => {
  test('wraps each mention in a mark with its entity id and keeps the text', async () => {
    document.body.innerHTML = '<p>Antony Blinken met Wang Yi in China. Later, Wang spoke.</p>';
    const before = document.body.textContent;
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    assert.deepEqual(marks(), ['antony-blinken:Antony Blinken', 'wang-yi:Wang Yi', 'china:China', 'wang-yi:Wang']);
    assert.equal(document.body.textContent, before);
    const m = document.querySelector('mark')!;
    assert.ok(m.classList.contains('backstory-mark') && m.classList.contains('backstory-mark--underline'));
  });

  test('never inside form fields, editable areas, code, scripts or SVG', async () => {
    document.body.innerHTML = [
      '<textarea>China</textarea><input value="China"><select><option>China</option></select>',
      '<div contenteditable="true"><p>China</p></div><div contenteditable="false">Russia</div>',
      '<pre>China</pre><code>China</code><script>var China = 1;</script><style>.China{}</style>',
      '<noscript>China</noscript><template><p>China</p></template>',
      '<svg><text>China</text></svg><p>Ukraine</p>',
    ].join('');
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    assert.deepEqual(marks(), ['russia:Russia', 'ukraine:Ukraine']);
  });

  test('clear() restores the exact DOM, with the same text nodes', async () => {
    document.body.innerHTML = '<p>China and Russia, then China. <b>US</b>-China ties.</p><p>none here</p>';
    const html = document.body.innerHTML;
    const texts = Array.from(document.querySelectorAll('p, b')).flatMap((e) => Array.from(e.childNodes));
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    assert.equal(document.querySelectorAll('mark').length, 5);
    h.clear();
    assert.equal(document.body.innerHTML, html);
    const after = Array.from(document.querySelectorAll('p, b')).flatMap((e) => Array.from(e.childNodes));
    assert.equal(after.length, texts.length);
    after.forEach((n, i) => assert.equal(n, texts[i], `node ${i} is the same object`));
  });

  test('a second reference hundreds of paragraphs before the full name still counts (the page rules run in batches)', async () => {
    const filler = Array.from({ length: 600 }, (_, i) => `<p>China, paragraph ${i}.</p>`).join('');
    document.body.innerHTML = `<p>Later, Wang spoke.</p>${filler}<p>Wang Yi left.</p>`;
    const { h, found } = makeHighlighter();
    await h.highlight([document.body]);
    const all = marks();
    assert.equal(all[0], 'wang-yi:Wang', 'the early second reference is marked');
    assert.equal(all.at(-1), 'wang-yi:Wang Yi');
    assert.deepEqual(found.at(-1), ['wang-yi=2', 'china=600']);
  });

  test('first mention only: one mark per entity, all counted', async () => {
    document.body.innerHTML = '<p>China, Russia, China.</p><p>China again.</p>';
    const { h, found } = makeHighlighter(true);
    await h.highlight([document.body]);
    assert.deepEqual(marks(), ['china:China', 'russia:Russia']);
    assert.deepEqual(found.at(-1), ['china=3', 'russia=1']);
  });

  test('one tab stop per entity: its first mark', async () => {
    document.body.innerHTML = '<p>China, Russia, China.</p>';
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    const tabs = Array.from(document.querySelectorAll('mark')).map((m) => (m as HTMLElement).tabIndex);
    assert.deepEqual(tabs, [0, 0, -1]);
  });

  test('every mark tells a screen reader that it has background', async () => {
    document.body.innerHTML = '<p>China, Russia, China.</p>';
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    const described = Array.from(document.querySelectorAll('mark'), (m) => m.getAttribute('aria-description'));
    assert.deepEqual(described, [MARK_DESCRIPTION, MARK_DESCRIPTION, MARK_DESCRIPTION]);
    h.clear();
    assert.equal(document.body.innerHTML, '<p>China, Russia, China.</p>', 'taken back with the marks');
  });

  test('a huge text node is scanned in chunks and highlighted once', async () => {
    const p = document.createElement('p');
    p.textContent = `${'filler words without names '.repeat(4000)}China${' more filler'.repeat(3000)} Russia`;
    document.body.append(p);
    const before = p.textContent;
    const { h } = makeHighlighter();
    await h.highlight([document.body]);
    assert.deepEqual(marks(), ['china:China', 'russia:Russia']);
    assert.equal(p.textContent, before);
  });
});

describe('page watcher: framework updates to a split text node', () => {
  async function setup(html: string) {
    document.body.innerHTML = html;
    const hooks = { watcher: undefined as PageWatcher | undefined };
    const h = new Highlighter(document, matcher, { firstMentionOnly: false, types: allTypes }, 'underline', {
      beforeMutation: () => hooks.watcher?.flushRecords(),
      afterMutation: () => hooks.watcher?.dropOwnRecords(),
      onFound() {},
      onShadowRoot: (root) => hooks.watcher?.observe(root),
      loadMark: async () => Mark,
    }, new OpenShadowRoots(document, TEST_CSS));
    const controller = new AbortController();
    hooks.watcher = new PageWatcher(document, h, () => {}, controller.signal);
    await h.highlight([document.body]);
    return { h, controller };
  }
  /** Polls until `done()` holds (the watcher works on a timer), failing after a generous bound. */
  const until = async (done: () => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (!done()) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; marks: ${marks().join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  test('changing the data of the node: the page shows exactly the new text, highlighted again', async () => {
    const { controller } = await setup('<p id="p">Blinken met Wang Yi</p>');
    const own = document.getElementById('p')!.firstChild as Text; // the node a framework holds
    own.data = 'Now Russia and Ukraine';
    await until(() => marks().includes('russia:Russia'), 'the new text to be highlighted');
    assert.equal(document.getElementById('p')!.textContent, 'Now Russia and Ukraine');
    assert.deepEqual(marks(), ['russia:Russia', 'ukraine:Ukraine']);
    controller.abort();
  });

  test('removing the node: none of its text stays behind', async () => {
    const { controller } = await setup('<p id="p">Blinken met Wang Yi<span>!</span></p>');
    const p = document.getElementById('p')!;
    p.removeChild(p.firstChild!);
    await until(() => document.querySelectorAll('mark').length === 0, 'the removed text to go');
    assert.equal(p.textContent, '!');
    assert.deepEqual(marks(), []);
    controller.abort();
  });

  test('inserting a node right after it: the new node comes after the whole text', async () => {
    const { controller } = await setup('<p id="p">Blinken met Wang Yi</p>');
    const p = document.getElementById('p')!;
    const own = p.firstChild as Text;
    const added = document.createElement('em');
    added.textContent = ' in China';
    p.insertBefore(added, own.nextSibling); // what Vue and React do with a node's nextSibling
    await until(() => !!added.querySelector('mark'), 'the inserted text to be highlighted');
    assert.equal(p.textContent, 'Blinken met Wang Yi in China');
    assert.deepEqual(marks(), ['antony-blinken:Blinken', 'wang-yi:Wang Yi', 'china:China']);
    controller.abort();
  });

  test('added content is highlighted; the highlighter’s own changes do not wake the watcher', async () => {
    const { h, controller } = await setup('<p>China</p>');
    let runs = 0;
    const original = h.highlight.bind(h);
    h.highlight = (roots) => {
      runs++;
      return original(roots);
    };
    const div = document.createElement('div');
    div.textContent = 'Taiwan Strait';
    document.body.append(div);
    await until(() => !!div.querySelector('mark'), 'the added content to be highlighted');
    // Give a run woken by our own marks (there must be none) time to show itself.
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(marks(), ['china:China', 'taiwan-strait:Taiwan Strait']);
    assert.equal(runs, 1, 'one run for the added content, none for our own marks');
    controller.abort();
  });
});
