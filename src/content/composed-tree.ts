/**
 * Walking the page as it is shown, across open shadow roots: a node inside a root stands where
 * its host does. Marks can live in open shadow roots (see shadow-roots.ts), where the document's
 * own APIs stop: `parentElement` ends at the root, events reaching the document are retargeted
 * to the host, `document.activeElement` is the host, and nodes of two trees have no document order.
 */

/** Whether a node is a shadow root (checked by shape: `instanceof` is unreliable across Firefox's Xrays). */
export function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return !!node && node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && !!(node as ShadowRoot).host;
}

/** The parent element, or the host when the node is at the top of a shadow root (or is one). */
export function parentAcrossShadow(node: Node): Element | null {
  if (isShadowRoot(node)) return node.host;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return isShadowRoot(parent) ? parent.host : null;
}

/** The element an event happened on, inside open shadow roots too (the document sees only the host). */
export function eventTarget(e: Event): EventTarget | null {
  const path = e.composedPath();
  return path.length > 0 ? path[0]! : e.target;
}

/** The focused element, inside open shadow roots too. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The node, then the host of each shadow root it is in, outermost last. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) chain.push(root.host);
  return chain;
}

/**
 * Sorts nodes in the order the page shows them: document order, a shadow root's content at its
 * host (before the host's own light children, which compare as inside the host).
 */
export function sortComposed<T extends Node>(nodes: T[]): T[] {
  const chains = new Map(nodes.map((n) => [n, hostChain(n).reverse()]));
  return [...nodes].sort((a, b) => {
    const ca = chains.get(a)!;
    const cb = chains.get(b)!;
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      const x = ca[i]!;
      const y = cb[i]!;
      if (x === y) continue;
      // Same tree here (the levels above were the same host): document order decides.
      const pos = x.compareDocumentPosition(y);
      if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
      if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }
    return ca.length - cb.length;
  });
}
