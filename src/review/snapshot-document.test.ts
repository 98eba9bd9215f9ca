import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from '../../test/unit/dom-env';
import { snapshotDocument } from './snapshot-document';

installDom();

test('the snapshot document drops Backstory’s marks and card, and keeps the page’s text and markup', () => {
  const html =
    '<html lang="en"><head><title>T</title></head><body><article><p>Antony <mark class="backstory-mark" data-entity-id="x">Blinken</mark> met <em>Wang</em>.</p>' +
    '<mark>page mark</mark></article><div data-backstory-card="closed"></div><div data-backstory-ui=""></div></body></html>';
  const doc = snapshotDocument({ html, url: 'https://example.org/a', contentType: 'text/html' });
  const p = doc.querySelector('article p')!;
  assert.equal(p.textContent, 'Antony Blinken met Wang.');
  assert.equal(p.firstChild?.nodeValue, 'Antony Blinken met ', 'split text is joined again');
  assert.equal(doc.querySelectorAll('mark.backstory-mark').length, 0);
  assert.equal(doc.querySelectorAll('mark').length, 1, 'the page’s own marks stay');
  assert.equal(doc.querySelector('[data-backstory-card], [data-backstory-ui]'), null);
  assert.equal(doc.documentElement.lang, 'en');
});
