/**
 * A happy-dom window installed as the global DOM, for unit tests of the content script's DOM
 * layer in Node (mark.js and the highlighter use the global `document`, `Node` and `NodeFilter`).
 */
import { Window } from 'happy-dom';

export function installDom(html = '<!doctype html><html><head></head><body></body></html>'): Window {
  const window = new Window({ url: 'https://example.test/' });
  window.document.write(html);
  const g = globalThis as Record<string, unknown>;
  for (const key of ['document', 'Node', 'NodeList', 'NodeFilter', 'Text', 'Element', 'HTMLElement', 'HTMLIFrameElement', 'MutationObserver', 'DOMParser']) {
    g[key] = (window as unknown as Record<string, unknown>)[key];
  }
  g.window = window;
  return window;
}
