/**
 * Finds the names an article uses, sentence by sentence: runs of capitalised words ("Gordon
 * Sondland", "Bank of England", "South China Sea"), with
 *
 * - function words and common words at sentence starts taken off ("But Biden", "Officials");
 * - titles split off and kept as a clue to who the person is ("US Defense Secretary Mark Esper" →
 *   "Mark Esper", title "US Defense Secretary"; what stands before the title may be a name too);
 * - possessives stripped ("Blinken’s" → "Blinken");
 * - nationality words, days and months dropped ("Chinese", "Monday");
 * - credits masked: photo credits, "Additional reporting by …", agency datelines ("(AP)");
 * - headlines in Title Case or capitals read for known names only (every word is capitalised).
 *
 * It only finds and cuts; merging forms into entities and deciding types is merge.ts.
 *
 * Pure: no DOM, no browser API.
 */
import { capitalOf, countryByForm, countryOfNationality, isNationality } from './countries';
import {
  CALENDAR_WORDS,
  FUNCTION_WORDS,
  NAME_CONNECTORS,
  PERSON_TITLES,
  TITLE_MODIFIERS,
  isCommonWord,
  isDemonym,
  isFirstName,
  isKnownOrganisation,
  isKnownPlace,
  isOrganisationHead,
  isPeopleWord,
  isPlaceHead,
  isRoleNoun,
  isVerb,
  COMPASS,
} from './lexicon';
import { maskCredits } from './credits';
import { splitSentences } from './sentences';
import type { RuleSwitches } from './switches';

/** One sentence of the article, numbered in reading order. */
export interface ArticleSentence {
  index: number;
  /** 1-based paragraph number. */
  paragraph: number;
  /** Offset of the sentence in its paragraph. */
  start: number;
  text: string;
}

/** One use of a name in the article. */
export interface NameMention {
  /** The name as written, title and possessive taken off ("Blinken"). */
  text: string;
  paragraph: number;
  sentence: number;
  /** Offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** The title that stood before it ("Foreign Minister", "US Secretary of State"). */
  title?: string;
  /** The name's first word opens its sentence (or a quotation). */
  sentenceStart: boolean;
  /** Written in a Title Case or all-capitals headline or sentence: known names only. */
  fromCapitalsLine: boolean;
  /** An acronym in brackets right after the name: "International Monetary Fund (IMF)". */
  acronym?: string;
  /** The word right before the name ("in", "at", "told"), lower-case; '' at a sentence start. */
  wordBefore: string;
  /** Up to three words before the name, lower-case ("the resort of"). */
  wordsBefore: string;
  /** The word right after the name ("said", "told"), lower-case. */
  wordAfter: string;
  /** A nickname ("dubbed the “Hanoi Hilton”"): the start offset of the name it is a nickname of. */
  nicknameOf?: number;
  /**
   * Not written as a name but implied: "the Indonesian resort of Bali" names Indonesia. The
   * offsets are the nationality word's; `text` is the country's name.
   */
  implied?: boolean;
}

/** Words that introduce a nickname: "dubbed the “Hanoi Hilton”", "known as …". */
const NICKNAME_BEFORE = /\b(?:dubbed|nicknamed|known as|also called|better known as)\s+(?:the\s+)?["“‘']?$/u;

/** Geographic features written in lower case after a name: "the Taiwan strait". */
const FEATURE_AFTER = /^ (strait|straits|sea|river|island|islands|peninsula|gulf|bay|mountains|lake|canal|desert|ocean|channel)\b/u;
/** "the Indonesian resort of Bali", "a Chinese city": a nationality word before a kind of place. */
const NATIONALITY_PLACE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]+) (?:resort|island|city|capital|town|village|province|region|coast|border|port|territory|mainland|archipelago|countryside)\b/gu;

interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with a capital letter or a digit-led code ("G20" starts with G). */
  capital: boolean;
  /** Ends in 's or ’s (not part of `text`). */
  possessive: boolean;
  sentenceStart: boolean;
  /** In a run of words in capitals ("DEMOCRATS HOLD THEIR FIRE"): a heading, not names. */
  shouting?: boolean;
}

/** A word: letters, digits, marks, with inner apostrophes, hyphens, dots and ampersands. */
const WORD = /(?:\p{L}\.)+\p{L}(?![\p{L}\p{N}])|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’&-](?=[\p{L}\p{N}]))*/gu;
const CAPITAL = /^\p{Lu}/u;
const POSSESSIVE = /['’]s$/u;
/** Letters only, all capitals: "NATO", "HANOI". */
const ALL_CAPS_WORD = /^[\p{Lu}\p{M}.&-]+$/u;
/** Before a sentence-starting word there may be opening quotes, brackets or a dash. */
const OPENERS = /^[\s"'‘“([—–-]*$/u;
/** After a colon or an opening quote a new sentence often starts: "He said: “We …”". */
const QUOTE_OPENER = /[:“"‘—–]\s*$/u;

/** Abbreviations that end a company's name with their full stop: "Digital World Acquisition Corp.". */
const ABBREVIATED_HEADS = new Set(['Corp', 'Inc', 'Co', 'Ltd', 'Bros', 'Dept', 'Assn', 'Intl']);

/** Plural nouns whose possessive is part of a name: "People’s Republic", "Women’s Institute". */
const POSSESSIVE_IN_NAMES = new Set(['People', 'Women', 'Children', 'Workers', 'Men', 'Veterans', 'Farmers', 'Citizens', 'Nations']);

/** Capitalised words that are never the name of a person, place or organisation. */
const NOT_NAMES = new Set(['Covid', 'COVID', 'Covid-19', 'COVID-19', 'Coronavirus', 'Brexit', 'Internet', 'AM', 'PM', 'GMT', 'BST', 'EST', 'EDT', 'PST', 'PDT', 'CET', 'IST', 'OK']);
/** Head words of events, prizes, laws and works: not entities (the gold convention, and readers'). */
const EVENT_HEADS = new Set(['war', 'wars', 'prize', 'prizes', 'award', 'awards', 'act', 'treaty', 'accord', 'agreement', 'declaration', 'summit', 'games', 'olympics', 'cup', 'championship', 'championships', 'festival', 'depression', 'revolution', 'outlook', 'doctrine', 'zero', 'crisis']);

/**
 * Written in capitals, or (for a headline, `titleCase`) with most words capitalised: such a line
 * cannot tell a name from any other word.
 */
export function isCapitalsLine(text: string, titleCase: boolean): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length === 0) return false;
  const upper = words.filter((w) => ALL_CAPS_WORD.test(w) && w.length > 1).length;
  if (upper / words.length > 0.6) return true;
  return titleCase && long.filter((w) => CAPITAL.test(w)).length / long.length > 0.7 && long.length >= 3;
}

function tokenize(text: string, sentenceStartAt: number): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const parts = m[0].split('-');
    // "US-China", "US-Chinese": a compound of country forms and nationality words is its parts;
    // so is a name with a common word ("China-friendly", "Beijing-ruled", "A-list"), but not
    // "Tsai Ing-wen" or "al-Assad".
    const countries = parts.every((p) => countryByForm(p) || isNationality(p) || isDemonym(p) || isPeopleWord(p));
    const withWord = parts.some((p) => /^\p{Ll}/u.test(p) && !NAME_CONNECTORS.has(p) && isCommonWord(p)) && parts.some((p) => CAPITAL.test(p));
    if (parts.length > 1 && (countries || withWord)) {
      let at = m.index!;
      for (const p of parts) {
        tokens.push({ text: p, start: at, end: at + p.length, capital: CAPITAL.test(p), possessive: false, sentenceStart: false });
        at += p.length + 1;
      }
      continue;
    }
    let word = m[0];
    const start = m.index!;
    // A full stop that belongs to the word: initials and abbreviations ("U.S.", "Mr.", "J.").
    if (text[start + word.length] === '.' && (/^(?:\p{L}\.)*\p{L}$/u.test(word) || PERSON_TITLES.has(word.toLowerCase()) || ABBREVIATED_HEADS.has(word))) word += '.';
    let end = start + word.length;
    const possessive = POSSESSIVE.test(word);
    if (possessive) {
      word = word.slice(0, -2);
      end -= 2;
    }
    const before = text.slice(sentenceStartAt, start);
    tokens.push({
      text: word,
      start,
      end,
      // "al-Bashir", "bin-Salman": a particle before a capitalised name is part of the name.
      capital: CAPITAL.test(word) || /^(?:al|el|ad|ibn|bin|abu)-\p{Lu}/u.test(word),
      possessive,
      sentenceStart: OPENERS.test(before) || QUOTE_OPENER.test(text.slice(Math.max(0, start - 3), start)),
    });
  }
  return tokens;
}

const bare = (word: string) => word.replace(/\.$/, '').toLowerCase();
/** "The", "But", "Us": a function word as written in running text ("US" in capitals is not one). */
const isFunctionWord = (word: string) => FUNCTION_WORDS.has(bare(word)) && !(word.length > 1 && ALL_CAPS_WORD.test(word));
const isTitleWord = (w: string) => PERSON_TITLES.has(bare(w)) || (isRoleNoun(w) && !/s$/.test(w));
const isModifier = (w: string) => TITLE_MODIFIERS.has(bare(w)) || isDemonym(w) || isNationality(w) || countryByForm(w) !== undefined || capitalOf(w) !== undefined;

/**
 * Splits a run at its last title: returns [before, title, name]. "US Secretary of State Antony
 * Blinken" → [["US"], "Secretary of State", "Antony Blinken"]; no title → null.
 */
function splitTitle(run: Token[]): { before: Token[]; title: Token[]; name: Token[] } | null {
  for (let k = run.length - 2; k >= 0; k--) {
    if (!isTitleWord(run[k]!.text)) continue;
    let nameFrom = k + 1;
    // "Secretary of State Antony Blinken", "Minister for Foreign Affairs Penny Wong".
    if (run[nameFrom]?.text === 'of' || run[nameFrom]?.text === 'for') {
      let j = nameFrom + 1;
      while (j < run.length && (isModifier(run[j]!.text) || /^(?:Affairs|the)$/.test(run[j]!.text))) j++;
      if (j === nameFrom + 1) return null;
      nameFrom = j;
    }
    const name = run.slice(nameFrom);
    if (name.length === 0 || name.length > 4 || !name[0]!.capital) return null;
    const last = name[name.length - 1]!.text;
    // "General Motors", "General Assembly": the word after a title-like word is not a person's.
    const plainWord = name.length === 1 && (isCommonWord(last) || (/s$/.test(last) && isCommonWord(last.slice(0, -1))));
    if (isOrganisationHead(last) || isPlaceHead(last) || plainWord) return null;
    let b = k;
    while (b > 0 && (isModifier(run[b - 1]!.text) || isTitleWord(run[b - 1]!.text))) b--;
    return { before: run.slice(0, b), title: run.slice(b, nameFrom), name };
  }
  return null;
}

export interface FoundNames {
  sentences: ArticleSentence[];
  mentions: NameMention[];
}

/** The article's sentences in reading order, numbered. */
export function articleSentences(paragraphs: string[]): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  paragraphs.forEach((paragraph, i) => {
    for (const s of splitSentences(paragraph)) sentences.push({ index: sentences.length, paragraph: i + 1, start: s.start, text: s.text });
  });
  return sentences;
}

/** Every name of the article, in reading order, with the article's sentences. */
export function findNames(paragraphs: string[], switches: RuleSwitches): FoundNames {
  const sentences = articleSentences(paragraphs);
  const runs: { tokens: Token[]; sentence: ArticleSentence; capitalsLine: boolean; masked: string }[] = [];
  const maskedParagraphs = paragraphs.map((p) => (switches.credits ? maskCredits(p) : p));
  // Only a headline is written in Title Case; any sentence may be in capitals.
  const capitalsParagraphs = paragraphs.map((p, i) => isCapitalsLine(p, i === 0));

  for (const sentence of sentences) {
    const masked = maskedParagraphs[sentence.paragraph - 1]!;
    const capitalsLine = capitalsParagraphs[sentence.paragraph - 1]!;
    const tokens = tokenize(masked.slice(0, sentence.start + sentence.text.length), sentence.start).filter((t) => t.start >= sentence.start);
    // A run of words in capitals is a heading ("TWEET OF THE DAY", "TRUMP SPAC —") when it has a
    // function word, three words, or two long ones; "US EU" or a lone "NATO" is not.
    const caps = (t: Token | undefined) => t !== undefined && t.text.length >= 2 && ALL_CAPS_WORD.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text);
    for (let i = 0; i < tokens.length; ) {
      let j = i;
      while (j < tokens.length && caps(tokens[j]) && (j === i || /^\s+$/.test(masked.slice(tokens[j - 1]!.end, tokens[j]!.start)))) j++;
      const seq = tokens.slice(i, j);
      const heading = seq.length >= 3 || (seq.length === 2 && (seq.some((t) => FUNCTION_WORDS.has(t.text.toLowerCase())) || seq.every((t) => t.text.length >= 4)));
      if (heading) for (const t of seq) t.shouting = true;
      i = Math.max(j, i + 1);
    }
    let run: Token[] = [];
    const flush = () => {
      while (run.length > 0 && !run[run.length - 1]!.capital) run.pop();
      const shouting = run.length > 0 && run.every((t) => t.shouting || !t.capital);
      if (run.length > 0) runs.push({ tokens: run, sentence, capitalsLine: capitalsLine || shouting || isCapitalsLine(sentence.text, false), masked });
      run = [];
    };
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      const prev = run[run.length - 1];
      const gapClean = prev !== undefined && /^\s+$/.test(masked.slice(prev.end + (prev.possessive ? 2 : 0), tok.start));
      if (tok.capital) {
        // A possessive ends a name ("Russia’s war") except a plural noun's inside one ("National People’s Congress").
        const possessiveEnds = prev?.possessive && !POSSESSIVE_IN_NAMES.has(prev.text);
        if (prev && (!gapClean || possessiveEnds || !!prev.shouting !== !!tok.shouting)) flush();
        run.push(tok);
      } else if (
        prev &&
        gapClean &&
        !prev.possessive &&
        (NAME_CONNECTORS.has(tok.text) || tok.text === 'and') &&
        // "Bank of England", "Summit of the Americas": one connector or two before the next capital.
        (tokens[t + 1]?.capital || (NAME_CONNECTORS.has(tokens[t + 1]?.text ?? '') && tokens[t + 2]?.capital))
      ) {
        run.push(tok);
      } else if (prev) flush();
    }
    flush();
  }

  // Words the article capitalises in mid-sentence are names even at a sentence start; words it
  // also writes in lower case are common words there ("Climate", "Sales").
  const context: RunContext = { midSentence: new Set(), lowerCase: new Set(), switches };
  for (const { tokens } of runs) for (const t of tokens) if (t.capital && !t.sentenceStart) context.midSentence.add(t.text);
  for (const p of paragraphs) for (const w of p.match(/(?<![\p{L}’'-])\p{Ll}[\p{Ll}’'-]*/gu) ?? []) context.lowerCase.add(w);

  const mentions: NameMention[] = [];
  for (const { tokens, sentence, capitalsLine, masked } of runs) {
    for (const part of cutRun(tokens, context)) {
      const first = part.tokens[0]!;
      const last = part.tokens[part.tokens.length - 1]!;
      let end = last.end;
      // "the Taiwan strait": a lower-case feature word belongs to the place's name.
      const feature = last.possessive || part.title ? null : FEATURE_AFTER.exec(masked.slice(end));
      if (feature && !isNationality(last.text)) end += feature[0].length;
      const text = masked.slice(first.start, end);
      if (!/\p{L}/u.test(text)) continue;
      const after = masked.slice(end + (last.possessive ? 2 : 0));
      const acronym = /^\s\((\p{Lu}[\p{Lu}\p{N}&]{1,7})\)/u.exec(after)?.[1];
      const mention: NameMention = {
        text: paragraphs[sentence.paragraph - 1]!.slice(first.start, end),
        paragraph: sentence.paragraph,
        sentence: sentence.index,
        start: first.start,
        end,
        sentenceStart: first.sentenceStart,
        fromCapitalsLine: capitalsLine,
        wordBefore: /([\p{L}]+)[\s,]*$/u.exec(masked.slice(sentence.start, first.start))?.[1]?.toLowerCase() ?? '',
        wordsBefore: /((?:[\p{L}’'-]+\s+){0,2}[\p{L}’'-]+)[\s,]*$/u.exec(masked.slice(sentence.start, first.start))?.[1]?.toLowerCase() ?? '',
        wordAfter: /^[\s,]*([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase() ?? '',
      };
      if (part.title) mention.title = part.title;
      if (acronym && acronym !== text) mention.acronym = acronym;
      // "… Hoa Lo prison, dubbed the “Hanoi Hilton”": the nickname of the name before it.
      if (NICKNAME_BEFORE.test(masked.slice(sentence.start, first.start))) {
        const previous = mentions.filter((x) => x.sentence === sentence.index).at(-1);
        if (previous) mention.nicknameOf = previous.start;
      }
      mentions.push(mention);
    }
  }
  if (switches.countries) {
    for (const sentence of sentences) {
      const masked = maskedParagraphs[sentence.paragraph - 1]!.slice(sentence.start, sentence.start + sentence.text.length);
      for (const m of masked.matchAll(NATIONALITY_PLACE)) {
        const country = countryOfNationality(m[1]!);
        if (!country) continue;
        const start = sentence.start + m.index!;
        mentions.push({
          text: country.name,
          paragraph: sentence.paragraph,
          sentence: sentence.index,
          start,
          end: start + m[1]!.length,
          sentenceStart: false,
          fromCapitalsLine: false,
          wordBefore: '',
          wordsBefore: '',
          wordAfter: '',
          implied: true,
        });
      }
    }
  }
  return { sentences, mentions };
}

/** Cuts one run of capitalised words into the names it holds (none, one or two). */
interface RunContext {
  midSentence: Set<string>;
  lowerCase: Set<string>;
  switches: RuleSwitches;
}

function cutRun(run: Token[], context: RunContext): { tokens: Token[]; title?: string }[] {
  const { midSentence, switches } = context;
  const cutAt = (i: number) => [...cutRun(run.slice(0, i), context), ...cutRun(run.slice(i + 1), context)];
  // "and" joins two names ("Blinken and Wang") unless it is inside one: "Department of Health and
  // Human Services", "Bosnia and Herzegovina".
  const and = run.findIndex((t) => t.text === 'and');
  if (and !== -1) {
    const phrase = run.map((t) => t.text).join(' ');
    const head = run.slice(0, and).findIndex((t) => isOrganisationHead(t.text));
    const connected = head !== -1 && run.slice(head + 1, and).some((t) => t.text === 'of' || t.text === 'for');
    // "Securities and Exchange Commission": common words joined to a body's name that follows.
    const before = run.slice(0, and);
    const after = run.slice(and + 1);
    const commonThenBody = before.every((t) => isCommonWord(t.text) && !isFirstName(t.text)) && after.length >= 2 && isOrganisationHead(bare(after[after.length - 1]!.text));
    const inside = (connected && !after.some((t) => isTitleWord(t.text))) || commonThenBody || countryByForm(phrase) !== undefined;
    if (!inside) return cutAt(and);
  }
  // "for" belongs to a name after an organisation's head word or a title ("Centers for Disease
  // Control", "Minister for Foreign Affairs"), not in "Montecito for Foster".
  // "Americans for Financial Reform", "Physicians for Human Rights": a group named by its members.
  const members = (w: string) => /\p{Ll}s$/u.test(w) && (isCommonWord(w) || isNationality(w));
  const forAt = run.findIndex((t, i) => t.text === 'for' && i > 0 && !isOrganisationHead(run[i - 1]!.text) && !isTitleWord(run[i - 1]!.text) && !(i === 1 && members(run[0]!.text)));
  if (forAt !== -1) return cutAt(forAt);
  // "Jamie Werner of Ngātiwai": a person's name does not go on with "of".
  const ofAt = run.findIndex((t, i) => t.text === 'of' && i >= 2 && isFirstName(run[0]!.text) && !isTitleWord(run[i - 1]!.text) && !isOrganisationHead(run[i - 1]!.text));
  if (ofAt !== -1) return cutAt(ofAt);
  // "New York Fed President": a title with no name after it is not part of the name.
  let end = run.length;
  while (end > 1 && run[end - 1]!.capital && PERSON_TITLES.has(bare(run[end - 1]!.text))) end--;
  if (end < run.length && end > 0 && switches.titles) return cutRun(run.slice(0, end), context);

  const tokens = [...run];
  const trimEdges = () => {
    while (tokens.length > 0 && (!tokens[0]!.capital || isFunctionWord(tokens[0]!.text) || CALENDAR_WORDS.has(bare(tokens[0]!.text)))) tokens.shift();
    while (tokens.length > 0 && (!tokens[tokens.length - 1]!.capital || CALENDAR_WORDS.has(bare(tokens[tokens.length - 1]!.text)))) tokens.pop();
  };
  trimEdges();
  if (tokens.length === 0) return [];
  // "Officials", "Critics say": a common word that opens a sentence is not a name, unless the
  // article capitalises it elsewhere too.
  if (switches.sentenceStarts) {
    // A word ending in "-ing" or "-ly" that opens a sentence is a verb or an adverb ("Depending
    // on …", "Fortunately"), unless it is a known place ("Beijing").
    const inflected = (w: string) => /^\p{Lu}\p{Ll}{3,}(?:ing|ly)$/u.test(w) && !isKnownPlace(w) && !capitalOf(w);
    const common = (w: string) => isCommonWord(w) || context.lowerCase.has(w.toLowerCase()) || inflected(w);
    // "Bank of England" keeps its first word (a connector after it makes it part of a name), and so
    // does a longer name of a body ("Digital World Acquisition Corp.").
    const lastWord = bare(tokens[tokens.length - 1]!.text);
    const first = tokens[0]!.text;
    // Not a verb, a title word or a plural noun before it: "Get The Times…", "Former …", "Members of …".
    const firstFits = !isVerb(first) && !TITLE_MODIFIERS.has(bare(first)) && !/\p{Ll}s$/u.test(first);
    const bodyName = tokens.length >= 2 && firstFits && (isOrganisationHead(lastWord) || isPlaceHead(lastWord));
    while (tokens.length > 0 && tokens[0]!.sentenceStart && !bodyName && common(tokens[0]!.text) && !midSentence.has(tokens[0]!.text) && !countryByForm(tokens[0]!.text) && !(firstFits && tokens[1] && !tokens[1].capital)) {
      tokens.shift();
      trimEdges();
    }
  }
  if (tokens.length === 0) return [];
  // "Republican China", "Native American Supreme Court": common words and peoples' adjectives
  // before a country or a body's name are not part of it; "Pueblo of Laguna Indian" ends before
  // the people's adjective. Country names themselves ("South Africa", "New Zealand") stay whole.
  if (!countryByForm(tokens.map((t) => t.text).join(' '))) {
    const people = (t: Token) => isNationality(t.text) || isDemonym(t.text) || isPeopleWord(t.text);
    let cut = -1;
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      // "Americans for Financial Reform": a people before a connector names a group; keep it whole.
      // "South China Sea", "Northern Ireland": a compass word is part of a place's name.
      if (isFirstName(t.text) || !t.capital || !tokens[i + 1]!.capital || COMPASS.test(t.text) || !(people(t) || isCommonWord(t.text))) break;
      // What is left must still be a name of two words ("African Union" stays), or the country.
      if ((people(t) && tokens.length - i - 1 >= 2) || (countryByForm(tokens[i + 1]!.text) && i + 2 === tokens.length)) cut = i;
    }
    if (cut >= 0) tokens.splice(0, cut + 1);
    while (tokens.length > 2 && people(tokens[tokens.length - 1]!)) tokens.pop();
  }

  const out: { tokens: Token[]; title?: string }[] = [];
  if (switches.titles) {
    const split = splitTitle(tokens);
    if (split) {
      const title = split.title.map((t) => t.text).join(' ');
      const before = split.before.map((t) => t.text).join(' ');
      // What stood before the title may be a name of its own: "Bank of England Governor …", "US …".
      if (split.before.length > 0) out.push(...cutRun(split.before, { ...context, switches: { ...switches, titles: false } }));
      // "US Secretary of State …", "Beijing Mayor …": a country or capital in the title is named too.
      for (const t of split.title) if (t.capital && (countryByForm(t.text) || capitalOf(t.text))) out.push({ tokens: [t] });
      out.push({ tokens: split.name, title: before ? `${before} ${title}` : title });
      return out.filter((p) => keep(p.tokens));
    }
    // A run of titles and modifiers alone ("Secretary of State", "President") names no one.
    if (tokens.every((t) => isTitleWord(t.text) || isModifier(t.text) || !t.capital)) {
      const places = tokens.filter((t) => t.capital && !isTitleWord(t.text) && (countryByForm(t.text) || capitalOf(t.text)));
      return places.map((t) => ({ tokens: [t] }));
    }
  }
  return keep(tokens) ? [{ tokens }] : [];
}

/** Not a name: a nationality word, a day or month, a lone title. */
function keep(tokens: Token[]): boolean {
  const phrase = tokens.map((t) => t.text).join(' ');
  // "New Zealanders", "Latin American", "Native American": peoples and adjectives, not names.
  if (isNationality(phrase) || (tokens.length <= 2 && isNationality(tokens[tokens.length - 1]!.text))) return false;
  // "I'm", "We’ve": contractions; "CIHDX5qmux": an identifier from an embed, not a word.
  if (tokens.some((t) => /['’](?:m|re|ve|ll|d)$|n['’]t$/i.test(t.text) || (/\d/.test(t.text) && /\p{Ll}/u.test(t.text) && t.text.length > 6))) return false;
  if (tokens.some((t) => NOT_NAMES.has(t.text))) return false;
  // "World Economic Outlook", "Free Sign Up": every word a common word, and no head word of a body.
  const known = countryByForm(phrase) || capitalOf(phrase) || isKnownPlace(phrase) || isKnownOrganisation(phrase);
  if (tokens.length > 1 && !known && tokens.every((t) => !t.capital || isCommonWord(t.text)) && !tokens.some((t) => isOrganisationHead(t.text) || isPlaceHead(t.text))) return false;
  // Events, prizes, laws and works: "Vietnam War", "Nobel Prize", "Paris Agreement".
  const connector = tokens.findIndex((t, i) => i > 0 && !t.capital);
  const head = tokens[connector > 0 ? connector - 1 : tokens.length - 1]!.text;
  if (tokens.length > 1 && (EVENT_HEADS.has(bare(head)) || EVENT_HEADS.has(bare(tokens[tokens.length - 1]!.text)))) return false;
  if (tokens.length !== 1) return true;
  const word = tokens[0]!.text;
  if (/^(?:\p{Lu}\p{Ll}+(?:ish|ese))$/u.test(word)) return false;
  if (isNationality(word) || isDemonym(word) || isPeopleWord(word) || CALENDAR_WORDS.has(bare(word)) || isFunctionWord(word)) return false;
  if (PERSON_TITLES.has(bare(word)) || TITLE_MODIFIERS.has(bare(word))) return false;
  return true;
}
