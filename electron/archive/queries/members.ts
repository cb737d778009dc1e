import type { ForumMember } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface MemberRow {
  id: string;
  person_id: string;
  name: string;
  role: string;
  from_date: string;
  to_date: string | null;
  agenda_owner: 0 | 1;
  chair: 0 | 1;
}

const toMember = (r: MemberRow): ForumMember => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  role: r.role,
  fromDate: r.from_date,
  toDate: r.to_date,
  agendaOwner: r.agenda_owner === 1,
  chair: r.chair === 1,
});

const SELECT = `SELECT fm.*, p.name FROM forum_member fm JOIN person p ON p.id = fm.person_id`;

/** Current members first (in the order they joined), then former ones, most recently ended first. */
export function membersOf(db: SqliteDb, forumId: string): ForumMember[] {
  const rows = statement(
    db,
    `${SELECT} WHERE fm.forum_id = ? ORDER BY fm.to_date IS NOT NULL, fm.to_date DESC, fm.from_date, fm.rowid`,
  ).all(forumId) as MemberRow[];
  return rows.map(toMember);
}

export function findMember(db: SqliteDb, id: string): (ForumMember & { forumId: string }) | null {
  const row = statement(db, `${SELECT} WHERE fm.id = ?`).get(id) as (MemberRow & { forum_id: string }) | undefined;
  return row ? { ...toMember(row), forumId: row.forum_id } : null;
}

export function insertPerson(db: SqliteDb, id: string, name: string, createdAt: string): void {
  statement(db, 'INSERT INTO person (id, name, created_at) VALUES (?, ?, ?)').run(id, name, createdAt);
}

export function insertMember(db: SqliteDb, forumId: string, m: Omit<ForumMember, 'name' | 'toDate'>): void {
  statement(
    db,
    `INSERT INTO forum_member (id, forum_id, person_id, role, from_date, agenda_owner, chair)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.id, forumId, m.personId, m.role, m.fromDate, m.agendaOwner ? 1 : 0, m.chair ? 1 : 0);
}

export function endMember(db: SqliteDb, id: string, toDate: string): void {
  statement(db, 'UPDATE forum_member SET to_date = ? WHERE id = ?').run(toDate, id);
}

/** Members whose period covers the date: they are the ones invited to a meeting on that day. */
export function membersOn(db: SqliteDb, forumId: string, date: string): ForumMember[] {
  return membersOf(db, forumId).filter((m) => m.fromDate <= date && (m.toDate === null || m.toDate >= date));
}
