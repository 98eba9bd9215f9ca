/**
 * Reference A, "the common way": mark.js given the list of every alias spelling, one keyword
 * after another (`mark(array)` walks the whole body once per keyword). The aliases come from the
 * same compiled knowledge base as Backstory's, so both look for the same names.
 */
import Mark from 'mark.js';
import compiledModule from 'virtual:compiled-matcher';
import { Matcher } from '../../src/match/matcher';
import { DONE_MARK, EXCLUDED_TAGS, MARK_CLASS } from './done';

const matcher = new Matcher(compiledModule);

// Every spelling that names an entity (never-match phrases and context words are not names).
const entityOf = new Map<string, string>();
for (const { form, entity, never } of matcher.formRules()) {
  if (entity >= 0 && !never) entityOf.set(form, matcher.entityId(entity));
}

new Mark(document.body).mark([...entityOf.keys()], {
  element: 'mark',
  className: MARK_CLASS,
  separateWordSearch: false,
  accuracy: 'exactly',
  caseSensitive: true,
  exclude: [...EXCLUDED_TAGS, `mark.${MARK_CLASS}`],
  each: (el) => {
    (el as HTMLElement).dataset.entityId = entityOf.get(el.textContent ?? '') ?? '';
  },
  done: () => performance.mark(DONE_MARK),
});
