import type { Migration } from './types';

/**
 * Forums shared with other laptops through the kommune's server, and what keeps their shared documents.
 *
 * `shared_forum`: a forum this laptop shares, and the server it shares it through. No foreign key: a laptop
 * that joins a forum records it before the forum's rows have arrived.
 *
 * `sync_update`: every Yjs update of a shared document, in the order this laptop got it: its own writes
 * (origin 'lokal', written in the same transaction as the rows they came from, so a write is never
 * acknowledged without its update) and the server's (origin 'server'). `acknowledged` says the server
 * has stored a local update; until then it counts as waiting.
 *
 * `sync_document`: a document's updates folded into one state, up to `state_seq`, so a laptop with
 * hundreds of meetings loads each document from one blob plus the few updates logged after it.
 */
export const migration017: Migration = {
  version: 17,
  name: 'delte_forummer',
  up(db) {
    db.exec(`
      CREATE TABLE shared_forum (
        forum_id    TEXT PRIMARY KEY,
        server_url  TEXT NOT NULL,
        shared_at   TEXT NOT NULL
      );

      CREATE TABLE sync_update (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        document      TEXT NOT NULL,
        forum_id      TEXT NOT NULL,
        update_blob   BLOB NOT NULL,
        origin        TEXT NOT NULL CHECK (origin IN ('lokal', 'server')),
        acknowledged  INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1))
      );
      CREATE INDEX sync_update_document ON sync_update (document, seq);
      CREATE INDEX sync_update_waiting ON sync_update (forum_id) WHERE origin = 'lokal' AND acknowledged = 0;

      CREATE TABLE sync_document (
        document   TEXT PRIMARY KEY,
        forum_id   TEXT NOT NULL,
        state      BLOB NOT NULL,
        state_seq  INTEGER NOT NULL
      );
      CREATE INDEX sync_document_forum ON sync_document (forum_id);
    `);
  },
};
