import type { ReferatState } from '../../shared/api/types';
import { referatChanges } from '../../shared/domain/referatChanges';
import { readReferatSnapshot, writeReferatSnapshot, type ReferatMeeting } from '../../shared/domain/referatSnapshot';
import type { SqliteDb } from '../archive/open';
import { findMeeting } from '../archive/queries/meetings';
import { insertApproval, insertVersion, lockVersion, versionsOf } from '../archive/queries/referat';
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
    if (coOwners.every((c) => approved.has(c.personId))) {
      // Lock what the referat says now; the next version is compared with it.
      const current = meetingDetail(ctx, meetingId);
      const previous = versions.filter((v) => v.status === 'godkendt').at(-1);
      const changes = previous?.snapshot ? referatChanges(frozenReferat(previous.snapshot), current) : [];
      lockVersion(db, draft.id, now, writeReferatSnapshot(current), changes);
    }
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
