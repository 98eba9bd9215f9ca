/**
 * Which sentence of a paragraph a citation points at: a reading pack's fact is the article's own
 * sentence, and an author's fact, a quote or a mention rests on one sentence of the paragraph it
 * cites more than on the others. Used to show the cited sentence and to link to it. Pure.
 */

/** Abbreviations after which the sentence segmenter breaks but a reader does not ("Mr. Blinken"). */
const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'prof.', 'gen.', 'gov.', 'sen.', 'rep.', 'no.', 'vs.', 'e.g.', 'i.e.']);

/** Words shorter than this ("a", "of", "he") say nothing about which sentence is meant. */
const MIN_WORD_LETTERS = 3;

/** Lower case, one kind of quote mark, single spaces: how a hint and a sentence are compared. */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The paragraph's sentences, as written (trimmed), with abbreviation breaks mended. */
export function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    pending += segment;
    const lastWord = pending.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(lastWord)) continue;
    if (pending.trim() !== '') out.push(pending.trim());
    pending = '';
  }
  if (pending.trim() !== '') out.push(pending.trim());
  return out;
}

const wordsOf = (text: string): Set<string> =>
  new Set(foldForMatch(text).match(/[\p{L}\p{N}']+/gu)?.filter((w) => w.length >= MIN_WORD_LETTERS) ?? []);

/**
 * The sentence of `paragraph` that `hint` (a fact, a quote, a name) points at: the one that
 * contains the whole hint if any (quote marks, case and spacing aside), else the one sharing the
 * most words with it, else the first. Empty for an empty paragraph.
 */
export function citedSentence(paragraph: string, hint: string): string {
  const sentences = sentencesOf(paragraph);
  const wanted = foldForMatch(hint);
  if (wanted !== '') {
    const whole = sentences.find((s) => foldForMatch(s).includes(wanted));
    if (whole) return whole;
  }
  const hintWords = wordsOf(hint);
  let best = sentences[0] ?? '';
  let bestScore = 0;
  for (const s of sentences) {
    let score = 0;
    for (const w of wordsOf(s)) if (hintWords.has(w)) score++;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}
