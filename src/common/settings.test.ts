import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, parseSettings, withMuted } from './settings';

describe('settings: names not to highlight (mutedEntities)', () => {
  test('default is none; settings stored before the field existed read as none, with nothing to repair', () => {
    assert.deepEqual(defaultSettings().mutedEntities, []);
    const { mutedEntities, ...older } = defaultSettings();
    assert.deepEqual(mutedEntities, []);
    assert.deepEqual(parseSettings(older), { settings: defaultSettings(), repairs: [] });
  });

  test('a good list is kept as it is, in order', () => {
    const parsed = parseSettings({ ...defaultSettings(), mutedEntities: ['wang-yi', 'china'] });
    assert.deepEqual(parsed.settings.mutedEntities, ['wang-yi', 'china']);
    assert.deepEqual(parsed.repairs, []);
  });

  test('bad entries are dropped (and duplicates folded) with a note; the good ones are kept', () => {
    const parsed = parseSettings({ ...defaultSettings(), mutedEntities: ['wang-yi', 7, '', null, 'wang-yi', 'china'] });
    assert.deepEqual(parsed.settings.mutedEntities, ['wang-yi', 'china']);
    assert.deepEqual(parsed.repairs, ['Some entries in the list of names not to highlight were invalid and were dropped.']);
  });

  test('a list that is not a list is emptied with a note, other settings kept', () => {
    const parsed = parseSettings({ ...defaultSettings(), style: 'tint', mutedEntities: 'wang-yi' });
    assert.deepEqual(parsed.settings.mutedEntities, []);
    assert.equal(parsed.settings.style, 'tint');
    assert.deepEqual(parsed.repairs, ['The list of names not to highlight was invalid; every name is highlighted again.']);
  });
});

describe('withMuted', () => {
  test('mutes once, at the end; unmutes; leaves everything else and the input alone', () => {
    const start = { ...defaultSettings(), mutedEntities: ['china'], firstMentionOnly: true };
    const muted = withMuted(start, 'wang-yi', true);
    assert.deepEqual(muted.mutedEntities, ['china', 'wang-yi']);
    assert.equal(muted.firstMentionOnly, true);
    assert.deepEqual(withMuted(muted, 'wang-yi', true).mutedEntities, ['china', 'wang-yi'], 'muting twice keeps one entry');
    assert.deepEqual(withMuted(muted, 'china', false).mutedEntities, ['wang-yi']);
    assert.deepEqual(withMuted(start, 'russia', false).mutedEntities, ['china'], 'unmuting a name that is not muted changes nothing');
    assert.deepEqual(start.mutedEntities, ['china'], 'the input is not changed');
  });
});
