import type { SqliteDb } from './open';

/**
 * Bulk writes with the search documents and indexes brought up to date once, at the end.
 *
 * Every meeting, item, decision and action has a search document (search_doc, migration 005) that
 * triggers keep in step, and triggers keep the two full-text indexes in step with the documents:
 * `search` (the archive search) and `item_title_trigram` (finding earlier items for a sag, 007). Row
 * by row, that work is most of the time a whole archive's import takes, and it is work that one pass
 * per source does several times faster. So a bulk write removes those triggers, writes, assembles the
 * documents of what it wrote with one statement, builds both indexes from the documents once and puts
 * the triggers back, all inside the caller's transaction: SQLite's schema changes are part of the
 * transaction, so a failure or a crash anywhere leaves the archive, its triggers and its indexes
 * exactly as they were.
 *
 * The triggers that remove a document when its row is deleted stay on, and so do the title index's
 * update and delete triggers, which only touch items the index already has. `search` is built anew
 * from all documents (FTS5's 'rebuild'); the title index gets the items that are new.
 */

/** The triggers that copy documents into the indexes (005, 007). */
const INDEX_TRIGGERS = ['search_doc_ai', 'search_doc_au', 'search_doc_ad', 'item_title_ai'];

/** The triggers that assemble a document from its rows when they are written (005, 009). */
const DOCUMENT_TRIGGERS = [
  'search_meeting_ai',
  'search_meeting_au',
  'search_item_ai',
  'search_item_au',
  'search_decision_ai',
  'search_decision_au',
  'search_action_ai',
  'search_action_au',
];

/** What the folded title of an item is (migration 007): lower case, Æ, Ø and Å included. */
const FOLDED_TITLE = "lower(replace(replace(replace(i.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))";

/**
 * What a document holds, as the document triggers assemble it (005, with the action's own
 * confidentiality of 009), for the meetings in `@meetings` with everything from them and the actions
 * in `@actions`. tests/unit/search-scale.test.ts holds the two definitions to the same documents.
 * New documents are numbered in meeting order, oldest first and the meeting before what came of it,
 * item by item with its decision and the actions last, as migration 010 numbers them: reading the index backwards is reading the archive newest first.
 */
const DOCUMENTS = `
  INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
  SELECT kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body FROM (
    SELECT 'meeting' AS kind, m.id AS ref_id, m.id AS meeting_id, m.forum_id, NULL AS colour, NULL AS item_type,
           m.starts_at, 0 AS confidential, m.title, m.purpose AS body, 0 AS position
      FROM meeting m
     WHERE m.id IN (SELECT value FROM json_each(@meetings))
    UNION ALL
    SELECT 'item', i.id, i.meeting_id, m.forum_id, i.announced_colour, i.type, m.starts_at, i.confidential, i.title,
           concat_ws(char(10), NULLIF(i.background, ''), NULLIF(i.notes, '')), i.position
      FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
     WHERE i.meeting_id IN (SELECT value FROM json_each(@meetings))
    UNION ALL
    SELECT 'decision', d.id, i.meeting_id, m.forum_id, d.colour, i.type, m.starts_at, i.confidential, i.title,
           concat_ws(char(10), d.text, 'Dissens: ' || NULLIF(d.dissent, ''), NULLIF(d.colour_reason, ''),
                     NULLIF(d.decided_by, ''), NULLIF(d.involve_context, ''), NULLIF(d.involve_need, ''),
                     NULLIF(d.involve_how, ''), NULLIF(d.explain_reasoning, ''), NULLIF(d.explain_compromises, ''),
                     NULLIF(d.explain_constraints, ''), NULLIF(d.expect_given, ''), NULLIF(d.expect_open, ''),
                     NULLIF(d.expect_of_whom, '')), i.position
      FROM decision d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
     WHERE i.meeting_id IN (SELECT value FROM json_each(@meetings))
    UNION ALL
    SELECT 'action', a.id, m.id, a.forum_id, NULL, NULL, m.starts_at, a.confidential, a.what, a.who, 0
      FROM action a
      LEFT JOIN agenda_item i ON i.id = a.item_id
      LEFT JOIN meeting m ON m.id = COALESCE(a.meeting_id, i.meeting_id)
     WHERE a.id IN (SELECT value FROM json_each(@actions))
        OR COALESCE(a.meeting_id, i.meeting_id) IN (SELECT value FROM json_each(@meetings))
  ) AS doc
  WHERE true
  ORDER BY starts_at IS NULL, starts_at, meeting_id, kind = 'action', position, kind = 'decision', ref_id
  ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
    colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
    confidential = excluded.confidential, title = excluded.title, body = excluded.body`;

/** What a bulk write writes: its documents are assembled from these rows and everything from the meetings. */
export interface BulkScope {
  meetingIds: readonly string[];
  actionIds: readonly string[];
}

/** How many search documents the archive has: what a rebuild of the index reads. */
export function searchDocumentCount(db: SqliteDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM search_doc').get() as { n: number }).n;
}

/**
 * Runs `write` with the document and index triggers suspended, then assembles the documents of
 * `scope` and rebuilds the indexes once. Must be called inside a transaction; if `write` throws, the
 * caller's rollback restores the triggers.
 */
export function withIndexingSuspended<T>(db: SqliteDb, scope: BulkScope, write: () => T): T {
  if (!db.inTransaction) throw new Error('withIndexingSuspended must run inside a transaction.');
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...INDEX_TRIGGERS, ...DOCUMENT_TRIGGERS])) as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  const result = write();
  db.prepare(DOCUMENTS).run({ meetings: JSON.stringify(scope.meetingIds), actions: JSON.stringify(scope.actionIds) });
  rebuildIndexes(db);
  for (const { sql } of triggers) db.exec(sql);
  return result;
}

/**
 * How much index FTS5 builds in memory before it writes a segment (its 'hashsize'; 1 MB unless set).
 * At 1 MB a whole archive's rebuild writes hundreds of small segments and merges them again and again;
 * with room for the whole index of a ten-year archive it writes one, when the optimize flushes it.
 */
const REBUILD_HASH_BYTES = 256 * 1024 * 1024;
const DEFAULT_HASH_BYTES = 1024 * 1024;

function rebuildIndexes(db: SqliteDb): void {
  const { last } = db.prepare('SELECT COALESCE(MAX(doc), 0) AS last FROM item_title_doc').get() as { last: number };
  db.exec(`
    INSERT INTO search (search, rank) VALUES ('hashsize', ${REBUILD_HASH_BYTES});
    INSERT INTO search (search) VALUES ('rebuild');
    -- One segment, as migration 010 leaves it: a crisis merge inside a later autosave then only ever
    -- meets the small segments of the writes after it.
    INSERT INTO search (search) VALUES ('optimize');
    -- Back to what every other write uses, so an autosave never holds more than it did.
    INSERT INTO search (search, rank) VALUES ('hashsize', ${DEFAULT_HASH_BYTES});
    INSERT INTO item_title_doc (item_id)
      SELECT id FROM agenda_item WHERE NOT EXISTS (SELECT 1 FROM item_title_doc d WHERE d.item_id = agenda_item.id);
  `);
  db.prepare(
    `INSERT INTO item_title_trigram (rowid, folded_title)
       SELECT d.doc, ${FOLDED_TITLE} FROM item_title_doc d JOIN agenda_item i ON i.id = d.item_id WHERE d.doc > ?`,
  ).run(last);
}
