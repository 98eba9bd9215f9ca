/**
 * Splits a paragraph into sentences, each a verbatim slice of the paragraph (facts are the
 * article's own sentences, so they must stand in it exactly). A sentence ends at ".", "!" or "?"
 * (with any closing quotes or brackets) before white space and a capital, a digit or an opening
 * quote; not after a title or an initial ("Mr.", "U.S.", "J.").
 *
 * Pure: no DOM, no browser API.
 */

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

/** Abbreviations whose full stop does not end a sentence (lower-case, with their stop). */
const ABBREVIATIONS = new Set(
  (
    'mr. mrs. ms. dr. prof. sr. jr. st. mt. ft. gen. lt. col. maj. capt. cmdr. adm. sgt. cpl. ' +
    'gov. sen. rep. rev. hon. pres. supt. insp. det. no. nos. vol. pp. fig. approx. est. inc. ' +
    'corp. ltd. co. bros. dept. univ. ave. blvd. rd. jan. feb. mar. apr. jun. jul. aug. sep. ' +
    'sept. oct. nov. dec. mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun. e.g. i.e. etc. vs. v. ca. cf. al.'
  ).split(' '),
);

/** A capital followed by a full stop, or letters with inner stops: "J.", "U.S.", "U.K.", "D.C.". */
const INITIALS = /^(?:\p{Lu}\.)+$|^(?:\p{L}\.){2,}$/u;

const END = /[.!?]["'’”)\]]*$/u;
const NEXT_STARTS_SENTENCE = /^["'‘“([]?[\p{Lu}\d]/u;

export function splitSentences(paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  const words = [...paragraph.matchAll(/\S+/g)];
  let start = words[0]?.index ?? 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]![0];
    const next = words[i + 1];
    if (!next || !END.test(word) || !NEXT_STARTS_SENTENCE.test(next[0])) continue;
    const bare = word.replace(/^["'‘“([]+/u, '').replace(/["'’”)\]]+$/u, '');
    if (ABBREVIATIONS.has(bare.toLowerCase()) || INITIALS.test(bare)) continue;
    const end = words[i]!.index! + word.length;
    out.push({ text: paragraph.slice(start, end), start });
    start = next.index!;
  }
  if (words.length > 0) {
    const last = words[words.length - 1]!;
    const end = last.index! + last[0].length;
    if (end > start) out.push({ text: paragraph.slice(start, end), start });
  }
  return out;
}
