import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { CARD_HEADING_ID, CardView } from './CardView';
import type { EntityBackground } from '../../common/messages';
import type { Entity } from '../../kb/types';

const window = new Window();
globalThis.document = window.document as unknown as Document;

const entity = (id: string, name: string): Entity => ({
  id,
  name,
  type: 'person',
  description: `${name} is someone`,
  role: `${name}'s role.`,
  facts: [],
  quotes: [],
  related: [],
  aliases: [],
});
const backgrounds: Record<string, EntityBackground> = {
  a: { entity: entity('a', 'Alice'), source: { id: 'p', outlet: 'O', headline: 'H' }, sources: [{ source: { id: 'p', outlet: 'O', headline: 'H' }, entity: entity('a', 'Alice') }], related: [{ id: 'b', name: 'Bob', type: 'person', how: 'met' }], speakers: {} },
  b: { entity: entity('b', 'Bob'), source: { id: 'p', outlet: 'O', headline: 'H' }, sources: [{ source: { id: 'p', outlet: 'O', headline: 'H' }, entity: entity('b', 'Bob') }], related: [], speakers: {} },
};

async function until(pred: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`not seen: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Clicks "More" (related names and "Full background" are behind it) and waits for the details. */
async function expand(root: HTMLElement): Promise<void> {
  const more = root.querySelector<HTMLButtonElement>('.bs-more-toggle');
  assert.ok(more, 'a More button');
  assert.equal(more.getAttribute('aria-expanded'), 'false');
  more.click();
  await until(() => more.getAttribute('aria-expanded') === 'true' && !!root.querySelector('.bs-related button'), 'expanded');
}

test('related names open in the same card; Back returns; the shown entity is reported', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  const shown: string[] = [];
  const full: string[] = [];
  const muted: string[] = [];
  let closed = 0;
  const fetchEntity = async (id: string) => backgrounds[id] ?? null;
  render(
    <CardView
      rootId="a"
      fetchEntity={fetchEntity}
      onFullBackground={(id) => full.push(id)}
      onMute={(id, name) => muted.push(`${id}:${name}`)}
      onClose={() => closed++}
      onShow={(id) => shown.push(id)}
    />,
    root,
  );
  const heading = () => root.querySelector(`#${CARD_HEADING_ID}`)?.textContent ?? '';
  await until(() => heading() === 'Alice', 'Alice');
  assert.equal(root.querySelector('.bs-back'), null, 'no Back at the root');
  await expand(root);

  root.querySelector<HTMLButtonElement>('.bs-related button')!.click();
  await until(() => heading() === 'Bob', 'Bob');
  const back = root.querySelector<HTMLButtonElement>('.bs-back');
  assert.ok(back?.textContent?.includes('Back to Alice'));
  await until(() => root.ownerDocument.activeElement?.id === CARD_HEADING_ID, 'focus follows to the new heading');

  back!.click();
  await until(() => heading() === 'Alice', 'back to Alice');
  // Each entity's card starts short again.
  await expand(root);
  await until(() => shown.join() === 'a,b,a', `shown ${shown.join()}`);

  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Full background')!.click();
  assert.deepEqual(full, ['a']);
  root.querySelector<HTMLButtonElement>('.bs-mute')!.click();
  assert.deepEqual(muted, ['a:Alice']);
  root.querySelector<HTMLButtonElement>('.bs-close')!.click();
  assert.equal(closed, 1);
  render(null, root);
});

test('an unknown id says so instead of failing', async () => {
  const root = document.createElement('div');
  render(
    <CardView rootId="zz" fetchEntity={async () => null} onFullBackground={() => undefined} onMute={() => undefined} onClose={() => undefined} onShow={() => undefined} />,
    root,
  );
  await until(() => (root.textContent ?? '').includes('No background for this name.'), 'message');
  render(null, root);
});
