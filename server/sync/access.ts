import type { SharedDocument } from '../../shared/sync/documents';
import type { Membership } from '../membership/registry';
import type { MeetingLocks } from './meetingLocks';
import { decideAccess, type Access } from './rights';

export function meetingOf(doc: SharedDocument): string | null {
  return doc.kind === 'moede' || doc.kind === 'fortroligt' ? doc.meetingId : null;
}

/** What deciding a document's access needs from the membership table. */
export interface AccessLookups {
  forumExists(forumId: string): Promise<boolean>;
  membership(forumId: string, personId: string): Promise<Membership | null>;
  /** The forum the meeting belongs to and whether its referat is locked. */
  meeting(meetingId: string, forumId: string): Promise<{ forumId: string; locked: boolean }>;
}

/**
 * Decides the access of a person to a document from the membership table. A meeting id is bound to the
 * first forum it is opened under; the same id under another forum is refused.
 */
export async function accessFor(lookups: AccessLookups, locks: MeetingLocks, doc: SharedDocument, personId: string): Promise<Access> {
  if (!(await lookups.forumExists(doc.forumId))) return { kind: 'nægtet', reason: 'unknown-forum' };
  const membership = await lookups.membership(doc.forumId, personId);
  const access = decideAccess(doc, personId, membership, false);
  const meetingId = meetingOf(doc);
  if (access.kind === 'nægtet' || meetingId === null) return access;
  const meeting = await lookups.meeting(meetingId, doc.forumId);
  if (meeting.forumId !== doc.forumId) return { kind: 'nægtet', reason: 'meeting-in-other-forum' };
  return decideAccess(doc, personId, membership, meeting.locked || locks.has(meetingId));
}
