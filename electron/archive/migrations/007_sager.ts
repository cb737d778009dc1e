import type { Migration } from './types';

/**
 * Sager: one matter followed across meetings and forums. An agenda item can belong to one sag; the sag's
 * timeline is its items in meeting order, with their decisions and actions. Deleting a sag leaves the
 * items; deleting an item leaves the sag and its other items.
 */
export const migration007: Migration = {
  version: 7,
  name: 'sager',
  up(db) {
    db.exec(`
      CREATE TABLE sag (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL CHECK (trim(title) <> ''),
        created_at  TEXT NOT NULL
      );
      ALTER TABLE agenda_item ADD COLUMN sag_id TEXT REFERENCES sag (id) ON DELETE SET NULL;
      CREATE INDEX agenda_item_sag ON agenda_item (sag_id);
    `);
  },
};
