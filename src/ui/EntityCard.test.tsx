import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { EntityCard, KEY_FACTS, KEY_FACTS_PER_SOURCE, KEY_RELATED, SHORT_QUOTE_MAX_CHARS, shortQuote } from './EntityCard';
import type { EntityBackground } from '../common/messages';

const window = new Window();
// Preact creates elements through the global document.
globalThis.document = window.document as unknown as Document;

const alice: EntityBackground['entity'] = {
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
};
const background: EntityBackground = {
  entity: alice,
  source: { id: 'p', outlet: 'Outlet', headline: 'Headline' },
  sources: [{ source: { id: 'p', outlet: 'Outlet', headline: 'Headline' }, entity: alice }],
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

const second: EntityBackground['entity'] = {
  ...alice,
  description: 'Described differently in the second story',
  role: 'She signed the second pact.',
  facts: [
    { text: 'Second fact A.', paragraphs: [7] },
    { text: 'Second fact B.', paragraphs: [8, 9] },
    { text: 'Second fact C.', paragraphs: [9] },
  ],
  quotes: [{ text: 'Short', speaker: 'a', paragraph: 6 }],
  mentions: [3, 5],
};
const twoSources: EntityBackground = {
  ...background,
  sources: [
    background.sources[0]!,
    { source: { id: 'q', outlet: 'Second Outlet', headline: 'A second headline that is quite a lot longer than sixty characters in all' }, entity: second },
  ],
};

test('one story: no source labels, its citation footer, and "Mentioned in" when the pack has mentions', () => {
  const withMentions = { ...background, entity: { ...alice, mentions: [2, 4] }, sources: [{ ...background.sources[0]!, entity: { ...alice, mentions: [2, 4] } }] };
  const root = mount(<EntityCard background={withMentions} variant="card" />);
  assert.equal(root.querySelectorAll('.bs-from').length, 0);
  assert.ok((root.textContent ?? '').includes('In this story'));
  assert.equal(root.querySelector('.bs-mentions')?.textContent?.replace(/\s+/g, ' ').includes('Mentioned in ¶ 2, 4'), true);
  assert.ok((root.querySelector('.bs-source')?.textContent ?? '').includes('“Headline”, Outlet'));
});

test('two stories: each labelled by outlet and short headline, with its own facts, citations and mentions', () => {
  const root = mount(<EntityCard background={twoSources} variant="card" />);
  const sections = [...root.querySelectorAll<HTMLElement>('.bs-from')];
  assert.deepEqual(sections.map((s) => s.dataset.sourceId), ['p', 'q']);
  const labels = sections.map((s) => s.querySelector('.bs-from-label')?.textContent);
  assert.equal(labels[0], 'Outlet: Headline');
  assert.match(labels[1]!, /^Second Outlet: A second headline .*…$/);
  assert.ok(labels[1]!.length < 80, labels[1]);
  // The full headline stays available on the label.
  assert.match(sections[1]!.querySelector('.bs-from-label')?.getAttribute('title') ?? '', /in all$/);
  // Each story's facts under its own label, at most KEY_FACTS_PER_SOURCE each, with their ¶.
  assert.equal(sections[0]!.querySelectorAll('.bs-facts li').length, KEY_FACTS_PER_SOURCE);
  assert.equal(sections[1]!.querySelectorAll('.bs-facts li').length, KEY_FACTS_PER_SOURCE);
  assert.ok(sections[1]!.textContent!.includes('Second fact B. ¶ 8, 9'));
  assert.ok(sections[1]!.textContent!.includes('She signed the second pact.'));
  assert.ok(!sections[0]!.textContent!.includes('Second fact'));
  assert.equal(sections[1]!.querySelector('.bs-mentions')?.textContent?.includes('Mentioned in ¶ 3, 5'), true);
  assert.equal(sections[0]!.querySelector('.bs-mentions'), null);
  // One short quote in a card: the shortest of all, in its own story's section.
  assert.equal(root.querySelectorAll('.bs-quote').length, 1);
  assert.ok(sections[1]!.querySelector('.bs-quote')?.textContent?.includes('“Short”'));
  // Labels replace the one-story footer.
  assert.equal(root.querySelector('.bs-source'), null);
});

test('two stories, full form: every fact and quote of each', () => {
  const root = mount(<EntityCard background={twoSources} variant="full" />);
  const sections = [...root.querySelectorAll<HTMLElement>('.bs-from')];
  assert.equal(sections[0]!.querySelectorAll('.bs-facts li').length, 5);
  assert.equal(sections[1]!.querySelectorAll('.bs-facts li').length, 3);
  assert.equal(sections[0]!.querySelectorAll('.bs-quote').length, 2);
  assert.equal(sections[1]!.querySelectorAll('.bs-quote').length, 1);
});
