import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { EntityCard, KEY_FACTS, KEY_FACTS_PER_SOURCE, KEY_RELATED, SHORT_QUOTE_MAX_CHARS, shortQuote } from './EntityCard';
import type { EntityBackground } from '../common/messages';
import type { SourceLabel } from '../kb/lookup';

const window = new Window();
// Preact creates elements through the global document.
globalThis.document = window.document as unknown as Document;

const alice: EntityBackground['entity'] = {
  id: 'a',
  name: 'Alice',
  type: 'person',
  description: 'A diplomat',
  role: 'She led the talks. She spoke for her country. She flew home.',
  facts: Array.from({ length: 5 }, (_, i) => ({ text: `Fact ${i + 1}.`, paragraphs: [i + 1] })),
  quotes: [
    { text: 'x'.repeat(SHORT_QUOTE_MAX_CHARS + 1), speaker: 'a', paragraph: 2 },
    { text: 'We talked', speaker: 'a', paragraph: 4 },
  ],
  related: [],
  aliases: [],
};
const outlet: SourceLabel = { id: 'p', outlet: 'Outlet', headline: 'Headline', published: '2022-07-09' };
const background: EntityBackground = {
  entity: alice,
  source: outlet,
  sources: [{ source: outlet, entity: alice }],
  related: Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, name: `Related ${i}`, type: 'country' as const, how: `knows` })),
  speakers: { a: { id: 'a', name: 'Alice', type: 'person' } },
};

function mount(vnode: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

async function until(pred: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`not seen: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const details = (root: HTMLElement) => root.querySelector<HTMLElement>('.bs-details')!;

async function expand(root: HTMLElement): Promise<HTMLButtonElement> {
  const more = root.querySelector<HTMLButtonElement>('.bs-more-toggle')!;
  more.click();
  await until(() => more.getAttribute('aria-expanded') === 'true' && !details(root).hidden, 'expanded');
  return more;
}

test('short first: name, type, description, dated source line and the role in two sentences; nothing else until More', () => {
  const muted: string[] = [];
  const root = mount(<EntityCard background={background} variant="card" onOpenRelated={() => undefined} onFullBackground={() => undefined} onMute={(id, name) => muted.push(`${id}:${name}`)} />);
  assert.equal(text(root.querySelector('.bs-name')), 'Alice');
  assert.equal(text(root.querySelector('.bs-desc')), 'Person · A diplomat');
  assert.equal(text(root.querySelector('.bs-source-line')), 'Outlet · 9 Jul 2022');
  assert.equal(text(root.querySelector('.bs-role')), 'She led the talks. She spoke for her country.');
  const more = root.querySelector<HTMLButtonElement>('.bs-more-toggle')!;
  assert.equal(text(more), 'More');
  assert.equal(more.getAttribute('aria-expanded'), 'false');
  assert.equal(more.getAttribute('aria-controls'), details(root).id, 'More controls the details');
  assert.ok(details(root).hidden, 'the details are hidden');
  assert.equal(root.querySelectorAll('.bs-facts li, .bs-quote, .bs-related li').length, 0);
  assert.ok(![...root.querySelectorAll('button')].some((b) => b.textContent === 'Full background'));
  root.querySelector<HTMLButtonElement>('.bs-mute')!.click();
  assert.equal(text(root.querySelector('.bs-mute')), 'Don’t highlight Alice');
  assert.deepEqual(muted, ['a:Alice']);
  render(null, root);
});

test('More expands in place to the key facts with citations, one short quote and the key related; Less folds it', async () => {
  const opened: string[] = [];
  const root = mount(<EntityCard background={background} variant="card" onOpenRelated={(id) => opened.push(id)} onFullBackground={() => undefined} />);
  const more = await expand(root);
  assert.equal(text(more), 'Less');
  assert.equal(text(root.querySelector('.bs-role')), alice.role, 'the whole role');
  assert.equal(root.querySelectorAll('.bs-facts li').length, KEY_FACTS);
  const shown = text(details(root));
  assert.ok(shown.includes('¶ 1') && shown.includes('¶ 3') && !shown.includes('Fact 4'), shown);
  assert.equal(root.querySelectorAll('.bs-quote').length, 1);
  assert.ok(shown.includes('“We talked”') && shown.includes('— Alice'));
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('.bs-related button')];
  assert.equal(buttons.length, KEY_RELATED);
  buttons[1]!.click();
  assert.deepEqual(opened, ['r1']);
  assert.ok([...root.querySelectorAll('button')].some((b) => b.textContent === 'Full background'));
  more.click();
  await until(() => more.getAttribute('aria-expanded') === 'false' && details(root).hidden, 'folded');
  assert.equal(text(root.querySelector('.bs-role')), 'She led the talks. She spoke for her country.');
  render(null, root);
});

test('the full form shows everything, with no More', () => {
  const root = mount(<EntityCard background={background} variant="full" />);
  assert.equal(root.querySelectorAll('.bs-facts li').length, 5);
  assert.equal(root.querySelectorAll('.bs-quote').length, 2);
  assert.equal(root.querySelectorAll('.bs-related li').length, 6);
  assert.ok(text(root).includes('Facts') && text(root).includes('“Headline”'));
  // No callbacks: related names are plain text; no More, no "Full background", no mute.
  assert.equal(root.querySelectorAll('button').length, 0);
  render(null, root);
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
  render(null, root);
});

const second: EntityBackground['entity'] = {
  ...alice,
  description: 'Described differently in the second story',
  role: 'She signed the second pact. It took a year.',
  facts: [
    { text: 'Second fact A.', paragraphs: [7] },
    { text: 'Second fact B.', paragraphs: [8, 9] },
    { text: 'Second fact C.', paragraphs: [9] },
  ],
  quotes: [{ text: 'Short', speaker: 'a', paragraph: 6 }],
  mentions: [3, 5],
};
const secondOutlet: SourceLabel = { id: 'q', outlet: 'Second Outlet', headline: 'A second headline that is quite a lot longer than sixty characters in all' };
const twoSources: EntityBackground = { ...background, sources: [background.sources[0]!, { source: secondOutlet, entity: second }] };

test('one story with mentions: "Mentioned in" with plain citations (no address, no paragraph texts)', async () => {
  const withMentions = { ...background, sources: [{ ...background.sources[0]!, entity: { ...alice, mentions: [2, 4] } }] };
  const root = mount(<EntityCard background={withMentions} variant="card" />);
  await expand(root);
  assert.ok(text(root.querySelector('.bs-mentions')).includes('Mentioned in ¶ 2, 4'));
  assert.equal(root.querySelectorAll('.bs-mentions a, .bs-mentions button').length, 0);
  render(null, root);
});

test('two stories: a source line and a one-sentence role each; More gives each story its own facts, citations and mentions', async () => {
  const root = mount(<EntityCard background={twoSources} variant="card" />);
  const stories = [...root.querySelectorAll<HTMLElement>('.bs-story')];
  assert.deepEqual(stories.map((s) => s.dataset.sourceId), ['p', 'q']);
  assert.deepEqual(stories.map((s) => text(s.querySelector('.bs-source-line'))), ['Outlet · 9 Jul 2022', 'Second Outlet']);
  assert.deepEqual(stories.map((s) => text(s.querySelector('.bs-role'))), ['She led the talks.', 'She signed the second pact.']);
  // The full headline stays available on the line.
  assert.match(stories[1]!.querySelector('.bs-source-line')?.getAttribute('title') ?? '', /in all$/);
  await expand(root);
  const parts = [...root.querySelectorAll<HTMLElement>('.bs-story-details')];
  assert.deepEqual(parts.map((s) => s.dataset.sourceId), ['p', 'q']);
  assert.equal(parts[0]!.querySelectorAll('.bs-facts li').length, KEY_FACTS_PER_SOURCE);
  assert.equal(parts[1]!.querySelectorAll('.bs-facts li').length, KEY_FACTS_PER_SOURCE);
  assert.ok(text(parts[1]).includes('Second fact B. ¶ 8, 9'), text(parts[1]));
  assert.ok(!text(parts[0]).includes('Second fact'));
  assert.ok(text(parts[1]!.querySelector('.bs-mentions')).includes('Mentioned in ¶ 3, 5'));
  assert.equal(parts[0]!.querySelector('.bs-mentions'), null);
  // One short quote in a card: the shortest of all, in its own story's part.
  assert.equal(root.querySelectorAll('.bs-quote').length, 1);
  assert.ok(text(parts[1]!.querySelector('.bs-quote')).includes('“Short”'));
  render(null, root);
});

test('two stories, full form: every fact and quote of each', () => {
  const root = mount(<EntityCard background={twoSources} variant="full" />);
  const stories = [...root.querySelectorAll<HTMLElement>('.bs-story')];
  assert.equal(stories[0]!.querySelectorAll('.bs-facts li').length, 5);
  assert.equal(stories[1]!.querySelectorAll('.bs-facts li').length, 3);
  assert.equal(stories[0]!.querySelectorAll('.bs-quote').length, 2);
  assert.equal(stories[1]!.querySelectorAll('.bs-quote').length, 1);
  render(null, root);
});

// A story from the reader's own reading: paragraph texts and the article's address.
const readingSource: SourceLabel = {
  id: 'r',
  outlet: 'The Example Times',
  headline: 'Two ministers meet at a lakeside resort',
  origin: 'reading',
  url: 'https://example.org/news/lakeside',
  published: '2026-11-02T09:30:00Z',
};
const reader: EntityBackground['entity'] = {
  ...alice,
  role: 'Ana Lind hosted the meeting at the resort on Tuesday.',
  facts: [{ text: 'Ana Lind hosted the meeting at the resort on Tuesday.', paragraphs: [3] }],
  quotes: [{ text: 'We will keep talking', speaker: 'a', paragraph: 4 }],
};
const cited = {
  3: 'Ana Lind hosted the meeting at the resort on Tuesday. Nothing was agreed.',
  4: '“We will keep talking,” Lind told reporters. Examplia hosted it.',
};
const fromReading: EntityBackground = { ...background, entity: reader, source: readingSource, sources: [{ source: readingSource, entity: reader, cited }] };

test('from your reading: labelled, with headline, outlet and date; the role and facts are the article’s words', async () => {
  const root = mount(<EntityCard background={fromReading} variant="card" />);
  assert.equal(text(root.querySelector('.bs-source-line')), 'From your reading · The Example Times · 2 Nov 2026');
  assert.equal(text(root.querySelector('.bs-headline')), '“Two ministers meet at a lakeside resort”');
  assert.ok(root.querySelector('.bs-role q'), 'the role is a quotation of the article');
  await expand(root);
  assert.equal(text(root.querySelector('.bs-label')), 'In the article’s words');
  assert.equal(text(root.querySelector('.bs-facts.bs-verbatim li q')), reader.facts[0]!.text);
  assert.ok(!root.querySelector('.bs-facts q')!.classList.contains('bs-q-own'), 'quote marks added around a plain sentence');
  render(null, root);
});

test('a verbatim sentence that opens with its own quote mark gets no second one', () => {
  const quoted = { ...reader, facts: [{ text: '“We will keep talking,” Lind told reporters.', paragraphs: [4] }] };
  const root = mount(<EntityCard background={{ ...fromReading, sources: [{ ...fromReading.sources[0]!, entity: quoted }] }} variant="full" />);
  assert.ok(root.querySelector('.bs-facts q')!.classList.contains('bs-q-own'));
  render(null, root);
});

test('a citation of a pack with an address and paragraph texts links to the cited sentence and shows it on focus', async () => {
  const root = mount(<EntityCard background={fromReading} variant="card" />);
  await expand(root);
  const link = root.querySelector<HTMLAnchorElement>('.bs-facts a.bs-cite-link')!;
  assert.equal(link.getAttribute('href'), 'https://example.org/news/lakeside#:~:text=Ana%20Lind%20hosted%20the%20meeting%20at%20the%20resort%20on%20Tuesday');
  assert.equal(link.getAttribute('target'), '_blank');
  assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(text(link), /^¶ 3\s*paragraph 3 of the article, opens the article in a new tab$/);
  // The quote's citation: the sentence holding the quote, found despite its curly quote marks.
  const quoteLink = root.querySelector<HTMLAnchorElement>('.bs-quote a.bs-cite-link')!;
  assert.equal(quoteLink.getAttribute('href'), 'https://example.org/news/lakeside#:~:text=We%20will%20keep%20talking%2C%E2%80%9D%20Lind%20told%20reporters');
  const tip = document.getElementById(quoteLink.getAttribute('aria-describedby')!)!;
  assert.equal(text(tip), '“We will keep talking,” Lind told reporters.');
  assert.ok(tip.hidden, 'hidden until hovered or focused');
  quoteLink.focus();
  await until(() => !tip.hidden, 'shown on focus');
  quoteLink.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }) as unknown as Event);
  await until(() => tip.hidden, 'Esc hides it');
  quoteLink.blur();
  quoteLink.parentElement!.dispatchEvent(new window.Event('pointerenter') as unknown as Event);
  await until(() => !tip.hidden, 'shown on hover after Esc and blur');
  quoteLink.parentElement!.dispatchEvent(new window.Event('pointerleave') as unknown as Event);
  await until(() => tip.hidden, 'hidden when the pointer leaves');
  render(null, root);
});

test('an address without paragraph texts links to the article itself; paragraph texts without an address show the sentence on a button', async () => {
  const linkedOnly: EntityBackground = { ...fromReading, sources: [{ source: { ...readingSource, origin: 'authored' }, entity: reader }] };
  let root = mount(<EntityCard background={linkedOnly} variant="card" />);
  await expand(root);
  assert.equal(root.querySelector('.bs-facts a')?.getAttribute('href'), 'https://example.org/news/lakeside');
  assert.equal(root.querySelectorAll('.bs-tip').length, 0);
  render(null, root);

  const { url: _url, ...noAddress } = readingSource;
  const textOnly: EntityBackground = { ...fromReading, sources: [{ source: noAddress, entity: reader, cited }] };
  root = mount(<EntityCard background={textOnly} variant="card" />);
  await expand(root);
  assert.equal(root.querySelectorAll('.bs-facts a').length, 0);
  const cite = root.querySelector<HTMLButtonElement>('.bs-facts button.bs-cite-button')!;
  const tip = document.getElementById(cite.getAttribute('aria-describedby')!)!;
  assert.equal(text(tip), 'Ana Lind hosted the meeting at the resort on Tuesday.');
  cite.focus();
  await until(() => !tip.hidden, `shown on focus (${cite.getAttribute('aria-describedby')}, ${document.activeElement?.outerHTML})`);
  render(null, root);
});

test('older stories the card did not read are counted: "and N more stories" short, "and N older stories in your reading" expanded', async () => {
  const root = mount(<EntityCard background={{ ...background, olderSources: 238 }} variant="card" onOpenRelated={() => undefined} />);
  assert.equal(text(root.querySelector('.bs-more-stories')), 'and 238 more stories');
  await expand(root);
  assert.equal(text(root.querySelector('.bs-more-stories')), 'and 238 older stories in your reading');
  const one = mount(<EntityCard background={{ ...background, olderSources: 1 }} variant="full" onOpenRelated={() => undefined} />);
  assert.equal(text(one.querySelector('.bs-more-stories')), 'and 1 older story in your reading');
  const none = mount(<EntityCard background={background} variant="card" onOpenRelated={() => undefined} />);
  assert.equal(none.querySelector('.bs-more-stories'), null);
});
