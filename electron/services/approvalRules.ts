import type { SqliteDb } from '../archive/open';
import { membersOn } from '../archive/queries/members';

/**
 * Who may approve a referat, in one place for the approval in the app and for an imported file:
 * only a held meeting's referat is approved, and only by the forum's agenda owners on the day of
 * the meeting.
 */

export interface CoOwner {
  personId: string;
  name: string;
  role: string;
}

/** The co-owners who approve: the forum's agenda owners on the day of the meeting. */
export function coOwnersOf(db: SqliteDb, forumId: string, startsAt: string): CoOwner[] {
  return membersOn(db, forumId, startsAt.slice(0, 10))
    .filter((m) => m.agendaOwner)
    .map((m) => ({ personId: m.personId, name: m.name, role: m.role }));
}

/** The meeting is not held, the forum had no agenda owners that day, or the person was not one of them. */
export type ApprovalRefusal = 'ikke_afholdt' | 'ingen_ejere' | 'ikke_ejer';

export interface MeetingToApprove {
  forumId: string;
  startsAt: string;
  status: 'planlagt' | 'afholdt';
}

/** Why the person may not approve the meeting's referat, or the co-owner who may. */
export function checkApprover(
  db: SqliteDb,
  meeting: MeetingToApprove,
  personId: string,
): { ok: true; approver: CoOwner; coOwners: CoOwner[] } | { ok: false; reason: ApprovalRefusal } {
  if (meeting.status !== 'afholdt') return { ok: false, reason: 'ikke_afholdt' };
  const coOwners = coOwnersOf(db, meeting.forumId, meeting.startsAt);
  if (coOwners.length === 0) return { ok: false, reason: 'ingen_ejere' };
  const approver = coOwners.find((c) => c.personId === personId);
  if (!approver) return { ok: false, reason: 'ikke_ejer' };
  return { ok: true, approver, coOwners };
}
