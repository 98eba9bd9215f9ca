/**
 * Keeps the card next to its highlight with @floating-ui/dom: below or above the name (never over
 * it), inside the viewport, following scrolls and resizes until stopped.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';

/** Space between the name and the card, so the card never touches (or covers) the name. */
const GAP_PX = 6;
/** Distance kept from the viewport's edges. */
const VIEWPORT_PADDING_PX = 8;
/** The card never gets shorter than this: below it, scrolling inside it would be unusable. */
const MIN_HEIGHT_PX = 120;

export function positionCard(reference: HTMLElement, floating: HTMLElement): () => void {
  const update = () => {
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        // A name that wraps onto two lines: anchor to the line box under the pointer, not the union.
        inline(),
        offset(GAP_PX),
        flip({ padding: VIEWPORT_PADDING_PX }),
        shift({ padding: VIEWPORT_PADDING_PX }),
        size({
          padding: VIEWPORT_PADDING_PX,
          apply({ availableHeight, elements }) {
            elements.floating.style.maxHeight = `${Math.max(MIN_HEIGHT_PX, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    }).then(
      ({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      },
      () => undefined,
    );
  };
  return autoUpdate(reference, floating, update);
}
