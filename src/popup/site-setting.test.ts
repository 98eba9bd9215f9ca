import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, isSiteEnabled } from '../common/settings';
import { normaliseSite, withSiteEnabled } from './site-setting';

test('switching a site off and on again', () => {
  const off = withSiteEnabled(defaultSettings(), 'News.Example.com', false);
  assert.deepEqual(off.disabledSites, ['news.example.com']);
  assert.equal(isSiteEnabled(off, 'news.example.com'), false);
  const on = withSiteEnabled(off, 'news.example.com', true);
  assert.deepEqual(on.disabledSites, []);
});

test('turning a site on removes a parent domain that covers it', () => {
  const s = { ...defaultSettings(), disabledSites: ['example.com', 'other.org'] };
  assert.deepEqual(withSiteEnabled(s, 'news.example.com', true).disabledSites, ['other.org']);
});

test('no change gives the same settings back', () => {
  const s = defaultSettings();
  assert.equal(withSiteEnabled(s, 'a.com', true), s);
});

test('normaliseSite accepts hostnames and URLs', () => {
  assert.equal(normaliseSite(' https://www.Example.com/path?q=1 '), 'example.com');
  assert.equal(normaliseSite('news.example.com/'), 'news.example.com');
  assert.equal(normaliseSite('127.0.0.1:8080'), '127.0.0.1');
  assert.equal(normaliseSite(''), null);
  assert.equal(normaliseSite('not a site'), null);
});
