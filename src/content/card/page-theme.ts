/** Reads the page's background behind a highlight and picks the card's theme. */
import { themeFor, type Theme } from '../../ui/theme';

export function pageThemeAt(el: Element): Theme {
  const layers: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  // With no background anywhere the canvas shows: dark only when the page opts into a dark
  // colour scheme and the user prefers dark (a page without `color-scheme` has a white canvas).
  const scheme = getComputedStyle(document.documentElement).colorScheme || '';
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const canvasDark = scheme.includes('dark') && (!scheme.includes('light') || prefersDark);
  return themeFor(layers, canvasDark);
}
