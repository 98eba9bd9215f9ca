/**
 * The matcher for a page that found none in storage.local (the first page after install, before
 * the background stored it, or damaged storage): compiled and stored again, or, if the packs
 * cannot be read, the built-in pack's alone. The content script bundles no matcher of its own:
 * its size then does not grow with the built-in knowledge base.
 */
import { builtInPack } from '../common/built-in-pack';
import { recompile } from '../common/packs-store';
import { compileMatcher } from '../match/compile';
import { matcherData, type MatcherData } from '../match/matcher-data';

export async function compiledMatcherData(): Promise<MatcherData> {
  try {
    return (await recompile()).compiled;
  } catch {
    return matcherData(compileMatcher([builtInPack()]).compiled);
  }
}
