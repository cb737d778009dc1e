import type { Participant } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface ParticipantRow {
  person_id: string;
  name: string;
  role: string;
  attendance: 'deltager' | 'afbud';
  facilitator: 0 | 1;
  referent: 0 | 1;
}

export function participantsOf(db: SqliteDb, meetingId: string): Participant[] {
  const rows = statement(
    db,
    `SELECT mp.*, p.name FROM meeting_participant mp JOIN person p ON p.id = mp.person_id
      WHERE mp.meeting_id = ? ORDER BY mp.position`,
  ).all(meetingId) as ParticipantRow[];
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.name,
    role: r.role,
    attendance: r.attendance,
    facilitator: r.facilitator === 1,
    referent: r.referent === 1,
  }));
}

export function isParticipant(db: SqliteDb, meetingId: string, personId: string): boolean {
  return statement(db, 'SELECT 1 FROM meeting_participant WHERE meeting_id = ? AND person_id = ?').get(meetingId, personId) !== undefined;
}

export function personExists(db: SqliteDb, personId: string): boolean {
  return statement(db, 'SELECT 1 FROM person WHERE id = ?').get(personId) !== undefined;
}

/** Adds or updates one participant; a new one goes last in the list. */
export function upsertParticipant(db: SqliteDb, meetingId: string, p: Omit<Participant, 'name'>): void {
  statement(
    db,
    `INSERT INTO meeting_participant (meeting_id, person_id, role, attendance, facilitator, referent, position)
     VALUES (@meetingId, @personId, @role, @attendance, @facilitator, @referent,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_participant WHERE meeting_id = @meetingId))
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET role = excluded.role, attendance = excluded.attendance,
       facilitator = excluded.facilitator, referent = excluded.referent`,
  ).run({ ...p, meetingId, facilitator: p.facilitator ? 1 : 0, referent: p.referent ? 1 : 0 });
}

export function deleteParticipant(db: SqliteDb, meetingId: string, personId: string): void {
  statement(db, 'DELETE FROM meeting_participant WHERE meeting_id = ? AND person_id = ?').run(meetingId, personId);
}
