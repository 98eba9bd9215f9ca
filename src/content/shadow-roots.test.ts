import Mark from 'mark.js';
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Window } from 'happy-dom';
import { installDom } from '../../test/unit/dom-env';
import { compileMatcher } from '../match/compile';
import { matcherData } from '../match/matcher-data';
import { Matcher, matcherFromCompiled } from '../match/matcher';
import { testKnowledgeBase } from '../match/fixtures';
import { ENTITY_TYPES, type EntityType } from '../kb/types';
import { Highlighter } from './highlighter';
import { PageWatcher, UPGRADE_CHECK_MS, WATCH_DELAY_MS } from './page-watcher';
import { OpenShadowRoots } from './shadow-roots';
import { deepActiveElement, sortComposed } from './composed-tree';

const allTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>;
const matcher = matcherFromCompiled(compileMatcher([testKnowledgeBase()]).compiled);
/** Stands in for content.css; its first rule names the marks' class, as the real one does. */
const CSS = 'mark.backstory-mark[data-entity-id] { text-decoration: underline !important; }';

let win: Window;
beforeEach(() => {
  win = installDom();
});
afterEach(async () => {
  await win.happyDOM.close();
});

/** Records every text it is asked to scan. */
class CountingMatcher extends Matcher {
  scanned: string[] = [];
  override scan(text: string, from?: number, to?: number) {
    this.scanned.push(text);
    return super.scan(text, from, to);
  }
}

function setup(withWatcher = false, m: Matcher = matcher) {
  const roots = new OpenShadowRoots(document, CSS);
  const hooks = { watcher: undefined as PageWatcher | undefined };
  const h = new Highlighter(document, m, { firstMentionOnly: false, types: allTypes }, 'underline', {
    beforeMutation: () => hooks.watcher?.flushRecords(),
    afterMutation: () => hooks.watcher?.dropOwnRecords(),
    onFound() {},
    onShadowRoot: (root) => hooks.watcher?.observe(root),
    loadMark: async () => Mark,
  }, roots);
  const controller = new AbortController();
  if (withWatcher) hooks.watcher = new PageWatcher(document, h, () => {}, controller.signal);
  /** Highlights as the content script does at start: then the watcher checks shadow roots if there are any. */
  const start = async () => {
    await h.highlight([document.body]);
    hooks.watcher?.watchShadowRoots();
  };
  return { h, roots, controller, start };
}

/** A host element with an open root holding `html`. */
function host(html: string, mode: ShadowRootMode = 'open', tag = 'div'): { el: HTMLElement; root: ShadowRoot } {
  const el = document.createElement(tag);
  const root = el.attachShadow({ mode });
  root.innerHTML = html;
  return { el, root };
}

const idsIn = (root: ParentNode) => Array.from(root.querySelectorAll('mark'), (m) => `${m.getAttribute('data-entity-id')}:${m.textContent}`);

async function until(what: string, cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('open shadow roots', () => {
  test('names inside open roots, nested ones too, are marked and the text is kept', async () => {
    document.body.innerHTML = '<p>Antony Blinken met Wang Yi.</p>';
    const outer = host('<p>Russia and Ukraine</p><div class="inner"></div>');
    const inner = outer.root.querySelector('.inner')!.attachShadow({ mode: 'open' });
    // Text right under the root, with no element around it.
    inner.textContent = 'China and Taiwan';
    document.body.append(outer.el);
    const { h } = setup();
    await h.highlight([document.body]);
    assert.deepEqual(idsIn(document), ['antony-blinken:Antony Blinken', 'wang-yi:Wang Yi']);
    assert.deepEqual(idsIn(outer.root), ['russia:Russia', 'ukraine:Ukraine']);
    assert.deepEqual(idsIn(inner), ['china:China', 'taiwan:Taiwan']);
    assert.equal(outer.root.textContent, 'Russia and Ukraine');
    assert.deepEqual(
      h.marks().map((m) => m.dataset.entityId),
      ['antony-blinken', 'wang-yi', 'russia', 'ukraine', 'china', 'taiwan'],
      'marks() in the order the page shows them',
    );
    assert.deepEqual(h.found().map((f) => f.id), ['antony-blinken', 'wang-yi', 'russia', 'ukraine', 'china', 'taiwan']);
  });

  test('a closed root is left alone', async () => {
    const closed = host('<p>Russia</p>', 'closed');
    document.body.append(closed.el);
    const { h, roots } = setup();
    await h.highlight([document.body]);
    assert.equal(closed.root.querySelectorAll('mark').length, 0);
    assert.equal(roots.size, 0);
  });

  test('a root inside an excluded element (an editable area) is left alone', async () => {
    document.body.innerHTML = '<div contenteditable="true"></div>';
    const inside = host('<p>Russia</p>');
    document.querySelector('[contenteditable]')!.append(inside.el);
    const { h } = setup();
    await h.highlight([document.body]);
    assert.equal(inside.root.querySelectorAll('mark').length, 0);
  });

  test('the marks’ stylesheet is appended to the root’s own sheets, and clear() gives back the exact DOM and list', async () => {
    const page = new window.CSSStyleSheet();
    page.replaceSync('mark { all: unset; }');
    const outer = host('<p>Russia, then <b>China</b>.</p><p>none</p>');
    outer.root.adoptedStyleSheets = [page];
    document.body.append(outer.el);
    const html = outer.root.innerHTML;
    const texts = Array.from(outer.root.querySelectorAll('p, b')).flatMap((e) => Array.from(e.childNodes));
    const { h } = setup();
    await h.highlight([document.body]);
    assert.equal(outer.root.querySelectorAll('mark').length, 2);
    assert.equal(outer.root.adoptedStyleSheets.length, 2);
    assert.equal(outer.root.adoptedStyleSheets[0], page, 'the page’s sheet stays first');
    assert.match(outer.root.adoptedStyleSheets[1]!.cssRules[0]!.cssText, /backstory-mark/);
    h.clear();
    assert.equal(outer.root.innerHTML, html);
    assert.deepEqual(Array.from(outer.root.adoptedStyleSheets), [page]);
    const after = Array.from(outer.root.querySelectorAll('p, b')).flatMap((e) => Array.from(e.childNodes));
    after.forEach((n, i) => assert.equal(n, texts[i], `node ${i} is the same object`));
  });

  test('marks an earlier instance left in a root are unwrapped, and its sheet replaced', async () => {
    const outer = host('<p>Before <mark class="backstory-mark" data-entity-id="russia">Russia</mark> after</p>');
    const stale = new window.CSSStyleSheet();
    stale.replaceSync(CSS);
    outer.root.adoptedStyleSheets = [stale];
    document.body.append(outer.el);
    const { h } = setup();
    await h.highlight([document.body]);
    assert.deepEqual(idsIn(outer.root), ['russia:Russia']);
    assert.equal(outer.root.adoptedStyleSheets.length, 1, 'one sheet of ours, not two');
    h.clear();
    assert.equal(outer.root.innerHTML, '<p>Before Russia after</p>');
    assert.equal(outer.root.adoptedStyleSheets.length, 0);
  });

  test('text added inside a root later, and a host with a root added later, are highlighted', async () => {
    const outer = host('<p>Russia</p>');
    document.body.append(outer.el);
    const { controller, start } = setup(true);
    await start();
    const p = document.createElement('p');
    p.textContent = 'Later: Ukraine.';
    outer.root.append(p);
    const late = host('<p>Taiwan</p>', 'open', 'news-card');
    document.body.append(late.el);
    await until('both highlighted', () => idsIn(outer.root).length === 2 && idsIn(late.root).length === 1);
    assert.deepEqual(idsIn(outer.root), ['russia:Russia', 'ukraine:Ukraine']);
    assert.deepEqual(idsIn(late.root), ['taiwan:Taiwan']);
    controller.abort();
  });

  test('a change inside a root costs a scan of the change only, not of the root or the page', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} on Russia.</p>`).join('');
    document.body.innerHTML = paragraphs;
    const outer = host(paragraphs);
    document.body.append(outer.el);
    const counting = new CountingMatcher(matcherData(compileMatcher([testKnowledgeBase()]).compiled));
    const { controller, start } = setup(true, counting);
    await start();
    assert.equal(counting.scanned.length, 400);
    const walks: Node[] = [];
    const createTreeWalker = document.createTreeWalker.bind(document);
    document.createTreeWalker = ((root: Node, what?: number) => (walks.push(root), createTreeWalker(root, what))) as typeof document.createTreeWalker;
    counting.scanned = [];
    const p = document.createElement('p');
    p.textContent = 'Added: Ukraine.';
    outer.root.append(p);
    await until('the addition highlighted', () => idsIn(outer.root).length === 201);
    assert.deepEqual(counting.scanned, ['Added: Ukraine.']);
    assert.ok(walks.length > 0 && walks.every((w) => w === p), 'every walk (texts, shadow hosts) starts at the added paragraph');
    controller.abort();
  });

  test('a custom element defined after load gets its root found and highlighted', async () => {
    document.body.innerHTML = '<p>Wang Yi</p><late-story></late-story>';
    const { roots, controller, start } = setup(true);
    await start();
    assert.equal(roots.waitingHosts, 1);
    window.customElements.define(
      'late-story',
      class extends window.HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Later, Wang said.</p>';
        }
      } as unknown as CustomElementConstructor,
    );
    const el = document.querySelector('late-story')!;
    assert.ok(el.shadowRoot, 'upgraded');
    await until('the upgraded root is highlighted', () => idsIn(el.shadowRoot!).length === 1, UPGRADE_CHECK_MS + WATCH_DELAY_MS + 3_000);
    assert.deepEqual(idsIn(el.shadowRoot!), ['wang-yi:Wang']);
    assert.equal(roots.waitingHosts, 0);
    controller.abort();
  });

  test('a root whose host left the page is given back and let go; if the host comes back it is found again', async () => {
    const outer = host('<p>Russia</p>', 'open', 'news-card');
    document.body.append(outer.el);
    const { h, roots, controller, start } = setup(true);
    await start();
    assert.equal(roots.size, 1);
    outer.el.remove();
    h.pruneShadowRoots();
    assert.equal(roots.size, 0);
    assert.equal(outer.root.innerHTML, '<p>Russia</p>');
    assert.equal(outer.root.adoptedStyleSheets.length, 0);
    document.body.append(outer.el);
    await until('highlighted again', () => idsIn(outer.root).length === 1);
    assert.equal(roots.size, 1);
    controller.abort();
  });

  test('after clear(), changes in a root given back are not followed until it is found again', async () => {
    const outer = host('<p>Russia</p>');
    document.body.append(outer.el);
    const { h, controller, start } = setup(true);
    await start();
    h.clear();
    outer.root.append(Object.assign(document.createElement('p'), { textContent: 'China' }));
    await new Promise((r) => setTimeout(r, WATCH_DELAY_MS * 3));
    assert.equal(outer.root.querySelectorAll('mark').length, 0);
    assert.equal(outer.root.adoptedStyleSheets.length, 0);
    controller.abort();
  });
});

describe('composed tree', () => {
  test('sortComposed puts a root’s content where its host stands', () => {
    document.body.innerHTML = '<p id="a">a</p><div id="h"><span id="light">light</span></div><p id="z">z</p>';
    const root = document.getElementById('h')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<i id="s">s</i>';
    const byId = (id: string) => document.getElementById(id) as HTMLElement;
    const s = root.getElementById('s') as HTMLElement;
    assert.deepEqual(sortComposed([byId('z'), s, byId('light'), byId('a')]).map((n) => n.id), ['a', 's', 'light', 'z']);
  });
  test('deepActiveElement looks into open roots', () => {
    const outer = host('<button id="in">x</button>');
    document.body.append(outer.el);
    (outer.root.getElementById('in') as HTMLElement).focus();
    assert.equal(deepActiveElement(document)?.id, 'in');
  });
});
