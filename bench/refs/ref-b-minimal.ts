/**
 * Reference B, the bare minimum: one TreeWalker over the body's text nodes that skips excluded
 * subtrees, Backstory's compiled matcher on each text, and splitText + <mark> for each mention.
 * No time slicing, settings, page rules, page watcher or UI: the floor that Backstory's extra
 * layers are compared against. Only the matcher is Backstory's: the walk is the classic one, so
 * this reference does not change when Backstory's own walker does.
 */
import compiled from 'virtual:compiled-matcher';
import { Matcher } from '../../src/match/matcher';
import { DONE_MARK, EXCLUDED_TAGS, MARK_CLASS } from './done';

const matcher = new Matcher(compiled);
const excluded = new Set(EXCLUDED_TAGS.map((t) => t.toUpperCase()));

const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
  acceptNode(node) {
    if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
    const el = node as Element;
    // Foreign content (svg, math) keeps a lower-case tag name; our own marks are never re-entered.
    const editable = el.getAttribute('contenteditable');
    const skip =
      excluded.has(el.tagName.toUpperCase()) || el.classList.contains(MARK_CLASS) || (editable !== null && editable.toLowerCase() !== 'false');
    return skip ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
  },
});

// Collect first, then change the DOM: splitting while walking would move the walker.
const found: { node: Text; start: number; end: number; entity: number }[][] = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const text = n as Text;
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
