/** A paragraph citation: "¶ 5" or "¶ 5, 7", with a spoken label for screen readers. */
interface CitationProps {
  paragraphs: number[];
}

export function Citation({ paragraphs }: CitationProps) {
  if (paragraphs.length === 0) return null;
  const list = paragraphs.join(', ');
  const spoken = `${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ${list} of the article`;
  return (
    <span class="bs-cite" title={`Source: ${spoken}`}>
      <span aria-hidden="true">¶ {list}</span>
      <span class="bs-sr">{`(${spoken})`}</span>
    </span>
  );
}
