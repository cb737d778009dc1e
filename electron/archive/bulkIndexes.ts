import type { SqliteDb } from './open';

/**
 * A bulk write with the lookup indexes of the large tables built once afterwards.
 *
 * Meetings, items and actions have ids in random order, and every row written goes into each of the
 * table's indexes at a random place: for a whole archive's actions that is ten trees, each larger
 * than SQLite's page cache, so most of the time goes to reading and writing their pages again. An
 * index built in one pass sorts first and writes each page once. So the indexes are dropped, the
 * rows written and the indexes created again from their own definitions, inside the caller's
 * transaction, where a failure or a crash leaves them as they were (schema changes are transactional).
 *
 * Only indexes made for reading are dropped. The ones behind a primary key or a UNIQUE constraint
 * (SQLite's automatic indexes, without SQL of their own) stay: upserts and constraints need them.
 */

/** The tables a whole archive's rows mostly go to. */
const LARGE_TABLES = ['meeting', 'agenda_item', 'action'];

/** An index a trigger that stays on during the write reads (009: an item closed here closes its actions). */
const READ_BY_TRIGGERS = ['action_item'];

/** Runs `write` with the read indexes of the large tables dropped, and builds them again afterwards. */
export function withReadIndexesDeferred<T>(db: SqliteDb, write: () => T): T {
  if (!db.inTransaction) throw new Error('withReadIndexesDeferred must run inside a transaction.');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
        WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN (SELECT value FROM json_each(?)) AND name NOT IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(LARGE_TABLES), JSON.stringify(READ_BY_TRIGGERS)) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const result = write();
  for (const { sql } of indexes) db.exec(sql);
  return result;
}
