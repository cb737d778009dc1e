import type { ReferatState } from '../../shared/api/types';
import { referatChanges } from '../../shared/domain/referatChanges';
import { lastApprover } from '../../shared/domain/referatLocker';
import { readReferatSnapshot, writeReferatSnapshot, type ReferatMeeting } from '../../shared/domain/referatSnapshot';
import type { SqliteDb } from '../archive/open';
import { meetingUnsent } from '../sync/awaitedLock';
import { findMeeting } from '../archive/queries/meetings';
import { insertApproval, insertVersion, lockVersion, versionsOf, type StoredVersion } from '../archive/queries/referat';
import { checkApprover, coOwnersOf, type ApprovalRefusal } from './approvalRules';
import type { ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { forumSelf, requireSelfInSharedForum } from './forumSelf';
import { meetingDetail } from './meetings';

export function referatState(db: SqliteDb, meetingId: string): ReferatState {
  const meeting = findMeeting(db, meetingId);
  if (!meeting) throw notFound('Mødet', 'meetingId');
  const versions = versionsOf(db, meetingId);
  const self = forumSelf(db, meeting.forumId);
  return {
    meetingId,
    coOwners: coOwnersOf(db, meeting.forumId, meeting.startsAt),
    me: self?.personId ?? null,
    shared: self !== null,
    versions: versions.map(({ id: _id, snapshot: _snapshot, ...summary }) => summary),
    locked: versions.at(-1)?.status === 'godkendt',
  };
}

/** The meeting as the approved referat shows it, or as it stands now while the referat is a draft. */
export function meetingForReferat(ctx: ServiceContext, meetingId: string): ReferatMeeting {
  const latest = versionsOf(ctx.archive.db, meetingId).at(-1);
  if (latest?.status === 'godkendt' && latest.snapshot) return frozenReferat(latest.snapshot);
  return meetingDetail(ctx, meetingId);
}

/** An approved version's frozen content, in the current shape whichever version of the app stored it. */
export function frozenReferat(snapshot: string): ReferatMeeting {
  const reading = readReferatSnapshot(snapshot);
  if (!reading.ok) throw new ServiceError('arkivfejl', reading.message);
  return reading.meeting;
}

export const referatHandlers: Handlers<'referat.get' | 'referat.approve' | 'referat.newVersion'> = {
  'referat.get': ({ meetingId }, ctx) => referatState(ctx.archive.db, meetingId),

  'referat.approve': ({ meetingId, personId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = findMeeting(db, meetingId);
    if (!meeting) throw notFound('Mødet', 'meetingId');
    requireSelfInSharedForum(db, meeting.forumId, personId, 'godkende referatet');
    const check = checkApprover(db, meeting, personId);
    if (!check.ok) throw approvalRefused(check.reason);
    const { approver, coOwners } = check;
    let versions = versionsOf(db, meetingId);
    if (versions.at(-1)?.status === 'godkendt') {
      throw new ServiceError('konflikt', 'Referatet er allerede godkendt. Start en ny version for at ændre det.', 'meetingId');
    }
    const now = ctx.now().toISOString();
    if (versions.length === 0) {
      insertVersion(db, { id: ctx.newId(), meetingId, number: 1, changeNote: '', createdAt: now });
      versions = versionsOf(db, meetingId);
    }
    const draft = versions.at(-1);
    if (!draft) throw notFound('Referatet');
    insertApproval(db, draft.id, personId, approver.role, now);
    const approved = new Set([...draft.approvals.map((a) => a.personId), personId]);
    // In a shared forum the lock waits while the server lacks updates written here to the meeting: it would travel
    // with them and be refused (electron/sync/awaitedLock.ts); the laptop locks once the server has taken them.
    const waits = forumSelf(db, meeting.forumId) !== null && meetingUnsent(db, { forumId: meeting.forumId, meetingId });
    if (coOwners.every((c) => approved.has(c.personId)) && !waits) lockDraft(ctx, meetingId, draft, versions, now);
    return referatState(db, meetingId);
  },

  'referat.newVersion': ({ meetingId, reason }, ctx) => {
    const { db } = ctx.archive;
    const versions = versionsOf(db, meetingId);
    const latest = versions.at(-1);
    if (!findMeeting(db, meetingId)) throw notFound('Mødet', 'meetingId');
    if (latest?.status !== 'godkendt') {
      throw new ServiceError('konflikt', 'Referatet er ikke godkendt endnu, så det kan stadig rettes direkte.', 'meetingId');
    }
    insertVersion(db, { id: ctx.newId(), meetingId, number: latest.number + 1, changeNote: reason, createdAt: ctx.now().toISOString() });
    return referatState(db, meetingId);
  },
};

/** Locks what the referat says now; the next version is compared with it. */
function lockDraft(ctx: ServiceContext, meetingId: string, draft: StoredVersion, versions: readonly StoredVersion[], at: string): void {
  const current = meetingDetail(ctx, meetingId);
  const previous = versions.filter((v) => v.status === 'godkendt').at(-1);
  const changes = previous?.snapshot ? referatChanges(frozenReferat(previous.snapshot), current) : [];
  lockVersion(ctx.archive.db, draft.id, at, writeReferatSnapshot(current), changes);
}

/**
 * The co-owners' approvals of a shared forum's draft have arrived complete on this laptop, given on laptops that
 * did not see each other's (at the same time, or one offline): no `referat.approve` saw the set complete, so none
 * locked. One laptop locks it, as `referat.approve` would have: the laptop of the person whose approval is the
 * latest (by its time, then by person id), which every laptop holding the same approvals names alike. The server
 * takes only the first lock of a meeting and refuses every later write to it, so two laptops locking at once
 * would leave one of them with a lock the server never takes; a lock only one laptop writes cannot race. It is
 * also the laptop that locks when nothing is concurrent: the last approver's `referat.approve` sees the set
 * complete. The lock waits for that laptop to be online; any other laptop leaves the draft alone.
 * `confidentialHolds`: whether the members-only document holds the version, so the lock is written onto what the
 * server holds of it. Returns whether it locked.
 */
export function lockWhenLastApprover(ctx: ServiceContext, meetingId: string, me: string, confidentialHolds: (versionId: string) => boolean): boolean {
  const { db } = ctx.archive;
  const meeting = findMeeting(db, meetingId);
  if (!meeting) return false;
  // Asked after every remote update of the meeting: the cheap refusals (not held, not a co-owner) come first.
  const check = checkApprover(db, meeting, me);
  if (!check.ok) return false;
  const versions = versionsOf(db, meetingId);
  const draft = versions.at(-1);
  if (draft?.status !== 'udkast' || !confidentialHolds(draft.id)) return false;
  // Only approvals that match the content as it stands here are rows (electron/sync/approvals.ts).
  if (lastApprover(check.coOwners.map((c) => c.personId), draft.approvals) !== me) return false;
  lockDraft(ctx, meetingId, draft, versions, ctx.now().toISOString());
  return true;
}

function approvalRefused(reason: ApprovalRefusal): ServiceError {
  switch (reason) {
    case 'ikke_afholdt':
      return new ServiceError('konflikt', 'Mødet er ikke afholdt endnu. Et referat godkendes efter mødet.', 'meetingId');
    case 'ingen_ejere':
      return new ServiceError('konflikt', 'Forummet har ingen dagsordensejere til at godkende referatet. Angiv dem under forummets roller.', 'meetingId');
    case 'ikke_ejer':
      return new ServiceError('ugyldigt_input', 'Kun forummets dagsordensejere kan godkende referatet.', 'personId');
  }
}
