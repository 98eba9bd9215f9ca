/** The storage.local key of the compiled matcher (compiled-matcher-store.ts), on its own so the card module can watch it without bundling the store. */
export const COMPILED_KEY = 'compiledMatcher';
