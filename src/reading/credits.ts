/**
 * Credits: the names of the people who made the story (photographers, co-reporters, editors,
 * agencies, syndication partners) are not the story's names. Whole credit paragraphs are dropped
 * from the article (article.ts); credits inside a paragraph are masked with spaces before the name
 * finder reads it (names.ts), so offsets stay the same and the paragraph text is kept as written.
 *
 * Pure: no DOM, no browser API.
 */

/**
 * Whole paragraphs that credit people who are not the story's: photographers, co-reporters,
 * editors, agencies. Their names must not become the article's names.
 */
const CREDIT_LINES = [
  /^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|composite)(?:\s+credits?)?\s*(?::|by\b)/i,
  /^(?:additional\s+)?(?:reporting|writing|editing|research)\s+(?:by|from)\b/i,
  /^(?:written|edited|compiled|produced|fact-checked)\s+by\b/i,
  /\b(?:contributed|contributing)\s+(?:reporting\s+)?to\s+this\s+(?:report|article|story)\.?$/i,
  /^(?:follow|contact)\s+.{1,60}\s+on\s+(?:twitter|x|facebook|instagram|bluesky|threads)\b/i,
  /^(?:©|copyright\b)/i,
  /^\(?(?:reuters|afp|ap|pa|bloomberg)\)?\s*[—–-]?\s*$/i,
];

/** A whole paragraph that is a credit: "Photograph: …", "Additional reporting by …". */
export function isCreditLine(text: string): boolean {
  return CREDIT_LINES.some((re) => re.test(text));
}

/** News agencies credited in datelines: "HANOI, Vietnam (AP) —". */
export const AGENCY_CREDITS = new Set(['AP', 'AFP', 'Reuters', 'REUTERS', 'PA', 'UPI', 'dpa', 'DPA', 'ANI', 'PTI', 'IANS', 'TNN', 'CNN', 'Bloomberg']);

/** Inline credits: masked so their names are not the story's. */
const INLINE_CREDITS = [
  /\b(?:Photo(?:graph)?s?|Pictures?|Images?|Illustrations?|Composite|Video)(?:\s+credits?)?\s*:\s.*$/u,
  /\(?\b(?:Additional\s+)?(?:reporting|writing|editing|research)\s+by\b.*$/iu,
  /\b(?:contributed|contributing)\s+(?:reporting\s+)?to\s+this\s+(?:report|article|story)\b.*$/iu,
  // "by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)".
  /\b[Bb]y\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,4}\((?:reporting|photography|photographs|pictures|video|words)\)(?:,?\s+(?:and\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,4}\((?:reporting|photography|photographs|pictures|video|words)\))*/gu,
  // An author's initials closing an item: "… rates rose. — MM".
  /[—–]\s*\p{Lu}{2,3}\s*$/u,
  // Syndication: "KVELLER via JTA —" before the story.
  /^[\p{Lu}][\p{L}\p{N} .&'’-]{1,40}\svia\s[\p{Lu}][\p{L}\p{N} .&'’-]{1,30}\s[—–-]/u,
];
/** "(AP)", "(Reuters)", "(AP Photo/Hau Dinh)": agency credits in brackets. */
const BRACKET_CREDIT = /\((?:AP|AFP|Reuters|PA|UPI|dpa|Xinhua|Bloomberg|ANI|PTI|IANS)(?:\s+Photo)?(?:\/[^)]*)?\)/gu;
/** A dateline before the story: "HANOI, Vietnam (AP) —", "WASHINGTON —", "LONDON (Reuters) -". */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,\s[\p{L} .]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s/u;

/** Replaces each character of the matched spans with a space: offsets stay the same. */
function mask(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** Credits masked out of a paragraph (offsets kept). */
export function maskCredits(paragraph: string): string {
  let out = paragraph;
  for (const re of INLINE_CREDITS) out = mask(out, re);
  out = mask(out, BRACKET_CREDIT);
  // Keep a dateline's place ("HANOI, Vietnam") but drop the agency named in it.
  const dateline = DATELINE.exec(out);
  if (dateline) {
    for (const agency of AGENCY_CREDITS) {
      const i = dateline[0].indexOf(agency);
      if (i !== -1) out = out.slice(0, i) + ' '.repeat(agency.length) + out.slice(i + agency.length);
    }
  }
  return out;
}

