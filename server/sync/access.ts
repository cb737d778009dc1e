import type { SharedDocument } from '../../shared/sync/documents';
import type { Registry } from '../membership/registry';
import type { MeetingLocks } from './meetingLocks';
import { decideAccess, type Access } from './rights';

export function meetingOf(doc: SharedDocument): string | null {
  return doc.kind === 'moede' || doc.kind === 'fortroligt' ? doc.meetingId : null;
}

/**
 * Decides the access of a person to a document from the membership table. A meeting id is bound to the
 * first forum it is opened under; the same id under another forum is refused.
 */
export async function accessFor(registry: Registry, locks: MeetingLocks, doc: SharedDocument, personId: string): Promise<Access> {
  if (!(await registry.forumExists(doc.forumId))) return { kind: 'nægtet', reason: 'unknown-forum' };
  const membership = await registry.membership(doc.forumId, personId);
  const access = decideAccess(doc, personId, membership, false);
  const meetingId = meetingOf(doc);
  if (access.kind === 'nægtet' || meetingId === null) return access;
  const meeting = await registry.claimMeeting(meetingId, doc.forumId);
  if (meeting.forumId !== doc.forumId) return { kind: 'nægtet', reason: 'meeting-in-other-forum' };
  return decideAccess(doc, personId, membership, meeting.locked || locks.has(meetingId));
}

