/**
 * Ids of reading packs and their entities. An entity's id comes from its name the way the built-in
 * pack's do ("Antony Blinken" → "antony-blinken", "G20" → "g20"), so a name in several packs is
 * one entity and the card merges their backgrounds. A pack's id comes from its canonical URL, so
 * adding the same article again replaces its pack instead of adding a second one.
 *
 * Pure: no DOM, no browser API.
 */

/** Words of the headline kept in a pack id: enough to recognise it in a list. */
const PACK_ID_WORDS = 5;

/** kebab-case of a name: accents dropped, "People's" → "peoples", anything else a hyphen. */
export function kebabId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable hash (not for security). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * "reading-<words>-<hash>". With an address, both come from the address alone (its last path
 * segment's words, else its host; the hash of the address without its #fragment), so the same
 * article added again, even under a changed headline, gets the same id. Without one, from the
 * headline.
 */
export function readingPackId(headline: string, url: string | undefined): string {
  const words = (text: string) => kebabId(text).split('-').filter(Boolean).slice(0, PACK_ID_WORDS).join('-');
  if (url === undefined) return ['reading', words(headline), shortHash(`headline:${headline}`)].filter(Boolean).join('-');
  const address = url.replace(/#.*$/s, '');
  let slug = '';
  try {
    const parsed = new URL(address);
    const segment = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    const named = decodeURIComponent(segment).replace(/\.[a-z0-9]{2,5}$/i, '');
    slug = /[a-z]{3}/i.test(named) ? words(named) : words(parsed.hostname.replace(/^www\./, ''));
  } catch {
    slug = '';
  }
  return ['reading', slug, shortHash(address)].filter(Boolean).join('-');
}
