/**
 * Theme tokens shared by the in-page card (card-styles.ts turns them into custom properties) and
 * the extension pages (page.css repeats them by hand: it is a static file; tokens.test.ts checks
 * that the two agree).
 */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  accent: string;
  border: string;
  surface: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  fg: '#1d1f24',
  muted: '#555b66',
  accent: '#0b5cad',
  border: '#c9ced6',
  surface: '#f2f4f7',
};

export const DARK: Palette = {
  bg: '#1f2228',
  fg: '#eceef2',
  muted: '#b3b9c4',
  accent: '#8cc4ff',
  border: '#4a505c',
  surface: '#2a2e36',
};

/** Custom-property declarations for a palette: "--bs-bg: #fff; ...". */
export function paletteVars(p: Palette): string {
  return Object.entries(p)
    .map(([k, v]) => `--bs-${k}: ${v};`)
    .join(' ');
}
