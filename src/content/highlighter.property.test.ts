import Mark from 'mark.js';
/**
 * Property tests: random DOM trees and random alias sets (fast-check, happy-dom). Whatever the
 * page and the knowledge base: highlighting never changes the text; turning it off restores the
 * exact DOM; no mark lands in an excluded element; every mark's text is a form of its entity.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Window } from 'happy-dom';
import { installDom } from '../../test/unit/dom-env';
import { compileMatcher, spellings } from '../match/compile';
import { matcherFromCompiled } from '../match/matcher';
import { normalizePhrase } from '../match/form-table';
import { ENTITY_TYPES, type EntityType, type KnowledgeBase } from '../kb/types';
import { OpenShadowRoots } from './shadow-roots';
import { Highlighter } from './highlighter';

/** A stand-in for content.css in the shadow-root tests. */
const TEST_CSS = 'mark.backstory-mark { text-decoration: underline !important; }';

const RUNS = 150;
const WORDS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'US', 'Ash', 'alpha', 'ALPHA', 'Beta-Gamma'];
const FILLER = [' ', ' and ', ', ', '. ', '’s ', '-', 'x', ' the ', '\u00a0', '\n'];
const EXCLUDED = ['textarea', 'code', 'pre', 'script', 'style', 'noscript'];
const PLAIN = ['p', 'div', 'span', 'b', 'a', 'li', 'section'];
const allTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>;

let win: Window;
before(() => {
  win = installDom();
});
after(async () => {
  await win.happyDOM.close();
});

const aliasArb = fc.record({
  form: fc.array(fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'US', 'Ash'), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  exactCase: fc.boolean(),
  standalone: fc.boolean(),
  secondReference: fc.boolean(),
});

const kbArb = fc.array(fc.array(aliasArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((entities): KnowledgeBase => {
  const seen = new Set<string>();
  return {
    schemaVersion: 2,
    source: { id: 'p', outlet: 'o', headline: 'h', standfirst: 's', summary: 'a. b. c.', paragraphCount: 1 },
    matching: { allowedNeighbours: ['The'] },
    entities: entities.map((aliases, i) => ({
      id: `e${i}`,
      name: `e${i}`,
      type: 'topic',
      description: 'd',
      role: 'r. r.',
      facts: [],
      quotes: [],
      related: [],
      // No alias may belong to two entities (the validator guarantees it for real data).
      aliases: aliases.filter((a) => !seen.has(a.form) && seen.add(a.form)),
    })),
  };
});

type Tree = { tag: string; editable: boolean; children: (Tree | string)[] };
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...FILLER)), { maxLength: 8 })
  .map((pairs) => pairs.map(([w, f]) => w + f).join(''));
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...PLAIN, ...PLAIN, ...PLAIN, ...EXCLUDED),
    editable: fc.boolean().map((b) => b && Math.random() < 0.2),
    children: fc.array(fc.oneof({ depthSize: 'small' }, textArb, tie('tree')), { maxLength: 4 }),
  }),
})).tree;

function build(tree: Tree): Element {
  const el = document.createElement(tree.tag);
  if (tree.editable) el.setAttribute('contenteditable', 'true');
  for (const child of tree.children) el.append(typeof child === 'string' ? document.createTextNode(child) : build(child));
  return el;
}

const EXCLUDED_SELECTOR = `${EXCLUDED.join(',')},[contenteditable="true"]`;

let totalMarks = 0;

test('highlighting keeps the text, stays out of excluded elements, marks only true forms, and undoes exactly', async () => {
  await fc.assert(
    fc.asyncProperty(kbArb, fc.array(treeArb, { minLength: 1, maxLength: 4 }), async (kb, trees) => {
      document.body.replaceChildren(...trees.map(build));
      const html = document.body.innerHTML;
      const text = document.body.textContent;
      const textNodes: Node[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) textNodes.push(n);

      const matcher = matcherFromCompiled(compileMatcher([kb]).compiled);
      const h = new Highlighter(document, matcher, { firstMentionOnly: false, types: allTypes }, 'tint', {
        beforeMutation() {},
        afterMutation() {},
        onFound() {},
        onShadowRoot() {},
        loadMark: async () => Mark,
      }, new OpenShadowRoots(document, TEST_CSS));
      await h.highlight([document.body]);

      assert.equal(document.body.textContent, text, 'text unchanged');
      totalMarks += document.querySelectorAll('mark').length;
      for (const mark of Array.from(document.querySelectorAll('mark'))) {
        assert.equal(mark.parentElement?.closest(EXCLUDED_SELECTOR) ?? null, null, 'no mark in an excluded element');
        const entity = kb.entities.find((e) => e.id === mark.getAttribute('data-entity-id'));
        assert.ok(entity, 'mark of a known entity');
        const forms = entity.aliases.flatMap((a) => spellings(a.form, a.exactCase)).map(normalizePhrase);
        assert.ok(forms.includes(normalizePhrase(mark.textContent ?? '')), `"${mark.textContent}" is a form of ${entity.id}`);
      }

      h.clear();
      assert.equal(document.body.innerHTML, html, 'exact DOM restored');
      const after: Node[] = [];
      const w2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w2.nextNode(); n; n = w2.nextNode()) after.push(n);
      assert.equal(after.length, textNodes.length, 'same number of text nodes');
      after.forEach((n, i) => assert.equal(n, textNodes[i], 'the same text node objects'));
    }),
    { numRuns: RUNS },
  );
  // The generators must actually exercise highlighting, not only pages without a match.
  assert.ok(totalMarks > RUNS, `only ${totalMarks} marks over ${RUNS} runs`);
});
