import type { Method } from '../../shared/api/contract';
import type { SqliteDb } from '../archive/open';
import { findItem } from '../archive/queries/items';
import { isReferatLocked } from '../archive/queries/referat';
import { ServiceError } from './errors';

/**
 * Once the co-owners have approved a referat, the meeting's content is locked: a change needs a new
 * version of the referat with a reason, so later edits are visible to everyone. These are the writes
 * that change what a referat shows; dispatch checks them all in one place.
 */
const MEETING_CONTENT: ReadonlySet<Method> = new Set<Method>([
  'meetings.update',
  'participants.set',
  'participants.addGuest',
  'participants.remove',
  'agenda.addItem',
  'agenda.updateItem',
  'agenda.moveItem',
  'agenda.removeItem',
  'decisions.record',
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
]);

/** Refuses a write to a meeting whose approved referat is locked; does nothing for other writes. */
export function refuseIfReferatLocked(db: SqliteDb, method: Method, input: unknown): void {
  if (!MEETING_CONTENT.has(method) || typeof input !== 'object' || input === null) return;
  const fields = input as { meetingId?: unknown; itemId?: unknown };
  const meetingId =
    typeof fields.meetingId === 'string'
      ? fields.meetingId
      : typeof fields.itemId === 'string'
        ? findItem(db, fields.itemId)?.meetingId
        : undefined;
  if (meetingId && isReferatLocked(db, meetingId)) {
    throw new ServiceError(
      'konflikt',
      'Referatet af mødet er godkendt og låst. Start en ny version af referatet med en begrundelse, før der ændres noget.',
      'meetingId',
    );
  }
}
