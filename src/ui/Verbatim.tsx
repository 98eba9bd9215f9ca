/**
 * The article's own words (a reading pack's facts and role), as a quotation. A sentence that
 * already opens with a quote mark gets none added: “We will…,” she said, not ““We will…,” she said”.
 */
const OPENS_WITH_QUOTE = /^["“‘'«„]/;

export function Verbatim({ text }: { text: string }) {
  return <q class={OPENS_WITH_QUOTE.test(text.trim()) ? 'bs-q bs-q-own' : 'bs-q'}>{text}</q>;
}
