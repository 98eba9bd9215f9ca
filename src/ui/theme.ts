/**
 * Light or dark: the card follows the page it sits on. Pure colour maths (no DOM) so it can be
 * tested; the caller collects the computed background colours from the mark outwards.
 */
export type Theme = 'light' | 'dark';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Below this relative luminance a background reads as dark (mid-grey #777 is about 0.18). */
export const DARK_LUMINANCE_THRESHOLD = 0.18;

/** Parses the colours getComputedStyle returns: rgb(), rgba(), the "transparent" keyword, #hex. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!;
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16), a: 1 };
  }
  const fn = /^rgba?\(\s*([^)]*)\)$/.exec(v);
  if (!fn) return null;
  // Both "rgb(1, 2, 3)" / "rgba(1, 2, 3, 0.5)" and the modern "rgb(1 2 3 / 50%)".
  const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const channel = (s: string) => (s.endsWith('%') ? (parseFloat(s) * 255) / 100 : parseFloat(s));
  const alpha = (s: string | undefined) => (s === undefined ? 1 : s.endsWith('%') ? parseFloat(s) / 100 : parseFloat(s));
  const [r, g, b, a] = [channel(parts[0]!), channel(parts[1]!), channel(parts[2]!), alpha(parts[3])];
  if ([r, g, b, a].some((n) => Number.isNaN(n))) return null;
  return { r, g, b, a };
}

/** WCAG relative luminance of an opaque colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The theme for a page whose background colours, innermost first (the mark's, its parent's, …,
 * body's, html's), are `layers`. Translucent layers are composited over what lies beneath; when
 * every layer is transparent the browser's canvas shows, which follows `prefersDark`.
 */
export function themeFor(layers: string[], prefersDark: boolean): Theme {
  const parsed = layers.map(parseColor).filter((c): c is Rgba => c !== null && c.a > 0);
  if (parsed.length === 0) return prefersDark ? 'dark' : 'light';
  // Composite from the outermost opaque layer inwards.
  const firstOpaque = parsed.findIndex((c) => c.a >= 1);
  const stack = firstOpaque === -1 ? parsed : parsed.slice(0, firstOpaque + 1);
  const base: Rgba = firstOpaque === -1 ? (prefersDark ? { r: 0, g: 0, b: 0, a: 1 } : { r: 255, g: 255, b: 255, a: 1 }) : stack.pop()!;
  let out = base;
  for (const c of stack.reverse()) {
    out = { r: c.r * c.a + out.r * (1 - c.a), g: c.g * c.a + out.g * (1 - c.a), b: c.b * c.a + out.b * (1 - c.a), a: 1 };
  }
  return relativeLuminance(out) < DARK_LUMINANCE_THRESHOLD ? 'dark' : 'light';
}
