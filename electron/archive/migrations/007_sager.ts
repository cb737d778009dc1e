import type { Migration } from './types';

/** A title in lower case with the Danish capitals folded too (SQLite's lower() only knows A–Z). */
export const foldedTitle = (column: string) => `lower(replace(replace(replace(${column}, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))`;

/**
 * Sager: one matter followed across meetings and forums. An agenda item can belong to one sag; the sag's
 * timeline is its items in meeting order, with their decisions and actions. Deleting a sag leaves the
 * items; deleting an item leaves the sag and its other items.
 *
 * Linking starts with finding the earlier item by any part of its title («dækning» finds
 * «Vikardækning»). A trigram index over the folded titles answers that without reading every item of a
 * ten-year archive; triggers keep it in step with agenda_item (rowid for rowid).
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

      CREATE VIRTUAL TABLE item_title_trigram USING fts5 (folded_title, tokenize = 'trigram');
      INSERT INTO item_title_trigram (rowid, folded_title) SELECT rowid, ${foldedTitle('title')} FROM agenda_item;
      CREATE TRIGGER item_title_trigram_ai AFTER INSERT ON agenda_item BEGIN
        INSERT INTO item_title_trigram (rowid, folded_title)
          VALUES (new.rowid, ${foldedTitle('new.title')});
      END;
      CREATE TRIGGER item_title_trigram_au AFTER UPDATE OF title ON agenda_item BEGIN
        UPDATE item_title_trigram
           SET folded_title = ${foldedTitle('new.title')}
         WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER item_title_trigram_ad AFTER DELETE ON agenda_item BEGIN
        DELETE FROM item_title_trigram WHERE rowid = old.rowid;
      END;
    `);
  },
};
