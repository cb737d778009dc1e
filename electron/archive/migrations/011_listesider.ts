import type { Migration } from './types';

/**
 * Long lists are read a page at a time, and each page must come from an index, not from the whole table.
 *
 * - `action_open`: the open actions (åben, i gang, forsinket) by deadline. The follow-up list's default
 *   filter reads only these, so its first page sorts a few hundred rows instead of scanning every action
 *   ever agreed. The condition is written exactly as the queries write «every open one», which is what
 *   lets SQLite use a partial index.
 * - `agenda_item_register`: an item's meeting and confidentiality beside its id, so counting the decisions
 *   of the register («Viser 50 af 1.234») reaches each decision's item without reading its notes.
 */
export const migration011: Migration = {
  version: 11,
  name: 'listesider',
  up(db) {
    db.exec(`
      CREATE INDEX action_open ON action (due) WHERE status IN ('aaben', 'igang', 'forsinket');
      CREATE INDEX agenda_item_register ON agenda_item (id, meeting_id, confidential);
    `);
  },
};
