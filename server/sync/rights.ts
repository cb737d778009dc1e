import type { SharedDocument } from '../../shared/sync/documents';
import type { Membership } from '../membership/registry';

/** What a connection may do with one document: write, only read, or nothing (with the logged reason). */
export type Access = { kind: 'skriv' } | { kind: 'læs' } | { kind: 'nægtet'; reason: DenialReason };

export type DenialReason =
  | 'unknown-document'
  | 'unknown-device'
  | 'revoked-device'
  | 'unknown-session'
  | 'expired-session'
  | 'revoked-session'
  | 'unknown-forum'
  | 'not-member'
  | 'confidential'
  | 'too-many-documents';

const WRITE: Access = { kind: 'skriv' };
const READ: Access = { kind: 'læs' };
const deny = (reason: DenialReason): Access => ({ kind: 'nægtet', reason });

/**
 * The rights model in one place. A *medlem* may write everything of the forum, confidential documents too;
 * a *læser* may read the forum index and the meeting documents and nothing else; an outside submitter may
 * write only their own inbox. A locked referat makes the meeting's documents read-only for everyone; what a member
 * may still write to them (the follow-up of actions, a new referat version) is read from each update (afterLock.ts).
 * Being a kommune administrator gives no access to any forum's documents.
 */
export function decideAccess(doc: SharedDocument, personId: string, membership: Membership | null, meetingLocked: boolean): Access {
  const member = membership?.ret === 'medlem';
  switch (doc.kind) {
    case 'forum':
      return member ? WRITE : membership ? READ : deny('not-member');
    case 'moede':
      if (!membership) return deny('not-member');
      return member && !meetingLocked ? WRITE : READ;
    case 'fortroligt':
      if (!membership) return deny('not-member');
      if (!member) return deny('confidential');
      return meetingLocked ? READ : WRITE;
    case 'indbakke':
      if (doc.personId === personId || member) return WRITE;
      return deny(membership ? 'confidential' : 'not-member');
  }
}
