import { entityId, input } from '../fields';
import { read, write } from '../spec';

/**
 * Words a member typed, offline, in a closed item that another laptop opened meanwhile (electron/sync/openedWords.ts):
 * kept for the members only, shown on the item until a member puts them in (which shares them with the open item)
 * or discards them.
 */
export interface KeptWords {
  itemId: string;
  keptId: string;
  /** Who typed them, as the forum knows them; null when the server had not said. */
  personName: string | null;
  /** When they were kept. */
  at: string;
  /** The item's fields as they were typed, in the item's order. */
  fields: { field: string; label: string; words: string }[];
}

const kept = input({ itemId: entityId('Punktet'), keptId: entityId('Ordene') });

export const keptWordsMethods = {
  'agenda.keptWords': read<KeptWords[]>()(input({ meetingId: entityId('Mødet') })),
  'agenda.useKeptWords': write<KeptWords[]>()(kept),
  'agenda.discardKeptWords': write<KeptWords[]>()(kept),
} as const;
