/** A small knowledge base for matcher tests: the alias rules of the core entities, no background. */
import type { Alias, Entity, EntityType, KnowledgeBase } from '../kb/types';

export const entity = (id: string, type: EntityType, aliases: (string | Alias)[], neverMatch?: string[]): Entity => ({
  id,
  name: id,
  type,
  description: `${id}.`,
  role: `${id}. ${id}.`,
  facts: [],
  quotes: [],
  related: [],
  aliases: aliases.map((a) => (typeof a === 'string' ? { form: a } : a)),
  ...(neverMatch ? { neverMatch } : {}),
});

export const G20_CONTEXT = ['summit', 'ministers', 'leaders', 'Group of 20'];

export function testKnowledgeBase(): KnowledgeBase {
  return {
    schemaVersion: 2,
    source: { id: 'test', outlet: 'Test', headline: 'Test', standfirst: 'Test', summary: 'A. B. C.', paragraphCount: 3 },
    matching: { allowedNeighbours: ['President', 'Mr', 'Secretary', 'But', 'The', 'When', 'Warns'] },
    entities: [
      entity('antony-blinken', 'person', ['Antony Blinken', 'Secretary Blinken', { form: 'Blinken', standalone: true }]),
      entity('wang-yi', 'person', ['Wang Yi', { form: 'Wang', secondReference: true, standalone: true }], ['Vera Wang']),
      entity('joe-biden', 'person', ['Joe Biden', 'Biden administration', { form: 'Biden', standalone: true }], ['Hunter Biden']),
      entity('china', 'country', ['China', "People's Republic of China", { form: 'PRC', exactCase: true }], ['South China Morning Post']),
      entity('united-states', 'country', ['United States', { form: 'US', exactCase: true, notInCapitalsRun: true }, { form: 'U.S.', exactCase: true }]),
      entity('russia', 'country', ['Russia']),
      entity('ukraine', 'country', ['Ukraine']),
      entity('taiwan', 'country', ['Taiwan']),
      entity('taiwan-strait', 'place', ['Taiwan Strait', 'Taiwan strait']),
      entity('south-china-sea', 'place', ['South China Sea']),
      entity('g20', 'organisation', [{ form: 'G20', requiresPageContext: G20_CONTEXT, contextFromPack: true }, 'Group of 20']),
      entity('rules-based-order', 'topic', [{ form: 'rules-based order', exactCase: true }]),
    ],
  };
}
