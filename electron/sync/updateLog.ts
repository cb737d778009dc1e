import * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import type { ForumAccess, SharedForum, UpdateOrigin } from './types';

/**
 * The local store of the shared documents (migration 016): which forums are shared, every update in the
 * order it came, and each document's compacted state. Plain SQL; the caller holds the transaction.
 */

export function sharedForumRows(db: SqliteDb): SharedForum[] {
  const rows = statement(
    db,
    `SELECT forum_id AS forumId, server_url AS serverUrl, shared_at AS sharedAt, person_right AS right, forum_admin AS admin, me_person_id AS forumPersonId,
       copy_waiting_since IS NOT NULL AS copyWaiting
     FROM shared_forum ORDER BY shared_at, forum_id`,
  ).all() as (Omit<SharedForum, 'admin' | 'copyWaiting'> & { admin: number; copyWaiting: number })[];
  return rows.map((row) => ({ ...row, admin: row.admin === 1, copyWaiting: row.copyWaiting === 1 }));
}

export function hasSharedForumTable(db: SqliteDb): boolean {
  return statement(db, "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'shared_forum'").get() !== undefined;
}

export function saveSharedForum(db: SqliteDb, forumId: string, serverUrl: string, at: string, access: ForumAccess): void {
  statement(
    db,
    `INSERT INTO shared_forum (forum_id, server_url, shared_at, person_right, forum_admin, me_person_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (forum_id) DO UPDATE SET server_url = excluded.server_url, person_right = excluded.person_right, forum_admin = excluded.forum_admin,
       me_person_id = excluded.me_person_id`,
  ).run(forumId, serverUrl, at, access.right, access.admin ? 1 : 0, access.forumPersonId);
}

export function saveAccess(db: SqliteDb, forumId: string, access: ForumAccess): void {
  statement(db, 'UPDATE shared_forum SET person_right = ?, forum_admin = ?, me_person_id = ? WHERE forum_id = ?').run(
    access.right,
    access.admin ? 1 : 0,
    access.forumPersonId,
    forumId,
  );
}

export function lastLocalSeq(db: SqliteDb, document: string): number {
  return (statement(db, "SELECT max(seq) FROM sync_update WHERE document = ? AND origin = 'lokal'").pluck().get(document) as number | null) ?? 0;
}

/** Appends one update and returns its sequence number. */
export function appendUpdate(db: SqliteDb, document: string, forumId: string, update: Uint8Array, origin: UpdateOrigin): number {
  statement(db, "INSERT OR IGNORE INTO sync_document (document, forum_id, state, state_seq) VALUES (?, ?, x'', 0)").run(document, forumId);
  const result = statement(db, 'INSERT INTO sync_update (document, forum_id, update_blob, origin) VALUES (?, ?, ?, ?)').run(
    document,
    forumId,
    Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    origin,
  );
  return Number(result.lastInsertRowid);
}

export interface StoredDocument {
  state: Uint8Array;
  stateSeq: number;
  /** The updates logged after the state, oldest first. */
  updates: { seq: number; update: Uint8Array }[];
}

export function loadDocument(db: SqliteDb, document: string): StoredDocument {
  const row = statement(db, 'SELECT state, state_seq FROM sync_document WHERE document = ?').get(document) as { state: Buffer; state_seq: number } | undefined;
  const stateSeq = row?.state_seq ?? 0;
  const updates = (statement(db, 'SELECT seq, update_blob FROM sync_update WHERE document = ? AND seq > ? ORDER BY seq').all(document, stateSeq) as {
    seq: number;
    update_blob: Buffer;
  }[]).map((u) => ({ seq: u.seq, update: new Uint8Array(u.update_blob) }));
  return { state: new Uint8Array(row?.state ?? Buffer.alloc(0)), stateSeq, updates };
}

export function storedDocumentNames(db: SqliteDb, forumId: string): string[] {
  return statement(db, 'SELECT document FROM sync_document WHERE forum_id = ? ORDER BY document').pluck().all(forumId) as string[];
}

/** Stores a document's state as of `seq`, and drops the logged updates it holds that the server has (or gave). */
export function saveCompacted(db: SqliteDb, document: string, state: Uint8Array, seq: number): void {
  statement(db, 'UPDATE sync_document SET state = ?, state_seq = ? WHERE document = ?').run(Buffer.from(state), seq, document);
  statement(db, "DELETE FROM sync_update WHERE document = ? AND seq <= ? AND (origin = 'server' OR acknowledged = 1)").run(document, seq);
}

/** Folds one document's log into its stored state, in one transaction; the live document is already all of it. */
export function compactStored(db: SqliteDb, document: string): void {
  db.transaction(() => {
    const stored = loadDocument(db, document);
    // Without updates after the state, only those the server has since taken are dropped.
    const seq = stored.updates.at(-1)?.seq ?? stored.stateSeq;
    const parts = [stored.state, ...stored.updates.map((u) => u.update)].filter((u) => u.length > 0);
    const state = stored.updates.length === 0 ? stored.state : Y.mergeUpdates(parts);
    saveCompacted(db, document, state, seq);
  }).immediate();
}

/**
 * The documents whose log holds at least `least` updates a compaction would fold into the state or drop: those
 * after the state, and those before it that the server has (or gave). Most such updates first.
 */
export function documentsToCompact(db: SqliteDb, least: number): string[] {
  return statement(
    db,
    `SELECT u.document FROM sync_update u JOIN sync_document d ON d.document = u.document
     WHERE u.seq > d.state_seq OR u.origin = 'server' OR u.acknowledged = 1
     GROUP BY u.document HAVING count(*) >= ? ORDER BY count(*) DESC, u.document`,
  )
    .pluck()
    .all(least) as string[];
}

export function acknowledge(db: SqliteDb, document: string, seq: number): void {
  statement(db, "UPDATE sync_update SET acknowledged = 1 WHERE document = ? AND seq <= ? AND origin = 'lokal' AND acknowledged = 0").run(document, seq);
}

/** This laptop's updates of one document that its log still holds, taken by the server or not, oldest first. */
export function localUpdates(db: SqliteDb, document: string): Uint8Array[] {
  const blobs = statement(db, "SELECT update_blob FROM sync_update WHERE document = ? AND origin = 'lokal' ORDER BY seq").pluck().all(document) as Buffer[];
  return blobs.map((blob) => new Uint8Array(blob));
}

/**
 * This laptop's updates of one document logged after the last update the server sent of it, oldest first: what the
 * next remote update may have been made without. Taken or not: the server may take them (the transport sends them as
 * it connects) before the updates it sent first are stored here.
 */
export function localSinceRemote(db: SqliteDb, document: string): Uint8Array[] {
  const blobs = statement(
    db,
    `SELECT update_blob FROM sync_update WHERE document = ? AND origin = 'lokal'
       AND seq > COALESCE((SELECT max(seq) FROM sync_update WHERE document = ? AND origin = 'server'), 0) ORDER BY seq`,
  )
    .pluck()
    .all(document, document) as Buffer[];
  return blobs.map((blob) => new Uint8Array(blob));
}

export function waitingCount(db: SqliteDb, forumId: string): number {
  return statement(db, "SELECT count(*) FROM sync_update WHERE forum_id = ? AND origin = 'lokal' AND acknowledged = 0").pluck().get(forumId) as number;
}
