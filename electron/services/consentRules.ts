import type { ConsentKind, ItemConsents, MeetingConsents } from '../../shared/api/types';
import { roundsOf } from '../../shared/domain/consent';
import type { SqliteDb } from '../archive/open';
import { addersOfMeeting, consentsOfMeeting, ownersOfMeeting } from '../archive/queries/consents';
import { findMeeting } from '../archive/queries/meetings';
import { ServiceError, notFound } from './errors';
import { forumSelf, requireSelfInSharedForum } from './forumSelf';

/**
 * Who may consent to an item, in one place: the forum's agenda owners on the meeting day other than the one
 * who put the item on. In a shared forum each gives their own consent on their own laptop, and the laptop
 * refuses to write one in another person's name (the server refuses it as well); in a forum on one laptop the
 * skoleleder may record an owner's consent given by phone.
 */

export interface ConsentAsked {
  itemId: string;
  kind: ConsentKind;
  personId: string;
}

interface ItemFacts {
  id: string;
  meetingId: string;
  addedLate: boolean;
  sensitive: boolean;
  addedBy: string | null;
}

export function checkConsent(db: SqliteDb, item: ItemFacts, asked: ConsentAsked): void {
  const meeting = findMeeting(db, item.meetingId);
  if (!meeting) throw notFound('Mødet', 'itemId');
  requireSelfInSharedForum(db, meeting.forumId, asked.personId, 'give samtykke eller bekræfte forvarsel');
  if (asked.kind === 'sent' && !item.addedLate) {
    throw new ServiceError('ugyldigt_input', 'Punktet stod på dagsordenen, da den blev sendt ud, og kræver ikke samtykke.', 'itemId');
  }
  if (asked.kind === 'forvarsel' && !item.sensitive) {
    throw new ServiceError('ugyldigt_input', 'Punktet kræver ikke forvarsel, så der er intet forvarsel at bekræfte.', 'itemId');
  }
  if (item.addedBy === asked.personId) {
    throw new ServiceError(
      'ugyldigt_input',
      asked.kind === 'sent' ? 'Du satte selv punktet på dagsordenen; samtykket skal komme fra de andre dagsordensejere.' : 'Du satte selv punktet på; forvarslet bekræftes af den anden part.',
      'personId',
    );
  }
  if (!ownersOfMeeting(db, item.meetingId).some((o) => o.personId === asked.personId)) {
    throw new ServiceError('ugyldigt_input', 'Kun forummets dagsordensejere på mødedagen kan give samtykke til et punkt.', 'personId');
  }
}

/**
 * A forum on one laptop records consent in one person's typed name (the single-laptop flow); in a shared
 * forum that would be consent on someone else's behalf, so each owner gives their own instead.
 */
export function refuseOnBehalfInSharedForum(db: SqliteDb, forumId: string): void {
  if (forumSelf(db, forumId)) {
    throw new ServiceError('konflikt', 'Forummet er delt: hver dagsordensejer giver selv samtykke og bekræfter forvarsel på sin egen computer.', 'itemId');
  }
}

export function meetingConsents(db: SqliteDb, meetingId: string): MeetingConsents {
  const meeting = findMeeting(db, meetingId);
  if (!meeting) throw notFound('Mødet', 'meetingId');
  const self = forumSelf(db, meeting.forumId);
  const owners = ownersOfMeeting(db, meetingId);
  const given = consentsOfMeeting(db, meetingId);
  const items: ItemConsents[] = [...addersOfMeeting(db, meetingId)].map(([itemId, addedBy]) => ({
    itemId,
    ...roundsOf(owners, addedBy, given.filter((g) => g.itemId === itemId)),
  }));
  return { meetingId, shared: self !== null, me: self?.personId ?? null, readOnly: self?.right === 'læser', items };
}
