/**
 * Generated pages: news-like paragraphs with the built-in knowledge base's names, near misses and
 * generated people at about the density of a real foreign-affairs article (a name every 40 to 60
 * words), inside a page with navigation, headings and links so text nodes are split as on real
 * sites. Also the growth page, whose own script appends paragraphs in batches.
 */
import { GROWTH_BATCHES, GROWTH_BATCH_PARAGRAPHS, GROWTH_INITIAL_PARAGRAPHS, GROWTH_INTERVAL_MS, SEED } from './config';
import { PEOPLE } from './kb';
import { pick, seededRandom, type Random } from './rng';

/** Built-in names in the forms articles use them (weights by repetition). */
const PEOPLE_BUILT_IN = ['Antony Blinken', 'Blinken', 'Wang Yi', 'Joe Biden', 'Biden', 'Sergei Lavrov', 'Lavrov', 'Secretary Blinken'];
const PLACES = ['China', 'China', 'Beijing', 'the US', 'the U.S.', 'the United States', 'Russia', 'Russia', 'Ukraine', 'Taiwan', 'Indonesia', 'Bali', 'Tibet', 'Xinjiang', 'the South China Sea', 'the Taiwan Strait'];
/** Words that look like names but are not the entities (near misses) or name nothing in the knowledge base. */
const OTHERS = ['Chinese', 'Russian', 'Washington', 'Brussels', 'Tokyo', 'the European Union', 'Nato', 'the United Nations', 'Hunter Biden', 'Vera Wang'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = ['trade', 'energy supplies', 'human rights', 'the war', 'export controls', 'climate finance', 'shipping lanes', 'food security', 'debt relief', 'military contacts'];
const OUTLETS = ['Washington Post', 'South China Morning Post', 'Financial Times', 'Associated Press'];

/** One sentence; `p` gives a person's name, `c` a place. */
type Template = (p: () => string, c: () => string, r: Random) => string;

const TEMPLATES: Template[] = [
  (p, c, r) => `${p()} said on ${pick(r, DAYS)} that ${c()} would not change its position on ${pick(r, TOPICS)}.`,
  (_p, c, r) => `Officials in ${c()} declined to comment on the talks, according to a statement released late on ${pick(r, DAYS)}.`,
  (p, _c, r) => `The meeting between ${p()} and ${p()} lasted nearly ${2 + Math.floor(r() * 5)} hours, longer than either side had expected.`,
  (_p, c) => `Analysts said the decision could complicate relations between ${c()} and ${c()} for years to come.`,
  (p, _c, r) => `${p()}, who has held the post since ${1995 + Math.floor(r() * 28)}, told reporters that no agreement had been reached.`,
  (_p, _c, r) => `Trade between the two countries fell by ${1 + Math.floor(r() * 30)} per cent last year, according to official figures.`,
  (p) => `Critics of the plan, including ${p()}, argued that it would do little to ease tensions in the region.`,
  (_p, c) => `Markets in ${c()} rose modestly after the announcement, while bond yields were little changed.`,
  (_p, _c, r) => `The ${pick(r, OUTLETS)} reported that several delegations had left before the final session, and ${pick(r, OTHERS)} was not mentioned.`,
  (p, _c, r) => `In a separate development, ${p()} met business leaders to discuss investment and ${pick(r, TOPICS)}.`,
  () => `Neither side released a full account of what was said, and both described the exchange as candid.`,
  (_p, _c, r) => `Diplomats from ${pick(r, OTHERS)} and elsewhere said privately that expectations had been low from the start.`,
  () => `The officials spoke on condition of anonymity because they were not authorised to discuss the matter publicly.`,
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sentence maker: people are half built-in names, half generated people (full name or surname). */
/** Generated people the pages name: those of the largest knowledge base, so larger bases find more of them. */
const PAGE_PEOPLE = PEOPLE.slice(0, 10_000);

function sentences(random: Random): () => string {
  const person = () => {
    if (random() < 0.5) return pick(random, PEOPLE_BUILT_IN);
    const name = pick(random, PAGE_PEOPLE);
    return random() < 0.6 ? name : name.slice(name.indexOf(' ') + 1);
  };
  const place = () => pick(random, PLACES);
  return () => pick(random, TEMPLATES)(person, place, random);
}

/** A paragraph is at least this long: about five sentences, as in news articles. */
const PARAGRAPH_MIN_CHARS = 450;

/** Paragraph texts of about 500 characters each: `count` of them, or until `textBytes` characters in all. */
export function paragraphs(limit: { textBytes?: number; count?: number }, seed = SEED): string[] {
  const random = seededRandom(seed);
  const sentence = sentences(random);
  const out: string[] = [];
  let total = 0;
  while (limit.count !== undefined ? out.length < limit.count : total < (limit.textBytes ?? 0)) {
    const parts: string[] = [];
    let length = 0;
    while (length < PARAGRAPH_MIN_CHARS) {
      const s = sentence();
      parts.push(s);
      length += s.length + 1;
    }
    const text = parts.join(' ');
    out.push(text);
    total += text.length;
  }
  return out;
}

/** Some names are links, as on news sites: splits text nodes the way real pages do. */
function paragraphHtml(text: string, random: Random): string {
  const escaped = escapeHtml(text);
  if (random() > 0.3) return `<p>${escaped}</p>`;
  return `<p>${escaped.replace(/\b(China|Russia|Ukraine|Blinken|Biden)\b/, '<a href="#topic">$1</a>')}</p>`;
}

const NAV = ['World', 'US', 'China', 'Europe', 'Business', 'Markets', 'Tech', 'Climate', 'Opinion', 'Sport', 'Culture', 'Travel'];

function shell(title: string, body: string, script = ''): string {
  const nav = NAV.map((n) => `<li><a href="#${n.toLowerCase()}">${n}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:42em;margin:0 auto;padding:1em}nav li{display:inline;margin-right:1em}</style>
</head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${body}
</article></main>
<footer><p>Generated for Backstory's benchmark. Not real news.</p></footer>
${script}
</body></html>`;
}

/** A static news page with about `textBytes` characters of article text. */
export function newsPage(textBytes: number, seed = SEED): string {
  const random = seededRandom(seed + 1);
  const body = paragraphs({ textBytes }, seed)
    .map((t, i) => (i > 0 && i % 10 === 0 ? `<h2>Section ${i / 10}</h2>\n` : '') + paragraphHtml(t, random))
    .join('\n');
  return shell(`Talks in Bali: ${Math.round(textBytes / 1000)} KB of text`, body);
}

/** The growth page waits this long after load before its first batch, so the first highlighting run is over. */
const GROWTH_START_DELAY_MS = 1500;

/**
 * A page that appends GROWTH_BATCHES batches of GROWTH_BATCH_PARAGRAPHS paragraphs, one batch every
 * GROWTH_INTERVAL_MS, like an infinite-scroll feed. Each batch is announced with a
 * `bench:batch-<n>` user-timing mark; `window.__benchDone` is set when the last is handled.
 */
export function growthPage(seed = SEED): string {
  const all = paragraphs({ count: GROWTH_INITIAL_PARAGRAPHS + GROWTH_BATCHES * GROWTH_BATCH_PARAGRAPHS }, seed + 2);
  const random = seededRandom(seed + 3);
  const initial = all.slice(0, GROWTH_INITIAL_PARAGRAPHS).map((t) => paragraphHtml(t, random)).join('\n');
  const later = all.slice(GROWTH_INITIAL_PARAGRAPHS, GROWTH_INITIAL_PARAGRAPHS + GROWTH_BATCHES * GROWTH_BATCH_PARAGRAPHS);
  // The texts travel as JSON in a data block (never highlighted: it is a <script>); "<" is escaped so it cannot close the block.
  const data = JSON.stringify(later).replace(/</g, '\\u003c');
  const script = `<script type="application/json" id="bench-data">${data}</script>
<script>
(() => {
  const texts = JSON.parse(document.getElementById('bench-data').textContent);
  const article = document.querySelector('article');
  const batches = ${GROWTH_BATCHES}, size = ${GROWTH_BATCH_PARAGRAPHS}, every = ${GROWTH_INTERVAL_MS};
  let n = 0;
  function append() {
    performance.mark('bench:batch-' + n);
    const frag = document.createDocumentFragment();
    for (const text of texts.slice(n * size, (n + 1) * size)) {
      const p = document.createElement('p');
      p.textContent = text;
      frag.appendChild(p);
    }
    article.appendChild(frag);
    n++;
    if (n < batches) setTimeout(append, every);
    else setTimeout(() => { performance.mark('bench:batch-end'); window.__benchDone = true; }, every);
  }
  addEventListener('load', () => setTimeout(append, ${GROWTH_START_DELAY_MS}));
})();
</script>`;
  return shell('Live: talks in Bali', initial, script);
}
