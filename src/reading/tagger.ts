/**
 * compromise's own named-entity tagger (`.people()`, `.places()`, `.organizations()`) as a name
 * finder: the alternative to names.ts's capitalised-phrase rules, kept for the ablation report
 * (`npm run extraction-report`, "compromise tagger instead of the phrase rules"). Measured on the
 * gold pages it finds fewer names than the rules and costs about 0.4 s per 1,000 words, so the
 * product does not use it (docs/reading-memory.md); nothing but the report imports this module.
 *
 * Pure: no DOM, no browser API.
 */
import nlp from 'compromise';
import { maskCredits } from './credits';
import { articleSentences, type FoundNames, type NameMention } from './names';

/** Trailing punctuation and possessives compromise keeps on its matches ("Blinken,", "Russia’s"). */
const TRAILING = /(?:['’]s)?[\s.,;:!?"“”’)]*$/u;

export function findNamesWithTagger(paragraphs: string[]): FoundNames {
  const sentences = articleSentences(paragraphs);
  const mentions: NameMention[] = [];
  for (const sentence of sentences) {
    const text = maskCredits(paragraphs[sentence.paragraph - 1]!).slice(sentence.start, sentence.start + sentence.text.length);
    const doc = nlp(text);
    for (const view of [doc.people(), doc.places(), doc.organizations()]) {
      for (const match of (view.json({ offset: true }) as unknown) as { text: string; offset: { start: number; length: number } }[]) {
        // "Bali, Indonesia." is one match: a comma list is split into its names.
        let at = match.offset.start;
        for (const piece of match.text.split(/,\s*|\s+and\s+/)) {
          const start = text.indexOf(piece, at);
          const name = piece.replace(TRAILING, '');
          if (start === -1 || !/\p{Lu}/u.test(name)) continue;
          at = start + piece.length;
          mentions.push({
            text: name,
            paragraph: sentence.paragraph,
            sentence: sentence.index,
            start: sentence.start + start,
            end: sentence.start + start + name.length,
            sentenceStart: start === 0,
            fromCapitalsLine: false,
            wordBefore: /([\p{L}]+)[\s,]*$/u.exec(text.slice(0, start))?.[1]?.toLowerCase() ?? '',
            wordsBefore: '',
            wordAfter: /^[\s,]*([\p{L}]+)/u.exec(text.slice(start + name.length))?.[1]?.toLowerCase() ?? '',
          });
        }
      }
    }
  }
  mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  return { sentences, mentions };
}
