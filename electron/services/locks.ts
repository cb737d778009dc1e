import type { Method } from '../../shared/api/contract';
import type { SqliteDb } from '../archive/open';
import { meetingOfComment } from '../archive/queries/comments';
import { isReferatLocked, meetingOfItem } from '../archive/queries/referat';
import { ServiceError } from './errors';

/**
 * Once the co-owners have approved a referat, the meeting's content is locked: a change needs a new
 * version of the referat with a reason, so later edits are visible to everyone. These are the writes
 * that change what a referat shows; dispatch checks them all in one place.
 *
 * Not here on purpose: the follow-up of actions (status, notes, splitting, also one written under
 * «Opfølgning fra sidst» and naming that meeting) goes on between meetings, long after a referat is approved, and the approved referat is a snapshot it cannot change; linking
 * items in a sag and the presenter's switch are not part of a referat either.
 */
const MEETING_CONTENT: ReadonlySet<Method> = new Set<Method>([
  'meetings.update',
  // The meeting document holds when the agenda went out, and the server refuses it once locked: one set after
  // would stay on this laptop alone.
  'meetings.markAgendaSent',
  'participants.set',
  'participants.addGuest',
  'participants.remove',
  'agenda.addItem',
  'agenda.updateItem',
  'agenda.moveItem',
  'agenda.removeItem',
  // Forvarsel and consent belong to the agenda as it was approved; one given afterwards would change what the
  // referat says of the item, and the server would refuse it as well.
  'agenda.confirmForvarsel',
  'agenda.recordConsent',
  'agenda.consent',
  'decisions.record',
  'decisions.saveDraft',
  'decisions.readBack',
  'decisions.finalize',
  'actions.create',
  'run.start',
  'run.goTo',
  'run.end',
  'run.timer',
  'run.saveNotes',
  'run.setProcess',
  'run.tickRound',
  'run.setCyclePhase',
  'run.takeMinutes',
  'run.park',
  'run.toAction',
  'checkout.record',
  // Its meetingId is the forum meeting the input is put on, not the lyttemøde.
  'listening.sendInput',
  // A comment lives in the meeting's document, which the server locks with the referat: one written after
  // would never reach the others.
  'comments.add',
  'comments.edit',
  'comments.remove',
  'comments.markAnswered',
  // Kept words put into their item change its content; discarding them changes only the members' document, which
  // the server still takes after the lock (server/sync/afterLock.ts).
  'agenda.useKeptWords',
  // Its meetingId is the meeting the submission is put on.
  'inbox.accept',
]);

/**
 * Every input field of a write above that names a meeting, directly or through one of its items or comments. A
 * write is checked against all of them, so naming an open meeting next to an item of a locked one
 * does not get past the lock. Ids of anything else (people, lyttemøde inputs) are listed as such, so
 * a new id field in one of these writes has to be placed here before its test passes.
 */
export const MEETING_REFERENCES = {
  meetingId: 'meeting',
  itemId: 'item',
  fromItemId: 'item',
  commentId: 'comment',
  personId: 'none',
  inputId: 'none',
  submissionId: 'none',
  keptId: 'none',
} as const satisfies Record<string, 'meeting' | 'item' | 'comment' | 'none'>;

export function isMeetingContent(method: Method): boolean {
  return MEETING_CONTENT.has(method);
}

/** The meetings a write's input names, directly or through its items; unknown ids are the service's to refuse. */
function meetingsNamedBy(db: SqliteDb, input: Record<string, unknown>): Set<string> {
  const meetings = new Set<string>();
  for (const [field, kind] of Object.entries(MEETING_REFERENCES)) {
    const id = input[field];
    if (typeof id !== 'string' || kind === 'none') continue;
    const meetingId = kind === 'meeting' ? id : kind === 'item' ? meetingOfItem(db, id) : meetingOfComment(db, id);
    if (meetingId !== null) meetings.add(meetingId);
  }
  return meetings;
}

/** Refuses a write that touches any meeting whose approved referat is locked; does nothing for other writes. */
export function refuseIfReferatLocked(db: SqliteDb, method: Method, input: unknown): void {
  if (!MEETING_CONTENT.has(method) || typeof input !== 'object' || input === null) return;
  for (const meetingId of meetingsNamedBy(db, input as Record<string, unknown>)) {
    if (isReferatLocked(db, meetingId)) {
      throw new ServiceError(
        'konflikt',
        'Referatet af mødet er godkendt og låst. Start en ny version af referatet med en begrundelse, før der ændres noget.',
        'meetingId',
      );
    }
  }
}
