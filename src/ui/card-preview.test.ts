import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardPreview, previewChars, previewText, SHORT_CARD_CHARS } from './card-preview';
import { entityBackground } from './entity-background';
import { indexKnowledgeBase } from '../kb/lookup';
import type { EntityBackground } from '../common/messages';
import type { Entity, KnowledgeBase, Source } from '../kb/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIn = JSON.parse(readFileSync(path.join(repoRoot, 'data/bali-talks.json'), 'utf8')) as KnowledgeBase;

describe('previewText', () => {
  test('whole when short; else the first sentences that fit; else cut at a word', () => {
    assert.equal(previewText('One. Two.', 100), 'One. Two.');
    assert.equal(previewText('One sentence here. Two sentences here. Three.', 100), 'One sentence here. Two sentences here.');
    assert.equal(previewText('One sentence here. Two sentences here. Three.', 30), 'One sentence here.');
    assert.equal(previewText('One sentence here. Two sentences here.', 100, 1), 'One sentence here.');
    assert.equal(previewText('A first sentence that is far too long for the room.', 20), 'A first sentence…');
  });
});

describe('cardPreview', () => {
  const index = indexKnowledgeBase([builtIn]);

  test('every entity of the built-in pack: at most 600 characters, the role in one or two whole sentences', () => {
    for (const { id } of builtIn.entities) {
      const bg = entityBackground(index, id)!;
      const preview = cardPreview(bg);
      assert.ok(previewChars(bg, preview) <= SHORT_CARD_CHARS, `${id}: ${previewChars(bg, preview)} characters`);
      const [only] = preview.sources;
      assert.equal(preview.sources.length, 1);
      assert.equal(only?.line, 'The Guardian · 9 Jul 2022');
      assert.ok(bg.entity.role.startsWith(only!.role), `${id}: the preview starts the role`);
      assert.match(only!.role, /[.!?]$/, `${id}: whole sentences`);
    }
    // Blinken's role has three sentences: the first two fit.
    const role = builtIn.entities.find((e) => e.id === 'antony-blinken')!.role;
    const preview = cardPreview(entityBackground(index, 'antony-blinken')!).sources[0]!.role;
    assert.ok(preview.length < role.length && role.startsWith(preview) && preview.split(/[.!?] /).length === 2, preview);
  });

  const long = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i + 1} of a role that goes on at some considerable length.`).join(' ');
  const entity: Entity = {
    id: 'x',
    name: 'A Rather Long Name For Someone',
    type: 'organisation',
    description: 'd'.repeat(300),
    role: long(6),
    facts: [],
    quotes: [],
    related: [],
    aliases: [],
  };
  const source = (id: string, extra: Partial<Source> = {}) => ({ id, outlet: `The ${id} Outlet With A Long Name`, headline: `${id} `.repeat(40), ...extra });
  const bg = (n: number): EntityBackground => {
    const sources = Array.from({ length: n }, (_, i) =>
      ({ source: source(`s${i}`, { origin: 'reading', published: `2026-0${i + 1}-01` } as Partial<Source>), entity }),
    );
    return { entity, source: sources[0]!.source, sources, related: [], speakers: {} };
  };

  test('long descriptions, roles and headlines of one to five stories still fit in 600 characters', () => {
    for (const n of [1, 2, 3, 5]) {
      const preview = cardPreview(bg(n));
      assert.ok(previewChars(bg(n), preview) <= SHORT_CARD_CHARS, `${n} stories: ${previewChars(bg(n), preview)} characters`);
      assert.ok(preview.sources.length >= 1 && preview.sources.length <= 2, `${n} stories: ${preview.sources.length} shown`);
      assert.equal(preview.sources.length + preview.hidden, n);
      assert.ok(preview.description.length <= 140);
    }
  });

  test('reading packs are labelled, with their headline, and their role shown as the article’s words', () => {
    const preview = cardPreview(bg(1));
    assert.match(preview.sources[0]!.line, /^From your reading · The s0 Outlet With A Long Name · 1 Jan 2026$/);
    assert.match(preview.sources[0]!.headline ?? '', /^“s0 s0 .*…”$/);
    assert.equal(preview.sources[0]!.verbatim, true);
  });
});
