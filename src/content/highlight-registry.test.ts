import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Window } from 'happy-dom';
import { installDom } from '../../test/unit/dom-env';
import Mark from 'mark.js';
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
  test('a step splits and marks whole nodes, at least a chunk of mentions; the text stays', () => {
    const first = paragraph(MARKJS_CHUNK - 6);
    const second = paragraph(3 * MARKJS_CHUNK + 4);
    const third = paragraph(MARKJS_CHUNK);
    const text = document.body.textContent;
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second, third], decorate, Mark);
    assert.equal(first.node.parentElement!.childNodes.length, 1, 'begin changes nothing yet');
    const perStep: number[] = [];
    while (!job.done) {
      perStep.push(job.step().length);
      assert.equal(document.body.textContent, text);
    }
    assert.deepEqual(perStep, [4 * MARKJS_CHUNK - 2, MARKJS_CHUNK], 'the second paragraph is never left half marked');
    assert.equal(markCount(), 5 * MARKJS_CHUNK - 2);
    assert.ok([first, second, third].every((i) => registry.isOrigin(i.node)));
  });

  test('restoreAll between steps puts back every node split so far; later steps go on with the rest', () => {
    const first = paragraph(MARKJS_CHUNK);
    const second = paragraph(3);
    const html = document.body.innerHTML;
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second], decorate, Mark);
    job.step();
    assert.equal(markCount(), MARKJS_CHUNK);
    assert.equal(second.node.parentElement!.childNodes.length, 1, 'the second is not split yet');
    registry.restoreAll(document);
    assert.equal(document.body.innerHTML, html);
    assert.equal(first.node.parentElement!.childNodes.length, 1);
    assert.equal(first.node.parentElement!.firstChild, first.node, "the page's own text node stays");
    assert.equal(job.step().length, 3);
    registry.restoreAll(document);
    assert.equal(document.body.innerHTML, html);
  });

  test('a node whose text the page changed after the scan is left alone and reported stale', () => {
    const first = paragraph(MARKJS_CHUNK);
    const second = paragraph(2);
    const third = paragraph(2);
    third.node.data = 'China, said the page first.';
    const registry = new HighlightRegistry();
    const job = registry.begin([first, second, third], decorate, Mark);
    job.step();
    // The page changes the second paragraph between two steps.
    second.node.data = 'China, said the page.';
    while (!job.done) job.step();
    assert.equal(markCount(), MARKJS_CHUNK);
    assert.deepEqual(job.stale, [second.node, third.node]);
    assert.equal(second.node.parentElement!.innerHTML, 'China, said the page.');
    assert.equal(third.node.parentElement!.innerHTML, 'China, said the page first.');
  });
});
