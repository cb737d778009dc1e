import { one, type Queries } from '../storage/database';
import { Refusal } from './refusal';

/**
 * Which forum person (a row of the laptops' `person` table, the id approvals and consents are keyed by) each
 * server person is in a forum. One forum person is one server person in a forum and back (both unique), so
 * the server can tell whose approval a member may write: their own, and nobody else's
 * (server/sync/namedPerson.ts). Plain SQL; the caller holds the transaction.
 */

const TAKEN = 'Personen i forummet er allerede knyttet til et andet medlem på serveren. Vælg en anden person, eller ret det andet medlem først.';

/** Links the member to the forum person (null: to none), replacing any link the member had. */
export async function linkForumPerson(tx: Queries, forumId: string, personId: string, forumPersonId: string | null): Promise<void> {
  if (forumPersonId !== null) {
    const holder = await one<{ person_id: string }>(tx, 'SELECT person_id FROM member_persons WHERE forum_id = ? AND forum_person_id = ?', [forumId, forumPersonId]);
    if (holder && holder.person_id !== personId) throw new Refusal(409, TAKEN);
  }
  await tx.run('DELETE FROM member_persons WHERE forum_id = ? AND person_id = ?', [forumId, personId]);
  if (forumPersonId !== null) {
    await tx.run('INSERT INTO member_persons (forum_id, person_id, forum_person_id) VALUES (?, ?, ?)', [forumId, personId, forumPersonId]);
  }
}

export async function forumPersonOf(db: Queries, forumId: string, personId: string): Promise<string | null> {
  const row = await one<{ forum_person_id: string }>(db, 'SELECT forum_person_id FROM member_persons WHERE forum_id = ? AND person_id = ?', [forumId, personId]);
  return row?.forum_person_id ?? null;
}

/** The forum person an invitation is for, kept beside it (by the code's hash) until it is redeemed. */
export async function inviteForumPerson(tx: Queries, codeHash: string, forumPersonId: string): Promise<void> {
  await tx.run('INSERT INTO invitation_persons (code_hash, forum_person_id) VALUES (?, ?)', [codeHash, forumPersonId]);
}

export async function invitedForumPerson(tx: Queries, codeHash: string): Promise<string | null> {
  const row = await one<{ forum_person_id: string }>(tx, 'SELECT forum_person_id FROM invitation_persons WHERE code_hash = ?', [codeHash]);
  return row?.forum_person_id ?? null;
}

/**
 * The one exception to «only your own approvals»: a forum shared from a laptop that held it alone carries
 * every old approval and consent, by everyone, and its first upload must bring them. So the door is open to
 * the device that shared the forum, and to it alone, from the moment it shares until it reports that the
 * first full upload is done, and never longer than HISTORY_HOURS: whichever comes first closes the door for
 * good (a closed door is never opened again, not even by sharing the forum anew, which the server refuses).
 */
export const HISTORY_HOURS = 24;

export async function openHistoryDoor(tx: Queries, forumId: string, deviceId: string, at: Date): Promise<void> {
  const closes = new Date(at.getTime() + HISTORY_HOURS * 3600 * 1000).toISOString();
  await tx.run('INSERT INTO history_uploads (forum_id, device_id, opened_at, closes_at) VALUES (?, ?, ?, ?)', [forumId, deviceId, at.toISOString(), closes]);
}

export async function historyDoorOpen(db: Queries, forumId: string, deviceId: string, at: Date): Promise<boolean> {
  const row = await one(db, 'SELECT 1 AS found FROM history_uploads WHERE forum_id = ? AND device_id = ? AND closed_at IS NULL AND closes_at > ?', [
    forumId,
    deviceId,
    at.toISOString(),
  ]);
  return row !== undefined;
}

/** Closes the door; returns whether it was open until now. */
export async function closeHistoryDoor(db: Queries, forumId: string, at: Date): Promise<boolean> {
  return (await db.run('UPDATE history_uploads SET closed_at = ? WHERE forum_id = ? AND closed_at IS NULL', [at.toISOString(), forumId])) === 1;
}
