import { insertPerson } from '../archive/queries/members';
import { deleteParticipant, isParticipant, participantsOf, personExists, upsertParticipant } from '../archive/queries/participants';
import { notFound } from './errors';
import type { Handlers } from './handler';
import { requireMeeting } from './meetings';

export const participantHandlers: Handlers<'participants.set' | 'participants.addGuest' | 'participants.remove'> = {
  'participants.set': ({ meetingId, ...participant }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    if (!personExists(db, participant.personId)) throw notFound('Personen', 'personId');
    upsertParticipant(db, meetingId, participant);
    return participantsOf(db, meetingId);
  },

  'participants.addGuest': ({ meetingId, name, role }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    const personId = ctx.newId();
    insertPerson(db, personId, name, ctx.now().toISOString());
    upsertParticipant(db, meetingId, { personId, role, attendance: 'deltager', facilitator: false, referent: false });
    return participantsOf(db, meetingId);
  },

  'participants.remove': ({ meetingId, personId }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    if (!isParticipant(db, meetingId, personId)) throw notFound('Deltageren', 'personId');
    deleteParticipant(db, meetingId, personId);
    return participantsOf(db, meetingId);
  },
};
