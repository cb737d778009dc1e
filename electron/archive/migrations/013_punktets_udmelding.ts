import type { Migration } from './types';

/**
 * What an item announces before the meeting besides its colour: what is given (the frame nobody in the
 * room can change) and what is up for discussion. Fair Proces asks for both to be clear before the talk
 * starts, so they belong to the item as it is prepared, not only to the decision recorded afterwards.
 * Existing items announce nothing: both start empty.
 */
export const migration013: Migration = {
  version: 13,
  name: 'punktets_udmelding',
  up(db) {
    db.exec(`
      ALTER TABLE agenda_item ADD COLUMN announced_given TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN announced_open TEXT NOT NULL DEFAULT '';
    `);
  },
};
