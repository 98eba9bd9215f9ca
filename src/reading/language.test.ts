// Is it English? The declared language, and the share of English function words in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_ENGLISH_SHARE, englishShare, judgeLanguage, languageName, primaryLanguage } from './language';

const ENGLISH = 'The council voted on Tuesday to close the bridge for a year while engineers repair it, and the mayor said that the work could not wait.';
const GERMAN = 'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für ein Jahr zu schließen, während Ingenieure sie reparieren.';

test('English prose is well above the threshold, German well below', () => {
  assert.ok(englishShare(ENGLISH) > 0.35, `English ${englishShare(ENGLISH)}`);
  assert.ok(englishShare(GERMAN) < MIN_ENGLISH_SHARE / 2, `German ${englishShare(GERMAN)}`);
  assert.equal(englishShare(''), 0);
});

test('declared languages: only English passes; undeclared text must read as English', () => {
  assert.deepEqual(judgeLanguage('en-GB', ENGLISH), { ok: true });
  assert.deepEqual(judgeLanguage(undefined, ENGLISH), { ok: true });
  const de = judgeLanguage('de', ENGLISH);
  assert.ok(!de.ok && de.message.startsWith('This page is in German (de).'));
  const undeclared = judgeLanguage(undefined, GERMAN);
  assert.ok(!undeclared.ok && /does not read as English/.test(undeclared.message));
  assert.equal(primaryLanguage('en_US'), 'en');
  assert.equal(languageName('fr'), 'French');
});
