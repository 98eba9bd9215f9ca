/**
 * The part of compromise the name rules read: its lexicon (word → part-of-speech tags) and its
 * lists of organisation and place head words. In Node (tests, the CLI) it comes from compromise
 * itself; bundles get the same data extracted at build time (`compromiseLexicon` in
 * scripts/bundle-options.mjs, tested to answer alike), without compromise's tagger, which the rules
 * do not use: about 200 KB instead of 290 KB, and nothing to unpack when the review page loads.
 *
 * Pure: no DOM, no browser API.
 */
import nlp from 'compromise/two';

export type Tags = string | string[];

const model = nlp.model() as unknown as {
  one: { lexicon: Record<string, Tags> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
};

export const lexicon: Record<string, Tags> = model.one.lexicon;
export const orgWords: string[] = Object.keys(model.two.orgWords);
export const placeWords: string[] = Object.keys(model.two.placeWords);
