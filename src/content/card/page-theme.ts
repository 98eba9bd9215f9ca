/** Reads the page's background behind a highlight and picks the card's theme. */
import { themeFor, type Theme } from '../../ui/theme';
import { parentAcrossShadow } from '../composed-tree';

export function pageThemeAt(el: Element): Theme {
  const layers: string[] = [];
  // Through the hosts of shadow roots: a mark in a component sits on the page's background too.
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  // With no background anywhere the canvas shows: dark only when the page opts into a dark
  // colour scheme and the user prefers dark (a page without `color-scheme` has a white canvas).
  const scheme = getComputedStyle(document.documentElement).colorScheme || '';
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const canvasDark = scheme.includes('dark') && (!scheme.includes('light') || prefersDark);
  return themeFor(layers, canvasDark);
}
