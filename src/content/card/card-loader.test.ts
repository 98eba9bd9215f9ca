import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Window } from 'happy-dom';
import { installDom } from '../../../test/unit/dom-env';
import { lazyHoverCard } from './card-loader';
import type { CardApi, HoverCard } from './hover-card';
import { UNLOADED_SNAPSHOT } from './test-hook';

let win: Window;
beforeEach(() => {
  win = installDom('<!doctype html><html><body><p><a href="/next">the <mark class="backstory-mark" data-entity-id="china">China</mark> page</a></p></body></html>');
  (globalThis as Record<string, unknown>).Element = win.Element;
});
afterEach(async () => {
  await win.happyDOM.close();
});

const api: CardApi = { send: () => Promise.resolve(undefined), storageEvents: { addListener: () => undefined, removeListener: () => undefined } };

/** A card module whose import ends when the test says, recording what the loader hands to the card. */
function slowModule() {
  const given: { pointerType?: string; tapped: HTMLElement[] } = { tapped: [] };
  let finish!: () => void;
  const loaded = new Promise<void>((resolve) => (finish = resolve));
  const card: HoverCard = {
    openFor: () => undefined,
    hover: () => undefined,
    tap: (mark) => given.tapped.push(mark),
    close: () => undefined,
    announce: () => undefined,
    snapshot: () => UNLOADED_SNAPSHOT,
  };
  const load = () =>
    loaded.then(() => ({
      initHoverCard: (_signal: AbortSignal, _api: CardApi, pointerType: string) => {
        given.pointerType = pointerType;
        return card;
      },
    }));
  return { given, finish, load };
}

const pointerDown = (target: Element, pointerType: string) =>
  target.dispatchEvent(new win.PointerEvent('pointerdown', { pointerType, bubbles: true, composed: true }) as unknown as Event);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a touch that comes down while card.js loads is handed to the card, whose listeners then get its click (a tap)', async () => {
  const { given, finish, load } = slowModule();
  const controller = new AbortController();
  lazyHoverCard(controller.signal, api, load);
  const mark = document.querySelector('mark')!;
  pointerDown(mark, 'touch');
  // The module arrives between the touch's pointerdown and its click.
  finish();
  await settle();
  assert.equal(given.pointerType, 'touch');
  // The loader's own listeners are gone: the click is the card's to handle, not the loader's.
  const click = new win.MouseEvent('click', { bubbles: true, cancelable: true }) as unknown as Event;
  mark.dispatchEvent(click);
  assert.equal(click.defaultPrevented, false);
  assert.deepEqual(given.tapped, []);
  controller.abort();
});

test('a tap completed before card.js loads is prevented in a link and replayed to the card', async () => {
  const { given, finish, load } = slowModule();
  const controller = new AbortController();
  lazyHoverCard(controller.signal, api, load);
  const mark = document.querySelector('mark')!;
  pointerDown(mark, 'touch');
  const click = new win.MouseEvent('click', { bubbles: true, cancelable: true }) as unknown as Event;
  mark.dispatchEvent(click);
  assert.equal(click.defaultPrevented, true, 'the first tap on a name in a link does not follow it');
  finish();
  await settle();
  assert.deepEqual(given.tapped, [mark]);
  assert.equal(given.pointerType, 'touch');
  controller.abort();
});

test('a mouse press hands over a mouse, not a touch', async () => {
  const { given, finish, load } = slowModule();
  const controller = new AbortController();
  lazyHoverCard(controller.signal, api, load);
  pointerDown(document.querySelector('mark')!, 'mouse');
  finish();
  await settle();
  assert.equal(given.pointerType, 'mouse');
  controller.abort();
});
