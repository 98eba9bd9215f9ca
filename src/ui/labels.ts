/** Human-readable names for entity types, shared by the card, the popup and the options page. */
import type { EntityType } from '../kb/types';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  country: 'Country',
  place: 'Place',
  organisation: 'Organisation',
  topic: 'Topic',
};

/** Plural labels for lists of switches ("People", "Countries"). */
export const TYPE_LABELS_PLURAL: Record<EntityType, string> = {
  person: 'People',
  country: 'Countries',
  place: 'Places',
  organisation: 'Organisations',
  topic: 'Topics',
};
