import type { SharedDocument } from '../../shared/sync/documents';
import type { Membership } from '../membership/registry';
import type { MeetingLocks } from './meetingLocks';
import { decideAccess, type Access } from './rights';

/** The meeting a document belongs to, named by its forum too: the same meeting id under two forums is two meetings. */
export function meetingOf(doc: SharedDocument): { forumId: string; meetingId: string } | null {
  return doc.kind === 'moede' || doc.kind === 'fortroligt' ? { forumId: doc.forumId, meetingId: doc.meetingId } : null;
}

/** What deciding a document's access needs from the membership table. */
export interface AccessLookups {
  forumExists(forumId: string): Promise<boolean>;
  membership(forumId: string, personId: string): Promise<Membership | null>;
  meetingLocked(forumId: string, meetingId: string): Promise<boolean>;
}

/**
 * Decides the access of a person to a document from the membership table. A meeting is known only within
 * its forum: opening a meeting id under a forum claims nothing elsewhere, so a member of one forum cannot
 * block or lock another forum's meeting by opening its id (seen in an exchange file or a referat) first.
 */
export async function accessFor(lookups: AccessLookups, locks: MeetingLocks, doc: SharedDocument, personId: string): Promise<Access> {
  if (!(await lookups.forumExists(doc.forumId))) return { kind: 'nægtet', reason: 'unknown-forum' };
  const membership = await lookups.membership(doc.forumId, personId);
  const access = decideAccess(doc, personId, membership, false);
  const meeting = meetingOf(doc);
  if (access.kind === 'nægtet' || meeting === null) return access;
  const locked = locks.has(meeting) || (await lookups.meetingLocked(meeting.forumId, meeting.meetingId));
  return decideAccess(doc, personId, membership, locked);
}
