/**
 * Knowledge bases of growing size for the scaling table: the built-in pack plus a pack of
 * generated people ("Maria Garcia", with "Garcia" as a second reference, as the built-in people
 * have), drawn from the same name list the generated pages use.
 */
import path from 'node:path';
import { compileMatcher } from '../src/match/compile';
import type { Entity, KnowledgeBase } from '../src/kb/types';
import { prepareData } from '../scripts/prepare-data';
import { ROOT, SEED } from './config';
import { FIRST_NAMES, SURNAMES } from './names';
import { seededRandom, shuffle } from './rng';
import type { BuildData } from './variants';

/** Named entities of the built-in knowledge base (the 16 with aliases that are names, not topics). */
export const BUILT_IN_NAMED_ENTITIES = 16;

/** Every first name × surname pair, in one fixed random order: entity i of every size is the same person. */
export const PEOPLE: readonly string[] = shuffle(
  seededRandom(SEED),
  FIRST_NAMES.flatMap((first) => SURNAMES.map((last) => `${first} ${last}`)),
);

/** The project's data/, validated and compiled exactly as build.mjs does. */
export function builtInData(): BuildData {
  const prepared = prepareData(path.join(ROOT, 'data'));
  if (!prepared.compiled) throw new Error(`data/ is invalid:\n${prepared.errors.join('\n')}`);
  return { packs: prepared.packs, compiled: prepared.compiled };
}

/** A generated person: full name, and surname as a standalone second reference (as the built-in people have). */
export function person(fullName: string, index: number): Entity {
  const surname = fullName.slice(fullName.indexOf(' ') + 1);
  return {
    id: `bench-person-${index}`,
    name: fullName,
    type: 'person',
    description: 'A generated person for the benchmark.',
    role: 'Nobody: a generated name. It exists only to measure what matching costs.',
    facts: [],
    quotes: [],
    related: [],
    aliases: [{ form: fullName }, { form: surname, standalone: true, secondReference: true }],
  };
}

/** The built-in knowledge base grown to `size` entities with generated people. */
export function scaledData(size: number): BuildData {
  const base = builtInData();
  const extra = Math.max(0, size - BUILT_IN_NAMED_ENTITIES);
  if (extra > PEOPLE.length) throw new Error(`at most ${PEOPLE.length + BUILT_IN_NAMED_ENTITIES} entities`);
  if (extra === 0) return base;
  const builtIn = base.packs[0]!;
  const pack: KnowledgeBase = {
    schemaVersion: 2,
    source: { ...builtIn.source, id: `bench-people-${extra}` },
    matching: builtIn.matching,
    entities: PEOPLE.slice(0, extra).map(person),
  };
  const packs = [...base.packs, pack];
  // Surnames shared by several people clash; the compiler keeps the first, as it would for a real pack.
  return { packs, compiled: compileMatcher(packs).compiled };
}
