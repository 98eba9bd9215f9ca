import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { EntityCard, KEY_FACTS, KEY_RELATED, SHORT_QUOTE_MAX_CHARS, shortQuote } from './EntityCard';
import type { EntityBackground } from '../common/messages';

const window = new Window();
// Preact creates elements through the global document.
globalThis.document = window.document as unknown as Document;

const background: EntityBackground = {
  entity: {
    id: 'a',
    name: 'Alice',
    type: 'person',
    description: 'A diplomat',
    role: 'She led the talks.',
    facts: Array.from({ length: 5 }, (_, i) => ({ text: `Fact ${i + 1}.`, paragraphs: [i + 1] })),
    quotes: [
      { text: 'x'.repeat(SHORT_QUOTE_MAX_CHARS + 1), speaker: 'a', paragraph: 2 },
      { text: 'We talked', speaker: 'a', paragraph: 4 },
    ],
    related: [],
    aliases: [],
  },
  source: { id: 'p', outlet: 'Outlet', headline: 'Headline' },
  related: Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, name: `Related ${i}`, type: 'country' as const, how: `knows` })),
  speakers: { a: { id: 'a', name: 'Alice', type: 'person' } },
};

function mount(vnode: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  render(vnode, root);
  return root;
}

test('the card form shows key facts with citations, one short quote and the key related', () => {
  const opened: string[] = [];
  const root = mount(<EntityCard background={background} variant="card" onOpenRelated={(id) => opened.push(id)} onFullBackground={() => undefined} />);
  const text = root.textContent ?? '';
  assert.ok(text.includes('Alice') && text.includes('Person') && text.includes('A diplomat'));
  assert.equal(root.querySelectorAll('.bs-facts li').length, KEY_FACTS);
  assert.ok(text.includes('¶ 1') && text.includes('¶ 3') && !text.includes('Fact 4'));
  assert.equal(root.querySelectorAll('.bs-quote').length, 1);
  assert.ok(text.includes('“We talked”') && text.includes('— Alice'));
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('.bs-related button')];
  assert.equal(buttons.length, KEY_RELATED);
  buttons[1]!.click();
  assert.deepEqual(opened, ['r1']);
  assert.ok([...root.querySelectorAll('button')].some((b) => b.textContent === 'Full background'));
});

test('the full form shows everything', () => {
  const root = mount(<EntityCard background={background} variant="full" />);
  assert.equal(root.querySelectorAll('.bs-facts li').length, 5);
  assert.equal(root.querySelectorAll('.bs-quote').length, 2);
  assert.equal(root.querySelectorAll('.bs-related li').length, 6);
  // No callbacks: related names are plain text, and there is no "Full background".
  assert.equal(root.querySelectorAll('button').length, 0);
});

test('shortQuote picks the shortest quote that fits a card', () => {
  assert.equal(shortQuote(background.entity.quotes)?.text, 'We talked');
  assert.equal(shortQuote([{ text: 'y'.repeat(SHORT_QUOTE_MAX_CHARS + 1), speaker: 'a', paragraph: 1 }]), undefined);
});

test('knowledge-base text is text, never markup', () => {
  const hostile = { ...background, entity: { ...background.entity, description: '<img src=x onerror="alert(1)">', role: '<b>bold</b>' } };
  const root = mount(<EntityCard background={hostile} variant="card" />);
  assert.equal(root.querySelectorAll('img, b').length, 0);
  assert.ok((root.textContent ?? '').includes('<img src=x onerror="alert(1)">'));
});
