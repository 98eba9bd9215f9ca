/**
 * Reference B, the bare minimum: one TreeWalker over the body's text nodes, Backstory's compiled
 * matcher on each text, and splitText + <mark> for each mention.
 * No time slicing, settings, page rules, page watcher or UI: the floor that Backstory's extra
 * layers are compared against. Only the matcher is Backstory's, so this reference does not change
 * when Backstory's own walker does.
 */
import compiled from 'virtual:compiled-matcher';
import { Matcher } from '../../src/match/matcher';
import { DONE_MARK, EXCLUDED_TAGS, MARK_CLASS } from './done';

const matcher = new Matcher(compiled);
const excluded = new Set(EXCLUDED_TAGS.map((t) => t.toUpperCase()));

// Text nodes only, walked natively with no callback; a text is skipped when its parent element is
// excluded (a <script>, <style>, <textarea>... holds its text directly). Nested cases such as
// <pre><span>text</span></pre> are not caught: the bare minimum, not a correct highlighter.
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const skipped = (parent: Element | null) => !parent || excluded.has(parent.tagName.toUpperCase()) || parent.classList.contains(MARK_CLASS);

// Collect first, then change the DOM: splitting while walking would move the walker.
const found: { node: Text; start: number; end: number; entity: number }[][] = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const text = n as Text;
  if (skipped(text.parentElement)) continue;
  const { mentions } = matcher.scan(text.data);
  if (mentions.length > 0) found.push(mentions.map((m) => ({ node: text, start: m.start, end: m.end, entity: m.entity })));
}

for (const mentions of found) {
  // From the last mention back, so the earlier offsets stay valid.
  for (let i = mentions.length - 1; i >= 0; i--) {
    const { node, start, end, entity } = mentions[i]!;
    node.splitText(end);
    const name = node.splitText(start);
    const mark = document.createElement('mark');
    mark.className = MARK_CLASS;
    mark.dataset.entityId = matcher.entityId(entity);
    name.replaceWith(mark);
    mark.appendChild(name);
  }
}
performance.mark(DONE_MARK);
