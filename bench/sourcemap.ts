/**
 * Maps a position in a minified bundle back to its source file and line with the bundle's source
 * map, so profile hotspots name src/content/highlighter.ts:142 instead of content.js:0:48714.
 */
import { readFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Segment {
  col: number;
  source: number;
  line: number;
}

export interface SourcePosition {
  source: string;
  /** 1-based. */
  line: number;
}

/** Decodes the "mappings" of a version-3 source map into segments per generated line. */
function decode(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let col = 0;
  for (const text of mappings.split(';')) {
    const segs: Segment[] = [];
    col = 0;
    for (const seg of text.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1]!;
        line += values[2]!;
        segs.push({ col, source, line });
      }
    }
    lines.push(segs);
  }
  return lines;
}

/** A lookup function for one bundle's map, or one that returns null when there is no map. */
export function sourceMapper(mapFile: string): (line: number, column: number) => SourcePosition | null {
  let map: { sources: string[]; mappings: string };
  try {
    map = JSON.parse(readFileSync(mapFile, 'utf8')) as typeof map;
  } catch {
    return () => null;
  }
  const lines = decode(map.mappings);
  return (line, column) => {
    const segs = lines[line];
    if (!segs || segs.length === 0) return null;
    // The last segment that starts at or before the column.
    let lo = 0;
    let hi = segs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.col <= column) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const seg = segs[best];
    if (!seg) return null;
    return { source: (map.sources[seg.source] ?? '?').replace(/^(\.\.\/)+/, ''), line: seg.line + 1 };
  };
}
