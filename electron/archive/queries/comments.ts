import type { CommentKind } from '../../../shared/domain/comments';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** A comment's row with its author's name (null when written where nobody else could have). */
export interface CommentRow {
  id: string;
  itemId: string;
  authorId: string | null;
  authorName: string | null;
  kind: CommentKind;
  text: string;
  createdAt: string;
  changedAt: string;
  answeredAt: string | null;
}

const SELECT_COMMENT = `SELECT c.id, c.item_id AS itemId, c.author_id AS authorId, p.name AS authorName, c.kind, c.text,
  c.created_at AS createdAt, c.changed_at AS changedAt, c.answered_at AS answeredAt
  FROM item_comment c LEFT JOIN person p ON p.id = c.author_id`;

export function commentsOfItem(db: SqliteDb, itemId: string): CommentRow[] {
  return statement(db, `${SELECT_COMMENT} WHERE c.item_id = ? ORDER BY c.created_at, c.id`).all(itemId) as CommentRow[];
}

export function commentsOfMeeting(db: SqliteDb, meetingId: string): CommentRow[] {
  return statement(db, `${SELECT_COMMENT} WHERE c.item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?) ORDER BY c.created_at, c.id`).all(meetingId) as CommentRow[];
}

export function findComment(db: SqliteDb, commentId: string): CommentRow | undefined {
  return statement(db, `${SELECT_COMMENT} WHERE c.id = ?`).get(commentId) as CommentRow | undefined;
}

export interface NewComment {
  id: string;
  itemId: string;
  authorId: string | null;
  kind: CommentKind;
  text: string;
  at: string;
}

/** The meeting a comment's item belongs to, without loading the comment; null when the id is unknown. */
export function meetingOfComment(db: SqliteDb, commentId: string): string | null {
  const row = statement(db, 'SELECT i.meeting_id FROM item_comment c JOIN agenda_item i ON i.id = c.item_id WHERE c.id = ?').get(commentId) as
    | { meeting_id: string }
    | undefined;
  return row?.meeting_id ?? null;
}

export function insertComment(db: SqliteDb, c: NewComment): void {
  statement(db, 'INSERT INTO item_comment (id, item_id, author_id, kind, text, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.itemId,
    c.authorId,
    c.kind,
    c.text,
    c.at,
    c.at,
  );
}

export function updateComment(db: SqliteDb, commentId: string, kind: CommentKind, text: string, at: string): void {
  // A comment made a question is an open question; a question made a comment is no longer awaiting an answer.
  statement(db, 'UPDATE item_comment SET kind = ?, text = ?, changed_at = ?, answered_at = CASE WHEN ? = kind THEN answered_at ELSE NULL END WHERE id = ?').run(
    kind,
    text,
    at,
    kind,
    commentId,
  );
}

export function setAnswered(db: SqliteDb, commentId: string, answeredAt: string | null): void {
  statement(db, 'UPDATE item_comment SET answered_at = ? WHERE id = ?').run(answeredAt, commentId);
}

export function deleteComment(db: SqliteDb, commentId: string): void {
  statement(db, 'DELETE FROM item_comment WHERE id = ?').run(commentId);
}

export function seenAt(db: SqliteDb, meetingId: string): string | null {
  return (statement(db, 'SELECT seen_at FROM agenda_seen WHERE meeting_id = ?').pluck().get(meetingId) as string | undefined) ?? null;
}

export function markSeen(db: SqliteDb, meetingId: string, at: string): void {
  statement(db, 'INSERT INTO agenda_seen (meeting_id, seen_at) VALUES (?, ?) ON CONFLICT (meeting_id) DO UPDATE SET seen_at = excluded.seen_at').run(meetingId, at);
}

/** The meeting and forum an item belongs to, or undefined when there is no such item. */
export function itemPlace(db: SqliteDb, itemId: string): { meetingId: string; forumId: string; decisionId: string | null } | undefined {
  return statement(
    db,
    `SELECT i.meeting_id AS meetingId, m.forum_id AS forumId, (SELECT d.id FROM decision d WHERE d.item_id = i.id) AS decisionId
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?`,
  ).get(itemId) as { meetingId: string; forumId: string; decisionId: string | null } | undefined;
}

export function personNames(db: SqliteDb, ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const name = statement(db, 'SELECT name FROM person WHERE id = ?').pluck().get(id) as string | undefined;
    if (name !== undefined) names.set(id, name);
  }
  return names;
}
