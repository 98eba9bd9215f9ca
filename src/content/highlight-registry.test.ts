import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Window } from 'happy-dom';
import { installDom } from '../../test/unit/dom-env';
import { HighlightRegistry, MARKJS_CHUNK, type MentionRange, type WrapItem } from './highlight-registry';

let win: Window;
beforeEach(() => {
  win = installDom();
});
afterEach(async () => {
  await win.happyDOM.close();
});

/** A paragraph saying "China" `count` times, and the mentions of it. */
function paragraph(count: number): WrapItem {
  const p = document.createElement('p');
  p.textContent = Array.from({ length: count }, (_, i) => `Item ${i}: China.`).join(' ');
  document.body.append(p);
  const node = p.firstChild as Text;
  const mentions: MentionRange[] = [];
  for (let at = node.data.indexOf('China'); at >= 0; at = node.data.indexOf('China', at + 1)) {
    mentions.push({ start: at, end: at + 5, entityId: 'china' });
  }
  return { node, text: node.data, mentions };
}

const decorate = (mark: HTMLElement, id: string) => {
  mark.dataset.entityId = id;
};
const markCount = () => document.querySelectorAll('mark[data-entity-id]').length;

describe('HighlightRegistry jobs', () => {
  test('a job wraps a chunk per step, keeps the text, and ends with every mention marked', () => {
    const item = paragraph(3 * MARKJS_CHUNK + 4);
    const text = document.body.textContent;
    const registry = new HighlightRegistry();
    const job = registry.begin([item], decorate);
    assert.equal(item.node.parentElement!.childNodes.length, 1, 'begin changes nothing yet');
    const perStep: number[] = [];
    while (!job.done) perStep.push(job.step().length);
    assert.deepEqual(perStep, [MARKJS_CHUNK, MARKJS_CHUNK, MARKJS_CHUNK, 4]);
    assert.equal(markCount(), 3 * MARKJS_CHUNK + 4);
    assert.equal(document.body.textContent, text);
    assert.ok(registry.isOrigin(item.node));
  });

  test('restoreAll in the middle of a job puts back every node it split; later steps skip their pieces', () => {
    const first = paragraph(MARKJS_CHUNK - 6);
    const second = paragraph(2 * MARKJS_CHUNK);
    const third = paragraph(3);
    const html = document.body.innerHTML;
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second, third], decorate);
    job.step();
    assert.equal(markCount(), MARKJS_CHUNK, 'one chunk: all of the first paragraph, part of the second');
    assert.equal(third.node.parentElement!.childNodes.length, 1, 'the third is not split yet');
    registry.restoreAll(document);
    assert.equal(document.body.innerHTML, html);
    for (const { node } of [first, second]) {
      assert.equal(node.parentElement!.childNodes.length, 1);
      assert.equal(node.parentElement!.firstChild, node, "the page's own text node stays");
    }
    const later: HTMLElement[] = [];
    while (!job.done) later.push(...job.step());
    assert.equal(later.length, 3, 'the later steps mark only the third paragraph');
    assert.ok(later.every((m) => m.parentElement === third.node.parentElement));
    assert.equal(second.node.parentElement!.childNodes.length, 1, 'the second stays as the page had it');
    registry.restoreAll(document);
    assert.equal(document.body.innerHTML, html);
  });

  test('a node whose text the page changed after the scan is left alone and reported stale', () => {
    const first = paragraph(2);
    const second = paragraph(2);
    second.node.data = 'China, said the page.';
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second], decorate);
    while (!job.done) job.step();
    assert.equal(markCount(), 2);
    assert.deepEqual(job.stale, [second.node]);
    assert.equal(second.node.parentElement!.innerHTML, 'China, said the page.');
  });

  test('pieces of a node the page changed mid-job are skipped; the other nodes still get marked', () => {
    const first = paragraph(40);
    const second = paragraph(3);
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second], decorate);
    job.step();
    // What the page watcher does when page code sets the text of a node it owns.
    first.node.data = 'Replaced by the page.';
    registry.discard(first.node);
    let made = 0;
    while (!job.done) made += job.step().length;
    assert.equal(made, 3, 'only the second paragraph is left to mark');
    assert.equal(first.node.parentElement!.textContent, 'Replaced by the page.');
    assert.deepEqual(
      Array.from(second.node.parentElement!.querySelectorAll('mark')).map((m) => m.textContent),
      ['China', 'China', 'China'],
    );
  });
});
