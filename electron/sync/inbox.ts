import type * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import type { RecordCodec } from '../../shared/records/fields';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ANSWER_CODEC, SUBMISSION_CODEC } from './codec/inboxRecords';
import { senderAnswer } from '../services/redaction';
import { readRecords, writeRecords, type Values } from './records';

/**
 * Inbox documents on the laptop (shared/sync/inbox.ts, migration 023): which ones it keeps in step, the
 * mirror of its own part (the sender's submissions, or a member's answers) from the rows into the document,
 * and the projection of both parts back into the rows. Each laptop writes only the part the server lets it.
 */

export type InboxRole = 'afsender' | 'modtager';

export interface InboxDocument {
  document: string;
  forumId: string;
  forumName: string;
  senderId: string;
  senderName: string;
  /** The server's HTTPS address, as the shared forums store it. */
  serverUrl: string;
  role: InboxRole;
}

export function inboxDocumentName(forumId: string, senderId: string): string {
  return documentName({ kind: 'indbakke', forumId, personId: senderId });
}

export function hasInboxTables(db: SqliteDb): boolean {
  return statement(db, "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'inbox_document'").get() !== undefined;
}

export function inboxDocumentRows(db: SqliteDb): InboxDocument[] {
  return statement(
    db,
    `SELECT document, forum_id AS forumId, forum_name AS forumName, sender_id AS senderId, sender_name AS senderName,
            server_url AS serverUrl, role FROM inbox_document ORDER BY document`,
  ).all() as InboxDocument[];
}

/** Records an inbox document to keep in step; a name already known keeps its role and takes the newer names. */
export function saveInboxDocument(db: SqliteDb, inbox: InboxDocument): void {
  statement(
    db,
    `INSERT INTO inbox_document (document, forum_id, forum_name, sender_id, sender_name, server_url, role)
     VALUES (@document, @forumId, @forumName, @senderId, @senderName, @serverUrl, @role)
     ON CONFLICT (document) DO UPDATE SET
       forum_name = CASE WHEN excluded.forum_name <> '' THEN excluded.forum_name ELSE forum_name END,
       sender_name = CASE WHEN excluded.sender_name <> '' THEN excluded.sender_name ELSE sender_name END`,
  ).run(inbox);
}

/**
 * The rows of the laptop's own part, as the document holds them. The document goes to the sender, who is
 * outside the forum: an answer naming an item that is closed now is written as the redaction boundary shares it.
 */
function rowsOf(db: SqliteDb, codec: RecordCodec, document: string): Map<string, { values: Values }> {
  const columns = [codec.key[0] ?? 'id', ...codec.fields.map((f) => f.column)].map((c) => `"${c}"`).join(', ');
  const closed = codec.closed ? `(${codec.closed})` : '0';
  const sql = `SELECT ${columns}, ${closed} AS sync_closed FROM main."${codec.table}" WHERE ${codec.scope}`;
  const rows = statement(db, sql).all({ document }) as Record<string, string | number | null>[];
  const wanted = new Map<string, { values: Values }>();
  for (const row of rows) {
    const values: Values = {};
    for (const f of codec.fields) values[f.field] = row[f.column] ?? null;
    wanted.set(String(row[codec.key[0] ?? 'id']), { values: codec === ANSWER_CODEC ? senderAnswer(values, row['sync_closed'] === 1) : values });
  }
  return wanted;
}

/** Brings this laptop's own part of the document in line with the rows: the sender its submissions, a member the answers. */
export function mirrorInbox(db: SqliteDb, inbox: InboxDocument, doc: Y.Doc): void {
  const codec = inbox.role === 'afsender' ? SUBMISSION_CODEC : ANSWER_CODEC;
  writeRecords(doc.getMap(codec.type), codec, rowsOf(db, codec, inbox.document));
}

/**
 * The forum's inbox documents (this laptop a member) with an answer naming an item of one of the meetings: a write
 * that closes or opens such an item changes what the sender may read, so those documents are mirrored again.
 */
export function inboxesNamingMeetings(db: SqliteDb, meetingIds: readonly string[]): string[] {
  if (meetingIds.length === 0 || !hasInboxTables(db)) return [];
  return statement(
    db,
    `SELECT DISTINCT s.document FROM main.inbox_answer a
       JOIN main.inbox_submission s ON s.id = a.submission_id
       JOIN main.inbox_document d ON d.document = s.document AND d.role = 'modtager'
      WHERE a.item_id IN (SELECT i.id FROM main.agenda_item i WHERE i.meeting_id IN (SELECT value FROM json_each(?)))`,
  )
    .pluck()
    .all(JSON.stringify(meetingIds)) as string[];
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A record's values when every field passes its check (absent fields take their fallback); null otherwise. */
function checked(codec: RecordCodec, values: Partial<Values>): Values | null {
  const result: Values = {};
  for (const f of codec.fields) {
    const value = f.field in values ? values[f.field] : f.fallback;
    if (!f.check(value)) return null;
    result[f.field] = value ?? null;
  }
  return result;
}

/**
 * Projects both parts of the document into the rows. Nothing is trusted: a record with a bad id or a field
 * that fails its check is left out with a logged reason (ids only); a submission never moves to another
 * document, and an answer counts only for a submission of the same document. Returns how many were left out.
 */
export function projectInbox(db: SqliteDb, inbox: InboxDocument, doc: Y.Doc): number {
  let refused = 0;
  const refuse = (id: string, what: string): void => {
    refused += 1;
    console.error(`[deling] indbakke-post-afvist dokument=${inbox.document} id=${ID.test(id) ? id : '(ugyldigt)'} aarsag=${what}`);
  };
  const submissions = readRecords(doc.getMap(SUBMISSION_CODEC.type), SUBMISSION_CODEC);
  for (const [id, record] of submissions) {
    const values = checked(SUBMISSION_CODEC, record.values);
    if (!ID.test(id) || !values || String(values['title']).trim() === '') {
      refuse(id, 'indsendelse');
      continue;
    }
    statement(
      db,
      `INSERT INTO inbox_submission (id, document, title, text, origin, sent_at) VALUES (@id, @document, @title, @text, @origin, @sentAt)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, text = excluded.text, origin = excluded.origin, sent_at = excluded.sent_at
       WHERE inbox_submission.document = excluded.document
         AND (title, text, origin, sent_at) IS NOT (excluded.title, excluded.text, excluded.origin, excluded.sent_at)`,
    ).run({ id, document: inbox.document, ...values });
  }
  const answers = readRecords(doc.getMap(ANSWER_CODEC.type), ANSWER_CODEC);
  for (const [id, record] of answers) {
    const values = checked(ANSWER_CODEC, record.values);
    const ours = statement(db, 'SELECT 1 FROM inbox_submission WHERE id = ? AND document = ?').get(id, inbox.document) !== undefined;
    if (!values || !ours) {
      refuse(id, 'svar');
      continue;
    }
    statement(
      db,
      `INSERT INTO inbox_answer (submission_id, outcome, meeting_id, meeting_starts_at, item_id, item_title, reason, answered_by, answered_at)
       VALUES (@id, @outcome, @meetingId, @meetingStartsAt, @itemId, @itemTitle, @reason, @answeredBy, @answeredAt)
       ON CONFLICT (submission_id) DO UPDATE SET outcome = excluded.outcome, meeting_id = excluded.meeting_id,
         meeting_starts_at = excluded.meeting_starts_at, item_id = excluded.item_id, item_title = excluded.item_title,
         reason = excluded.reason, answered_by = excluded.answered_by, answered_at = excluded.answered_at
       WHERE (outcome, meeting_id, meeting_starts_at, item_id, item_title, reason, answered_by, answered_at)
         IS NOT (excluded.outcome, excluded.meeting_id, excluded.meeting_starts_at, excluded.item_id, excluded.item_title,
                 excluded.reason, excluded.answered_by, excluded.answered_at)`,
    ).run({ id, ...values });
  }
  return refused;
}
