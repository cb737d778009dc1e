import type { SqliteDb } from './open';

/**
 * Bulk writes with the search indexes brought up to date once, at the end.
 *
 * Every meeting, item, decision and action has a search document (search_doc, migration 005) that
 * triggers keep in step, and triggers keep the two full-text indexes in step with the documents:
 * `search` (the archive search) and `item_title_trigram` (finding earlier items for a sag, 007). Row
 * by row, that index work is most of the time a whole archive's import takes, and it is work that one
 * pass over the documents does several times faster. So a bulk write removes the index triggers,
 * writes, builds both indexes from the documents once and puts the triggers back, all inside the
 * caller's transaction: SQLite's schema changes are part of the transaction, so a failure or a crash
 * anywhere leaves the archive, its triggers and its indexes exactly as they were.
 *
 * The triggers that assemble search_doc from the source tables stay on: they are the one definition
 * of what a document holds. `search` is built anew from all documents (FTS5's 'rebuild'); the title
 * index gets the items that are new, while its update and delete triggers stay on, as they only touch
 * items the index already has.
 */

/** The triggers that copy documents into the indexes (005, 007); the ones that build documents stay. */
const INDEX_TRIGGERS = ['search_doc_ai', 'search_doc_au', 'search_doc_ad', 'item_title_ai'];

/** What the folded title of an item is (migration 007): lower case, Æ, Ø and Å included. */
const FOLDED_TITLE = "lower(replace(replace(replace(i.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))";

/** How many search documents the archive has: what a rebuild of the index reads. */
export function searchDocumentCount(db: SqliteDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM search_doc').get() as { n: number }).n;
}

/**
 * Runs `write` with the index triggers suspended and rebuilds the indexes once afterwards. Must be
 * called inside a transaction; if `write` throws, the caller's rollback restores the triggers.
 */
export function withIndexingSuspended<T>(db: SqliteDb, write: () => T): T {
  if (!db.inTransaction) throw new Error('withIndexingSuspended must run inside a transaction.');
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(INDEX_TRIGGERS)) as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  const result = write();
  rebuildIndexes(db);
  for (const { sql } of triggers) db.exec(sql);
  return result;
}

function rebuildIndexes(db: SqliteDb): void {
  const { last } = db.prepare('SELECT COALESCE(MAX(doc), 0) AS last FROM item_title_doc').get() as { last: number };
  db.exec(`
    INSERT INTO search (search) VALUES ('rebuild');
    -- One segment, as migration 010 leaves it: a crisis merge inside a later autosave then only ever
    -- meets the small segments of the writes after it.
    INSERT INTO search (search) VALUES ('optimize');
    INSERT INTO item_title_doc (item_id)
      SELECT id FROM agenda_item WHERE NOT EXISTS (SELECT 1 FROM item_title_doc d WHERE d.item_id = agenda_item.id);
  `);
  db.prepare(
    `INSERT INTO item_title_trigram (rowid, folded_title)
       SELECT d.doc, ${FOLDED_TITLE} FROM item_title_doc d JOIN agenda_item i ON i.id = d.item_id WHERE d.doc > ?`,
  ).run(last);
}
