import type * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { documentName, parseDocumentName } from '../../shared/sync/documents';
import { REFERAT_VERSIONS } from './codec/meetingRecords';
import { recordMap } from './records';

/**
 * A shared referat is locked only while the server holds every update this laptop wrote to the meeting's two
 * documents. The lock is written in both, and the server takes the fortroligt half after the meeting document has
 * locked the meeting only when it changes nothing but referat versions (server/sync/meetingLocks.ts): sent together
 * with an update the server has not taken yet (a local copy that joined, a follow-up written offline), it would be
 * refused, and the other members would see the referat as a draft beside a locked meeting document. So the last
 * approver's laptop leaves the approved draft as it is until the server has acknowledged those updates, and locks
 * it then (SyncCore.lockAwaitedReferats), or at its next start if it stopped in between. The lock checks the
 * approvals against the content as it stands then: one that the unsent updates made stale no longer counts.
 */

export interface AwaitedMeeting {
  forumId: string;
  meetingId: string;
}

/**
 * Locks a meeting's referat draft in the rows when every co-owner's approval of it has arrived and `me` gave the
 * last one (electron/services/referat.ts); `confidentialHolds` says whether the members-only document holds a
 * version. Returns whether it locked.
 */
export type LockWhenApproved = (meetingId: string, me: string, confidentialHolds: (versionId: string) => boolean) => boolean;

/** Whether this laptop holds updates of the meeting's documents that the server has not acknowledged. */
export function meetingUnsent(db: SqliteDb, { forumId, meetingId }: AwaitedMeeting): boolean {
  const names = [documentName({ kind: 'moede', forumId, meetingId }), documentName({ kind: 'fortroligt', forumId, meetingId })];
  return statement(db, "SELECT 1 FROM sync_update WHERE document IN (?, ?) AND origin = 'lokal' AND acknowledged = 0 LIMIT 1").get(...names) !== undefined;
}

/**
 * Locks the meeting's referat in the rows (the caller mirrors it) when this laptop's person gave the last approval
 * and the server holds everything written here to the meeting; `confidential` is the meeting's fortroligt document.
 */
export function lockWhenSent(db: SqliteDb, own: { scope: AwaitedMeeting; mine: string }, confidential: Y.Doc, lockWhenApproved: LockWhenApproved): boolean {
  if (meetingUnsent(db, own.scope)) return false;
  const held = recordMap(confidential, REFERAT_VERSIONS);
  return lockWhenApproved(own.scope.meetingId, own.mine, (versionId) => held.has(versionId));
}

/**
 * The meetings whose lock may be due now: of forums this laptop's person is a member of, the latest referat version a
 * draft that person has approved, and the server holding everything written here to the meeting (the full rule is
 * `LockWhenApproved`). Those of the named document's meeting, or of every meeting without a name.
 */
export function awaitedIn(db: SqliteDb, name?: string): AwaitedMeeting[] {
  const doc = name === undefined ? null : parseDocumentName(name);
  if (name !== undefined && doc?.kind !== 'moede' && doc?.kind !== 'fortroligt') return [];
  const only = doc?.kind === 'moede' || doc?.kind === 'fortroligt' ? doc : null;
  const meetings = statement(
    db,
    `SELECT m.forum_id AS forumId, m.id AS meetingId
     FROM shared_forum f
     JOIN meeting m ON m.forum_id = f.forum_id
     JOIN referat_version v ON v.meeting_id = m.id AND v.status = 'udkast'
     JOIN referat_approval a ON a.version_id = v.id AND a.person_id = f.me_person_id
     WHERE f.person_right = 'medlem' AND (? IS NULL OR (m.id = ? AND m.forum_id = ?))
       AND NOT EXISTS (SELECT 1 FROM referat_version later WHERE later.meeting_id = m.id AND later.version > v.version)
     ORDER BY m.id`,
  ).all(only?.meetingId ?? null, only?.meetingId ?? null, only?.forumId ?? null) as AwaitedMeeting[];
  return meetings.filter((meeting) => !meetingUnsent(db, meeting));
}
