/**
 * Wraps mentions in <mark> elements with mark.js and remembers how, so that any highlight can be
 * taken back exactly: the page's own text node keeps its identity and gets its text back.
 *
 * How a text node T is highlighted: T is split at each mention (pieces made from one read of its
 * text, so a 5 MB text node stays linear), then mark.js wraps the mention at the start of each
 * piece, MARKJS_CHUNK pieces per markRanges call, within one step of a WrapJob. T itself stays
 * first in the DOM holding the text before the first mention (possibly empty), so page code that
 * holds T (React, Preact, Vue) still holds the start of its text; everything after T that came
 * from it is a "part" of T.
 *
 * mark.js itself is handed in by the caller (`begin`): content.js loads it only on a page with
 * something to mark (src/content/marker.ts).
 */
import type Mark from 'mark.js';
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

/**
 * Pieces per mark.js call, and the least work of one step of a WrapJob. mark.js's markRanges
 * compares every range with every piece it was given (quadratic), and a mark costs 0.1 to 0.3 ms
 * in a content script; per mark, chunks of 16 and 32 cost the same (1,000 marks in Chromium,
 * chunks of 1 to 32), and 16 keep a step of ordinary paragraphs to a few milliseconds.
 */
export const MARKJS_CHUNK = 16;

interface Piece {
  text: Text;
  length: number;
  origin: Text;
  highlight: Highlight;
  entityId: string;
}

/**
 * Highlights under way, made a few nodes at a time: `step()` splits and marks the next text nodes
 * (MARKJS_CHUNK mentions or more) and returns the marks it made, so the caller can give the page
 * a turn between steps. `stale` lists the nodes whose text the page changed after they were
 * scanned: they were left alone, to be scanned again.
 */
export interface WrapJob {
  readonly done: boolean;
  readonly stale: Text[];
  step(): HTMLElement[];
}

/** mark.js's constructor. */
export type MarkJs = typeof Mark;

/** A text node to highlight: its mentions, found in `text`, which it must still hold. */
export interface WrapItem {
  node: Text;
  text: string;
  mentions: MentionRange[];
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
   * The job that highlights these text nodes, in this order. `decorate` sets a mark's attributes.
   * Nodes already highlighted, no longer in the page, or whose text changed are left alone.
   */
  begin(items: WrapItem[], decorate: (mark: HTMLElement, entityId: string) => void, markJs: MarkJs): WrapJob {
    const stale: Text[] = [];
    let next = 0;
    return {
      stale,
      get done() {
        return next >= items.length;
      },
      step: () => {
        // Whole nodes, at least a chunk's worth of mentions: each change to a text node makes the
        // browser lay out its paragraph again (seconds for a 5 MB text), so a node is split and
        // marked in one task, never left half done over a turn of the page.
        const pieces: Piece[] = [];
        while (pieces.length < MARKJS_CHUNK && next < items.length) {
          const item = items[next++]!;
          if (item.node.isConnected && item.node.data !== item.text) stale.push(item.node);
          else pieces.push(...this.split(item));
        }
        const marks: HTMLElement[] = [];
        for (let i = 0; i < pieces.length; i += MARKJS_CHUNK) marks.push(...this.markPieces(pieces.slice(i, i + MARKJS_CHUNK), decorate, markJs));
        return marks;
      },
    };
  }

  /** Splits T at each mention, keeping T first with the text before the first one; returns the pieces. */
  private split({ node, mentions }: WrapItem): Piece[] {
    if (mentions.length === 0 || !node.isConnected || this.byOrigin.has(node) || this.originOfPart.has(node)) return [];
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
    this.byOrigin.set(node, highlight);
    return sorted.map((m, i) => {
      const piece = nodePieces[i]!;
      highlight.parts.push(piece);
      this.originOfPart.set(piece, node);
      return { text: piece, length: m.end - m.start, origin: node, highlight, entityId: m.entityId };
    });
  }

  /** Wraps the mention at the start of each piece with one mark.js call. */
  private markPieces(chunk: Piece[], decorate: (mark: HTMLElement, entityId: string) => void, Mark: MarkJs): HTMLElement[] {
    if (chunk.length === 0) return [];
    const marks: HTMLElement[] = [];
    // Ranges hold an index, not the piece: mark.js writes every range into a JSON.stringify'd log
    // line (even with logging off), and a piece leads to its node's whole text: 5 MB per range.
    const ranges: { start: number; length: number; index: number }[] = [];
    let offset = 0;
    chunk.forEach((piece, index) => {
      ranges.push({ start: offset, length: piece.length, index });
      offset += piece.text.data.length;
    });
    const each = (el: Element, range: unknown) => {
      const piece = chunk[(range as (typeof ranges)[number]).index]!;
      const mark = el as HTMLElement;
      // mark.js split the piece around the mention: the mark and the text after it are T's too.
      for (const part of [mark, mark.nextSibling]) {
        if (!part) continue;
        piece.highlight.parts.push(part);
        this.originOfPart.set(part, piece.origin);
      }
      mark.removeAttribute('data-markjs');
      decorate(mark, piece.entityId);
      marks.push(mark);
    };
    // mark.js accepts any nodes as its context; given the pieces, it visits only them (given
    // their parents, it would walk whole paragraphs, and a 5 MB text node once per range).
    new Mark(chunk.map((p) => p.text) as unknown as HTMLElement[]).markRanges(ranges, { element: 'mark', className: MARK_CLASS, each });
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
