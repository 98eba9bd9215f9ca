/**
 * The card's stylesheet, adopted into its closed shadow root. Sizes are in em from the user's
 * default font size (`font-size: medium` after `all: initial`), never the page's rem, so the card
 * reads the same on every site and grows with zoom and the browser's font setting.
 */
import { DARK, LIGHT, paletteVars } from '../../ui/tokens';

/** Widest the card gets: about 60 characters a line. */
const MAX_WIDTH_EM = 26;

export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: static !important;
  font-size: medium !important;
}
.bs-root { ${paletteVars(LIGHT)} }
.bs-root[data-theme="dark"] { ${paletteVars(DARK)} color-scheme: dark; }
.bs-root[data-theme="light"] { color-scheme: light; }
.bs-sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.bs-card {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box;
  width: max-content; max-width: min(${MAX_WIDTH_EM}em, calc(100vw - 1em));
  overflow: auto; overscroll-behavior: contain;
  padding: 0.75em 0.9em;
  font: normal 400 0.9375em/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: normal; text-align: start; text-transform: none; white-space: normal;
  color: var(--bs-fg); background: var(--bs-bg);
  border: 1px solid var(--bs-border); border-radius: 0.5em;
  box-shadow: 0 0.4em 1.5em rgb(0 0 0 / 0.25);
}
.bs-card[hidden] { display: none; }
@media (prefers-reduced-motion: no-preference) {
  .bs-card { animation: bs-in 120ms ease-out; }
  @keyframes bs-in { from { opacity: 0; transform: translateY(0.25em); } }
}
.bs-card :focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 2px; }
.bs-card h2, .bs-card h3, .bs-card h4, .bs-card p, .bs-card ul, .bs-card figure, .bs-card blockquote { margin: 0; padding: 0; }
.bs-back { margin-bottom: 0.5em; }
/* Stays in reach while the card scrolls; floats so it takes no line of its own. */
.bs-close { float: right; position: sticky; top: 0; margin: -0.3em -0.4em 0.2em 0.5em !important; line-height: 1.2; z-index: 1; }
.bs-name { font-size: 1.15em; font-weight: 650; line-height: 1.25; }
.bs-desc { color: var(--bs-muted); margin-top: 0.15em !important; }
.bs-type { font-weight: 600; }
.bs-label { font-size: 0.78em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--bs-muted); margin-top: 0.7em !important; }
.bs-role { margin-top: 0.15em !important; }
.bs-facts { list-style: disc; padding-inline-start: 1.2em !important; margin-top: 0.15em !important; }
.bs-facts li + li { margin-top: 0.2em; }
.bs-cite { color: var(--bs-muted); font-size: 0.85em; white-space: nowrap; }
.bs-cites { font-size: 0.85em; color: var(--bs-muted); }
.bs-cites .bs-cite { font-size: 1em; }
.bs-cite-link, .bs-cite-button { color: var(--bs-accent); text-decoration: underline; font: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
/* The cited sentence, under its line while "¶ N" is hovered or focused. */
.bs-tip {
  display: block; margin: 0.25em 0 0.1em !important; padding: 0.3em 0.5em !important;
  white-space: normal; font-style: italic; color: var(--bs-fg); background: var(--bs-surface);
  border-inline-start: 3px solid var(--bs-accent); border-radius: 0.2em;
}
.bs-tip[hidden] { display: none; }
/* A sentence that opens with its own quote mark gets no other. */
.bs-q-own { quotes: none; }
.bs-quote { margin-top: 0.7em !important; padding-inline-start: 0.7em !important; border-inline-start: 3px solid var(--bs-border); }
.bs-quote blockquote p { font-style: italic; }
.bs-quote figcaption { color: var(--bs-muted); font-size: 0.9em; }
.bs-related { list-style: none; }
.bs-related li { margin-top: 0.2em; }
.bs-how { color: var(--bs-muted); }
.bs-link, .bs-button, .bs-back, .bs-close {
  font: inherit; cursor: pointer; color: var(--bs-accent);
  background: none; border: 0; padding: 0; text-decoration: underline;
}
.bs-button, .bs-back, .bs-close {
  text-decoration: none; padding: 0.2em 0.6em; border: 1px solid var(--bs-border); border-radius: 0.35em; background: var(--bs-surface);
}
.bs-close { color: var(--bs-fg); }
/* Each story: its dated source line, a reading pack's headline, the role. */
.bs-source-line { font-size: 0.8em; font-weight: 600; color: var(--bs-muted); margin-top: 0.6em !important; }
.bs-date { white-space: nowrap; }
.bs-headline { font-size: 0.9em; margin-top: 0.05em !important; }
.bs-story + .bs-story { margin-top: 0.5em !important; padding-top: 0.1em !important; border-top: 1px solid var(--bs-border); }
.bs-more-stories { font-size: 0.85em; color: var(--bs-muted); margin-top: 0.3em !important; }
.bs-actions { display: flex; flex-wrap: wrap; gap: 0.4em; margin-top: 0.7em !important; }
.bs-actions .bs-button { font-size: 0.9em; }
.bs-story-details + .bs-story-details { margin-top: 0.4em !important; }
.bs-mentions { margin-top: 0.3em !important; font-size: 0.9em; color: var(--bs-muted); }
.bs-status { color: var(--bs-muted); }
@media (forced-colors: active) {
  .bs-card { border: 1px solid CanvasText; box-shadow: none; forced-color-adjust: auto; }
  .bs-link, .bs-button, .bs-back, .bs-close, .bs-cite-link, .bs-cite-button { color: LinkText; border-color: ButtonText; }
  .bs-tip { border: 1px solid CanvasText; }
  .bs-card :focus-visible { outline-color: Highlight; }
}
`;
