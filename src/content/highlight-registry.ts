/**
 * Wraps mentions in <mark> elements with mark.js and remembers how, so that any highlight can be
 * taken back exactly: the page's own text node keeps its identity and gets its text back.
 *
 * How a text node T is highlighted: T is split at each mention (pieces made from one read of its
 * text, so a 5 MB text node stays linear), and mark.js wraps the mentions of the pieces of a
 * batch, a few dozen pieces per markRanges call. T itself stays first in the DOM holding the text
 * before the first mention (possibly empty), so page code that holds T (React, Preact, Vue) still
 * holds the start of its text; everything after T that came from it is a "part" of T.
 */
import Mark from 'mark.js';
import { MARK_CLASS } from './exclusions';

export interface MentionRange {
  start: number;
  end: number;
  entityId: string;
}

interface Highlight {
  /** T's text before highlighting. */
  original: string;
  /** Nodes made from T, in document order after T: pieces, marks, remainders. */
  parts: Node[];
}

/** Pieces per mark.js call (its markRanges is quadratic in the pieces it is given). */
const MARKJS_CHUNK = 32;

interface PieceRange {
  start: number;
  length: number;
  origin: Text;
  entityId: string;
}

export class HighlightRegistry {
  private readonly byOrigin = new WeakMap<Text, Highlight>();
  private readonly originOfPart = new WeakMap<Node, Text>();

  /** Whether this text node is one the registry split (the page's own node). */
  isOrigin(node: Node): node is Text {
    return this.byOrigin.has(node as Text);
  }

  /** The page's text node a node was made from, if it was. */
  originOf(node: Node): Text | undefined {
    return this.originOfPart.get(node);
  }

  /**
   * Highlights the mentions of each text node; returns the marks made, in document order.
   * `decorate` sets a mark's attributes. Nodes already highlighted or no longer in the page are
   * left alone.
   */
  wrap(items: { node: Text; mentions: MentionRange[] }[], decorate: (mark: HTMLElement, entityId: string) => void): HTMLElement[] {
    const pieces: Text[] = [];
    const ranges: PieceRange[] = [];
    let offset = 0;
    for (const { node, mentions } of items) {
      if (mentions.length === 0 || !node.isConnected || this.byOrigin.has(node) || this.originOfPart.has(node)) continue;
      const highlight: Highlight = { original: node.data, parts: [] };
      const sorted = [...mentions].sort((a, b) => a.start - b.start);
      // The pieces are made from one read of the text and T is shortened once: splitText from
      // the end copied T's remaining prefix at every split (Blink copies on truncation), half a
      // second for 5,000 mentions in one 5 MB text node. Same DOM as splitting at each mention.
      const text = node.data;
      const doc = node.ownerDocument;
      const nodePieces = sorted.map((m, i) => doc.createTextNode(text.slice(m.start, sorted[i + 1]?.start ?? text.length)));
      const fragment = doc.createDocumentFragment();
      fragment.append(...nodePieces);
      node.parentNode!.insertBefore(fragment, node.nextSibling);
      node.data = text.slice(0, sorted[0]!.start);
      sorted.forEach((m, i) => {
        const piece = nodePieces[i]!;
        highlight.parts.push(piece);
        this.originOfPart.set(piece, node);
        pieces.push(piece);
        ranges.push({ start: offset, length: m.end - m.start, origin: node, entityId: m.entityId });
        offset += piece.data.length;
      });
      this.byOrigin.set(node, highlight);
    }
    if (pieces.length === 0) return [];
    const marks: HTMLElement[] = [];
    const each = (el: Element, range: unknown) => {
      const { origin, entityId } = range as PieceRange;
      const mark = el as HTMLElement;
      const highlight = this.byOrigin.get(origin)!;
      // mark.js split the piece around the mention: the mark and the text after it are T's too.
      for (const part of [mark, mark.nextSibling]) {
        if (!part) continue;
        highlight.parts.push(part);
        this.originOfPart.set(part, origin);
      }
      mark.removeAttribute('data-markjs');
      decorate(mark, entityId);
      marks.push(mark);
    };
    // mark.js accepts any nodes as its context; given the pieces, it visits only them. Its
    // markRanges walks every context text node for every range (quadratic): one text node with
    // 5,000 mentions took 18 s in one task (the 5 MB page in test/e2e/huge-pages.test.ts).
    // Chunks of MARKJS_CHUNK pieces keep each call small; offsets restart in every chunk.
    for (let from = 0; from < pieces.length; from += MARKJS_CHUNK) {
      const chunk = pieces.slice(from, from + MARKJS_CHUNK);
      const base = ranges[from]!.start;
      const chunkRanges = ranges.slice(from, from + MARKJS_CHUNK).map((r) => ({ ...r, start: r.start - base }));
      new Mark(chunk as unknown as HTMLElement[]).markRanges(chunkRanges, { element: 'mark', className: MARK_CLASS, each });
    }
    return marks;
  }

  /** Takes a highlight back: T gets its text again and every node made from it goes. */
  restore(origin: Text): void {
    const highlight = this.byOrigin.get(origin);
    if (!highlight) return;
    origin.data = highlight.original;
    this.discard(origin);
  }

  /** The page changed or removed T: drop the nodes made from it, leave T as the page left it. */
  discard(origin: Text): void {
    const highlight = this.byOrigin.get(origin);
    if (!highlight) return;
    for (const part of highlight.parts) {
      part.parentNode?.removeChild(part);
      this.originOfPart.delete(part);
    }
    this.byOrigin.delete(origin);
  }

  /** Takes back every highlight under `root`, and unwraps marks left by an earlier instance. */
  restoreAll(root: ParentNode): void {
    for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
      const origin = this.originOfPart.get(mark);
      if (origin) this.restore(origin);
      else if (mark.isConnected) unwrapStale(mark);
    }
  }
}

/**
 * A mark this instance did not make (an earlier instance of the extension was unloaded before it
 * could clean up): put its text back into the neighbouring text nodes it was split from.
 */
function unwrapStale(mark: Element): void {
  const text = mark.textContent ?? '';
  const prev = mark.previousSibling;
  const next = mark.nextSibling;
  if (prev?.nodeType === Node.TEXT_NODE) {
    const p = prev as Text;
    p.data += text;
    if (next?.nodeType === Node.TEXT_NODE) {
      p.data += (next as Text).data;
      next.parentNode?.removeChild(next);
    }
    mark.remove();
  } else {
    mark.replaceWith(mark.ownerDocument.createTextNode(text));
  }
}
