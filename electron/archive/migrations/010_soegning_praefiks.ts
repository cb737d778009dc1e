import type { Migration } from './types';

/**
 * Search for what people type, at any archive size.
 *
 * - The search box asks while the user types, so its first questions are one or two letters and the
 *   most common words. FTS5 answers a prefix without a prefix index of its length by merging the lists
 *   of every word that starts with it («f»: thousands of words, 150 ms at ten years). The index is built
 *   again with prefix indexes for 1, 2 and 3 letters, so every such prefix is one list that is read
 *   only as far as the page needs (services/search.ts decides how the hits are ordered).
 * - The documents are numbered anew in meeting order (oldest first), so reading the index backwards is
 *   reading the archive newest first. New documents are numbered after them, as the app writes them.
 * - FTS5 merges its segments inside the writing statement by default (`automerge`), and once in about
 *   a hundred autosaves that merge reaches the large segments and holds the save for a fifth of a
 *   second. Automatic merging is turned off; the services merge in small steps when the archive is
 *   idle (services/searchUpkeep.ts). `crisismerge` still bounds the segments a long busy spell leaves,
 *   and what it merges then is only the small segments those writes made, since the index is left
 *   as one large segment.
 */
export const migration010: Migration = {
  version: 10,
  name: 'soegning-praefiks',
  up(db) {
    db.exec(`
      DROP TABLE search;

      CREATE TEMP TABLE search_doc_order (old_doc INTEGER PRIMARY KEY, new_doc INTEGER NOT NULL);
      INSERT INTO temp.search_doc_order (old_doc, new_doc)
        SELECT doc, row_number() OVER (ORDER BY starts_at IS NULL, starts_at, meeting_id, doc) FROM search_doc;
      UPDATE search_doc SET doc = -doc;
      UPDATE search_doc SET doc = (SELECT new_doc FROM temp.search_doc_order WHERE old_doc = -search_doc.doc);
      DROP TABLE temp.search_doc_order;

      CREATE VIRTUAL TABLE search USING fts5 (
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, forum_id UNINDEXED, colour UNINDEXED,
        item_type UNINDEXED, starts_at UNINDEXED, confidential UNINDEXED,
        content = 'search_doc', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2 3'
      );
      INSERT INTO search (search, rank) VALUES ('automerge', 0);
      INSERT INTO search (search, rank) VALUES ('crisismerge', 16);
      INSERT INTO search (search) VALUES ('rebuild');
      -- One segment: what 'rebuild' leaves on the lowest level would otherwise be merged by the first
      -- crisis merge, inside some autosave.
      INSERT INTO search (search) VALUES ('optimize');
    `);
  },
};
