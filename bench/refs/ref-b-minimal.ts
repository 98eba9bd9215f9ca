/**
 * Reference B, the bare minimum: one pass of a TreeWalker over the body's text nodes (with
 * Backstory's own exclusion filter), Backstory's compiled matcher on each text, and splitText +
 * <mark> for each mention. No time slicing, settings, page rules, page watcher or UI: the floor
 * that Backstory's extra layers are compared against.
 */
import compiled from 'virtual:compiled-matcher';
import { Matcher } from '../../src/match/matcher';
import { textWalker } from '../../src/content/exclusions';
import { DONE_MARK, MARK_CLASS } from './done';

const matcher = new Matcher(compiled);

// Collect first, then change the DOM: splitting while walking would move the walker.
const found: { node: Text; start: number; end: number; entity: number }[][] = [];
const walker = textWalker(document.body);
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
