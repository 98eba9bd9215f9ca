/**
 * mark.js, in a module of its own (marker.js) that content.js imports only when a page has a
 * name to mark: most pages name none, and mark.js is 15 KB that every page would otherwise parse.
 * Loaded like the card (src/content/card/card-loader.ts: web_accessible_resources, import()).
 */
export { default as Mark } from 'mark.js';
