// A small fictional reading pack (what "Add this article" builds from a page the reader chose)
// and the article it comes from, served by the test server so that the pack's `url` leads to a
// page holding the cited sentences; and the import of a pack file through the options page.
import assert from 'node:assert/strict';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { AnySession } from './any-browser';
import type { KnowledgeBase } from '../../../src/kb/types';

/** Paragraphs of filler between the top of the article and the cited ones: they start well below the fold. */
const FILLER_PARAGRAPHS = 60;

export const ARTICLE = '/reading/lakeside.html';
export const PARAGRAPHS = [
  'Two ministers meet at a lakeside resort',
  '',
  'Ana Lind, the foreign minister of Examplia, hosted the meeting at the Lakeside resort on Tuesday.',
  '“We will keep talking, whatever it takes,” Lind told reporters after the five-hour session.',
  'Nothing was agreed, and officials from both sides said a second round would follow in spring.',
];
export const QUOTED_FACT = PARAGRAPHS[3]!;
/** What the quoted fact's link must carry: its first and last four words, `-` escaped. */
export const QUOTED_FACT_FRAGMENT = '#:~:text=We%20will%20keep%20talking,after%20the%20five%2Dhour%20session';

export function articleHtml(): string {
  const filler = Array.from({ length: FILLER_PARAGRAPHS }, (_, i) => `<p>Filler paragraph ${i + 1}: the lake was calm and the weather mild all week.</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${PARAGRAPHS[0]}</title>
<style>body { font: 16px/1.5 sans-serif; max-width: 40rem; margin: 2rem auto; }</style></head>
<body><main><article>
<h1>${PARAGRAPHS[0]}</h1>
<p id="p3">${PARAGRAPHS[2]}</p>
${filler}
<p id="p4">${PARAGRAPHS[3]}</p>
<p id="p5">${PARAGRAPHS[4]}</p>
</article></main></body></html>`;
}

/** The fictional reading pack, pointing at the test server's copy of the article. */
export function readingPack(url: string): KnowledgeBase {
  return {
    schemaVersion: 2,
    source: {
      id: 'lakeside-talks',
      outlet: 'The Lakeside Courier',
      headline: PARAGRAPHS[0]!,
      standfirst: '',
      summary: PARAGRAPHS[2]!,
      paragraphCount: PARAGRAPHS.length,
      url,
      published: '2026-11-02T09:30:00+01:00',
      added: '2026-12-03T08:00:00.000Z',
      byline: 'A Reporter',
      language: 'en-GB',
      origin: 'reading',
      paragraphs: PARAGRAPHS,
    },
    matching: { allowedNeighbours: ['The', 'Minister'] },
    entities: [
      {
        id: 'ana-lind',
        name: 'Ana Lind',
        type: 'person',
        description: 'Foreign minister of Examplia, host of the lakeside talks.',
        role: PARAGRAPHS[2]!,
        facts: [
          { text: QUOTED_FACT, paragraphs: [4] },
          { text: PARAGRAPHS[4]!, paragraphs: [5] },
        ],
        quotes: [{ text: 'We will keep talking, whatever it takes', speaker: 'ana-lind', paragraph: 4 }],
        related: [{ id: 'examplia', how: 'is the foreign minister of' }],
        aliases: [{ form: 'Ana Lind' }, { form: 'Lind', standalone: true, secondReference: true }],
        mentions: [3, 4],
      },
      {
        id: 'examplia',
        name: 'Examplia',
        type: 'country',
        description: 'The country whose minister hosted the talks.',
        role: PARAGRAPHS[2]!,
        facts: [{ text: PARAGRAPHS[2]!, paragraphs: [3] }],
        quotes: [],
        related: [],
        aliases: [{ form: 'Examplia' }],
      },
    ],
  };
}


/** Imports a pack file through the options page's file input and waits for "Imported". */
export async function importPackFile(b: AnySession, file: string, timeoutMs = 15_000): Promise<void> {
  const options = b.chromium
    ? await (async () => {
        const page = await b.chromium!.newPage();
        await page.goto(b.chromium!.extensionUrl('options.html'));
        await page.waitForSelector('#pack-file');
        return page;
      })()
    : await b.firefox!.openExtensionPage('options.html', '#pack-file');
  try {
    if (b.chromium) await (options as PlaywrightPage).setInputFiles('#pack-file', file);
    else {
      const input = await (options as PuppeteerPage).$('#pack-file');
      assert.ok(input, 'the file input');
      await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outcome = (await (options as unknown as { evaluate(s: string): Promise<string> }).evaluate(
        `(document.querySelector('.pack-outcome, .import-error') || { textContent: '' }).textContent`,
      )) as string;
      if (outcome.includes('Imported')) return;
      if (Date.now() > deadline) throw new Error(`the pack was not imported: ${outcome}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await options.close();
  }
}
