import type { ConsentGiven, ConsentKind } from '../../../shared/api/types';
import type { Owner } from '../../../shared/domain/consent';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** Per-person consents to late items and confirmations of forvarsel (migration 021). */

export interface ConsentRow extends ConsentGiven {
  itemId: string;
  kind: ConsentKind;
}

export function consentsOfMeeting(db: SqliteDb, meetingId: string): ConsentRow[] {
  return statement(
    db,
    `SELECT c.item_id AS itemId, c.kind, c.person_id AS personId, p.name, c.given_at AS givenAt
       FROM item_consent c JOIN person p ON p.id = c.person_id JOIN agenda_item i ON i.id = c.item_id
      WHERE i.meeting_id = ? ORDER BY c.given_at, p.name`,
  ).all(meetingId) as ConsentRow[];
}

export function consentsOfItem(db: SqliteDb, itemId: string): ConsentRow[] {
  return statement(
    db,
    `SELECT c.item_id AS itemId, c.kind, c.person_id AS personId, p.name, c.given_at AS givenAt
       FROM item_consent c JOIN person p ON p.id = c.person_id
      WHERE c.item_id = ? ORDER BY c.given_at, p.name`,
  ).all(itemId) as ConsentRow[];
}

/** The forum's agenda owners on the day of the item's meeting: those asked to consent. */
export function ownersOfMeeting(db: SqliteDb, meetingId: string): Owner[] {
  return statement(
    db,
    `SELECT fm.person_id AS personId, p.name
       FROM meeting m JOIN forum_member fm ON fm.forum_id = m.forum_id AND fm.agenda_owner = 1
       JOIN person p ON p.id = fm.person_id
      WHERE m.id = ? AND fm.from_date <= substr(m.starts_at, 1, 10) AND (fm.to_date IS NULL OR fm.to_date >= substr(m.starts_at, 1, 10))
      ORDER BY fm.from_date, fm.rowid`,
  ).all(meetingId) as Owner[];
}

/** Gives the consent; given again it keeps the first time. */
export function giveConsent(db: SqliteDb, itemId: string, kind: ConsentKind, personId: string, at: string): void {
  statement(db, 'INSERT INTO item_consent (item_id, kind, person_id, given_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(itemId, kind, personId, at);
}

export function withdrawConsent(db: SqliteDb, itemId: string, kind: ConsentKind, personId: string): void {
  statement(db, 'DELETE FROM item_consent WHERE item_id = ? AND kind = ? AND person_id = ?').run(itemId, kind, personId);
}

/** Who put each of the meeting's items on, where the laptop knew it (migration 021). */
export function addersOfMeeting(db: SqliteDb, meetingId: string): Map<string, string | null> {
  const rows = statement(db, 'SELECT id, added_by AS addedBy FROM agenda_item WHERE meeting_id = ?').all(meetingId) as { id: string; addedBy: string | null }[];
  return new Map(rows.map((r) => [r.id, r.addedBy]));
}
