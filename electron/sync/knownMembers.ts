import type { ForumMember } from '../../shared/api/methods/sync';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';

/**
 * A shared forum's members as its server last listed them (migration 026), for a start without the server.
 * Plain SQL; the caller holds the transaction. The computers an administrator sees are left out.
 */
export interface KnownMembers {
  members: ForumMember[];
  /** ISO time the server gave the list. */
  fetchedAt: string;
}

/** Replaces the forum's kept list; nothing when the forum is not shared here (the server's answer came after it left). */
export function saveKnownMembers(db: SqliteDb, forumId: string, known: KnownMembers): void {
  const shared = statement(db, 'UPDATE shared_forum SET members_fetched_at = ? WHERE forum_id = ?').run(known.fetchedAt, forumId);
  if (shared.changes === 0) return;
  statement(db, 'DELETE FROM shared_forum_member WHERE forum_id = ?').run(forumId);
  const insert = statement(
    db,
    'INSERT INTO shared_forum_member (forum_id, position, person_id, name, person_right, forum_admin, you) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  known.members.forEach((member, position) =>
    insert.run(forumId, position, member.personId, member.name, member.right, member.admin ? 1 : 0, member.you ? 1 : 0),
  );
}

export function knownMembers(db: SqliteDb, forumId: string): KnownMembers | null {
  const fetchedAt = statement(db, 'SELECT members_fetched_at FROM shared_forum WHERE forum_id = ?').pluck().get(forumId) as string | null | undefined;
  if (!fetchedAt) return null;
  const rows = statement(
    db,
    `SELECT person_id AS personId, name, person_right AS right, forum_admin AS admin, you
     FROM shared_forum_member WHERE forum_id = ? ORDER BY position`,
  ).all(forumId) as (Omit<ForumMember, 'admin' | 'you' | 'devices'> & { admin: number; you: number })[];
  return { members: rows.map((row) => ({ ...row, admin: row.admin === 1, you: row.you === 1 })), fetchedAt };
}
