import type { Migration } from './types';

/**
 * Sager: one matter followed across meetings and forums. An agenda item can belong to one sag; the sag's
 * timeline is its items in meeting order, with their decisions and actions. Deleting a sag leaves the
 * items; deleting an item leaves the sag and its other items.
 *
 * Linking starts with finding the earlier item by any part of its title («dækning» finds
 * «Vikardækning»). A trigram index over the titles, folded to lower case with Æ, Ø and Å too (SQLite's
 * lower() only knows A–Z), answers that without reading every item of a ten-year archive. As with the
 * search index of migration 005, agenda_item's rowid may change on VACUUM, so `item_title_doc` owns a
 * stable integer id per item; triggers keep both in step with agenda_item.
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

      CREATE TABLE item_title_doc (
        doc      INTEGER PRIMARY KEY,
        item_id  TEXT NOT NULL UNIQUE
      );
      CREATE VIRTUAL TABLE item_title_trigram USING fts5 (folded_title, tokenize = 'trigram');
      INSERT INTO item_title_doc (item_id) SELECT id FROM agenda_item;
      INSERT INTO item_title_trigram (rowid, folded_title)
        SELECT d.doc, lower(replace(replace(replace(i.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))
          FROM item_title_doc d JOIN agenda_item i ON i.id = d.item_id;

      CREATE TRIGGER item_title_ai AFTER INSERT ON agenda_item BEGIN
        INSERT INTO item_title_doc (item_id) VALUES (new.id);
        INSERT INTO item_title_trigram (rowid, folded_title)
          VALUES (last_insert_rowid(), lower(replace(replace(replace(new.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å')));
      END;
      CREATE TRIGGER item_title_au AFTER UPDATE OF title ON agenda_item BEGIN
        UPDATE item_title_trigram
           SET folded_title = lower(replace(replace(replace(new.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))
         WHERE rowid = (SELECT doc FROM item_title_doc WHERE item_id = new.id);
      END;
      CREATE TRIGGER item_title_ad AFTER DELETE ON agenda_item BEGIN
        DELETE FROM item_title_trigram WHERE rowid = (SELECT doc FROM item_title_doc WHERE item_id = old.id);
        DELETE FROM item_title_doc WHERE item_id = old.id;
      END;
    `);
  },
};
