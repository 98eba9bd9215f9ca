/**
 * Paragraph citations: "¶ 5". Where the story's pack has the article's address, each paragraph
 * links to it, opening at the cited sentence (a text fragment) when the pack also holds the
 * paragraph's text; where it holds the text, hovering or focusing "¶ 5" shows the cited sentence
 * (hoverable, dismissable with Esc, persistent while hovered or focused: WCAG 1.4.13). The
 * built-in pack has neither and keeps a plain "¶ 5".
 */
import { Fragment } from 'preact';
import { useId, useLayoutEffect, useState } from 'preact/hooks';
import { citedSentence } from '../kb/cited-sentence';
import type { SourceLabel } from '../kb/lookup';
import { textFragmentUrl } from './text-fragment';

/** What a citation can lead to: the story's address and the text of the paragraphs cited. */
export interface CitationSource {
  source: SourceLabel;
  cited?: Record<number, string>;
}

interface CitationProps {
  paragraphs: number[];
  /** The story cited; without an address or paragraph texts the citation is plain text. */
  from?: CitationSource;
  /** What the citation backs (a fact, a quote, a name): picks the sentence of the paragraph. */
  hint?: string;
}

const spokenParagraphs = (paragraphs: number[]) =>
  `${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ${paragraphs.join(', ')} of the article`;

export function Citation({ paragraphs, from, hint = '' }: CitationProps) {
  if (paragraphs.length === 0) return null;
  if (!from || (from.source.url === undefined && from.cited === undefined)) {
    const spoken = spokenParagraphs(paragraphs);
    return (
      <span class="bs-cite" title={`Source: ${spoken}`}>
        <span aria-hidden="true">¶ {paragraphs.join(', ')}</span>
        <span class="bs-sr">{`(${spoken})`}</span>
      </span>
    );
  }
  return (
    <span class="bs-cites">
      {paragraphs.map((p, i) => (
        <Fragment key={p}>
          {i > 0 && ', '}
          <CitedParagraph paragraph={p} from={from} hint={hint} />
        </Fragment>
      ))}
    </span>
  );
}

function CitedParagraph({ paragraph, from, hint }: { paragraph: number; from: CitationSource; hint: string }) {
  const text = from.cited?.[paragraph];
  const sentence = text ? citedSentence(text, hint) : '';
  const url = from.source.url;
  const href = url === undefined ? undefined : sentence ? textFragmentUrl(url, sentence) : url;
  const tipId = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const shown = sentence !== '' && (hovered || focused || pinned) && !dismissed;

  // Layout effect: listening from the moment the sentence is on screen, not a frame later.
  useLayoutEffect(() => {
    if (!shown) return;
    // Esc hides the sentence without moving the pointer or focus (the card's own Esc handler
    // leaves the card open while a sentence is shown).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [shown]);

  const label = (
    <>
      <span aria-hidden="true">¶ {paragraph}</span>
      <span class="bs-sr">{`paragraph ${paragraph} of the article${href ? ', opens the article in a new tab' : ''}`}</span>
    </>
  );
  // Esc dismisses it until the reader comes back to it (hovers or focuses it again).
  const events = {
    onFocus: () => {
      setFocused(true);
      setDismissed(false);
    },
    onBlur: () => {
      setFocused(false);
      setPinned(false);
    },
  };
  const control = href ? (
    <a class="bs-cite bs-cite-link" href={href} target="_blank" rel="noopener noreferrer" aria-describedby={sentence ? tipId : undefined} {...events}>
      {label}
    </a>
  ) : sentence ? (
    <button type="button" class="bs-cite bs-cite-button" aria-describedby={tipId} onClick={() => setPinned((p) => !p)} {...events}>
      {label}
    </button>
  ) : (
    <span class="bs-cite">{label}</span>
  );
  return (
    <span
      class="bs-cite-wrap"
      onPointerEnter={() => {
        setHovered(true);
        setDismissed(false);
      }}
      onPointerLeave={() => setHovered(false)}
    >
      {control}
      {sentence && (
        <span id={tipId} class="bs-tip" role="tooltip" hidden={!shown}>
          {sentence}
        </span>
      )}
    </span>
  );
}
