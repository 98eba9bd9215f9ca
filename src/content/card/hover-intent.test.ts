import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialIntent, nextIntent, type IntentEvent, type IntentState } from './hover-intent';

const run = (events: IntentEvent<string>[], from: IntentState<string> = initialIntent()) =>
  events.reduce((s, e) => nextIntent(s, e), from);

test('hover opens only after the dwell', () => {
  const s = run([{ type: 'enter-mark', mark: 'a' }]);
  assert.equal(s.open, null);
  assert.equal(s.timer, 'dwell');
  assert.equal(run([{ type: 'dwell-elapsed' }], s).open, 'a');
});

test('passing over a name opens nothing', () => {
  const s = run([{ type: 'enter-mark', mark: 'a' }, { type: 'leave-mark' }, { type: 'dwell-elapsed' }]);
  assert.equal(s.open, null);
  assert.equal(s.timer, null);
});

test('leaving the name starts the grace period; reaching the card keeps it open', () => {
  let s = run([{ type: 'enter-mark', mark: 'a' }, { type: 'dwell-elapsed' }, { type: 'leave-mark' }]);
  assert.equal(s.open, 'a');
  assert.equal(s.timer, 'grace');
  s = run([{ type: 'enter-card' }, { type: 'grace-elapsed' }], s);
  assert.equal(s.open, 'a', 'hoverable: the card stays while hovered');
  s = run([{ type: 'leave-card' }], s);
  assert.equal(s.timer, 'grace');
  assert.equal(run([{ type: 'grace-elapsed' }], s).open, null);
});

test('coming back to the name within the grace keeps the card', () => {
  const s = run([
    { type: 'enter-mark', mark: 'a' },
    { type: 'dwell-elapsed' },
    { type: 'leave-mark' },
    { type: 'enter-mark', mark: 'a' },
    { type: 'grace-elapsed' },
  ]);
  assert.equal(s.open, 'a');
  assert.equal(s.timer, null);
});

test('focus opens at once and blur closes', () => {
  let s = run([{ type: 'focus', mark: 'a' }]);
  assert.equal(s.open, 'a');
  s = run([{ type: 'blur' }], s);
  assert.equal(s.open, null);
});

test('focus moving into the card keeps it open', () => {
  const s = run([{ type: 'focus', mark: 'a' }, { type: 'focus-card' }]);
  assert.equal(s.open, 'a');
  assert.equal(s.focused, true);
});

test('a focused card does not close when the pointer leaves', () => {
  const s = run([{ type: 'command', mark: 'a' }, { type: 'enter-card' }, { type: 'leave-card' }, { type: 'grace-elapsed' }]);
  assert.equal(s.open, 'a');
});

test('blur does not close a card the pointer is holding', () => {
  const s = run([{ type: 'focus', mark: 'a' }, { type: 'enter-card' }, { type: 'blur' }]);
  assert.equal(s.open, 'a');
});

test('dismiss (Esc, scrolled away) closes whatever holds the card', () => {
  const s = run([{ type: 'focus', mark: 'a' }, { type: 'enter-card' }, { type: 'dismiss' }]);
  assert.equal(s.open, null);
  assert.equal(s.timer, null);
});

test('hovering another name while a card is open swaps after the dwell', () => {
  let s = run([{ type: 'enter-mark', mark: 'a' }, { type: 'dwell-elapsed' }, { type: 'leave-mark' }, { type: 'enter-mark', mark: 'b' }]);
  assert.equal(s.open, 'a');
  assert.equal(s.timer, 'dwell');
  s = run([{ type: 'dwell-elapsed' }], s);
  assert.equal(s.open, 'b');
});

test('stale timers are ignored', () => {
  const s = run([{ type: 'focus', mark: 'a' }, { type: 'grace-elapsed' }, { type: 'dwell-elapsed' }]);
  assert.equal(s.open, 'a');
});

test('a tap opens the card at once, with no dwell, and a tap elsewhere (dismiss) closes it', () => {
  let s = run([{ type: 'tap', mark: 'a' }]);
  assert.equal(s.open, 'a');
  assert.equal(s.timer, null);
  s = run([{ type: 'grace-elapsed' }, { type: 'dwell-elapsed' }], s);
  assert.equal(s.open, 'a', 'no timer closes a tapped card');
  s = run([{ type: 'dismiss' }], s);
  assert.equal(s.open, null);
});

test('a tap on another name moves the card to it', () => {
  const s = run([{ type: 'tap', mark: 'a' }, { type: 'tap', mark: 'b' }]);
  assert.equal(s.open, 'b');
});
