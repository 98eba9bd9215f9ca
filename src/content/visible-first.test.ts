import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleElements } from './visible-first';

/** An IntersectionObserver that reports when told to, as the browser does at a rendering update. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(visible: Set<Element>) {
    this.callback(this.observed.map((target) => ({ target, isIntersecting: visible.has(target) })));
  }
}

const el = (name: string) => ({ name }) as unknown as Element;
const docWith = (visibilityState: string, observer: unknown = FakeObserver) =>
  ({ visibilityState, defaultView: { IntersectionObserver: observer } }) as unknown as Document;

test('the elements the observer reports as intersecting, from its first report; then it stops observing', async () => {
  const [a, b, c] = [el('a'), el('b'), el('c')];
  const pending = visibleElements([a, b, c], docWith('visible'), 10_000);
  const observer = FakeObserver.last!;
  assert.deepEqual(observer.observed, [a, b, c]);
  observer.report(new Set([b]));
  assert.deepEqual([...(await pending)], [b]);
  assert.ok(observer.disconnected);
});

test('a hidden tab, no elements or no IntersectionObserver: nothing is observed, nothing is visible', async () => {
  FakeObserver.last = null;
  assert.equal((await visibleElements([el('a')], docWith('hidden'))).size, 0);
  assert.equal((await visibleElements([], docWith('visible'))).size, 0);
  assert.equal((await visibleElements([el('a')], docWith('visible', null))).size, 0);
  assert.equal(FakeObserver.last, null);
});

test('no report within the wait (a page that is not rendering): nothing is visible, and the observer is let go', async () => {
  const pending = visibleElements([el('a')], docWith('visible'), 5);
  const observer = FakeObserver.last!;
  assert.equal((await pending).size, 0);
  assert.ok(observer.disconnected);
});
