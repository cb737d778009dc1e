import type { Migration } from './types';

/**
 * The decision panel's draft: what the facilitator has typed for an item's decision and not yet saved
 * as the decision (read back or «Gem udkast»). It is kept like the notes, while typing, so a typed
 * decision survives moving to another item or a closed window. The fields are stored as typed, as JSON,
 * because a draft may still lack what a decision needs (a colour, the text itself). Recording the
 * decision removes its draft in the same transaction.
 */
export const migration013: Migration = {
  version: 13,
  name: 'beslutningsudkast',
  up(db) {
    db.exec(`
      CREATE TABLE decision_draft (
        item_id   TEXT PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
        fields    TEXT NOT NULL CHECK (json_valid(fields)),
        saved_at  TEXT NOT NULL
      );
    `);
  },
};
