import { z } from 'zod';
import { LIMITS, entityId, flag, input, localDateTime, optionalText, requiredText, wholeMinutes } from '../fields';
import { read, write } from '../spec';
import type { GeneratedDocument, MeetingDetail, MeetingSummary, Participant } from '../types';
import { VARIANTS } from '../../domain/variant';

const meetingFields = {
  title: requiredText('Mødets titel', LIMITS.title),
  startsAt: localDateTime('Mødets start'),
  durationMinutes: wholeMinutes('Mødets længde', LIMITS.meetingMinutes),
  place: optionalText('Sted', LIMITS.name),
  purpose: optionalText('Mødets formål', LIMITS.longText, 'many'),
};

const attendance = z.enum(['deltager', 'afbud'], { error: 'Vælg deltager eller afbud.' });

export const meetingMethods = {
  'meetings.list': read<MeetingSummary[]>()(input({ forumId: entityId('Forummet').optional() })),
  'meetings.get': read<MeetingDetail>()(input({ meetingId: entityId('Mødet') })),
  'meetings.create': write<MeetingSummary>()(
    input({
      forumId: entityId('Forummet'),
      ...meetingFields,
      /** Start from the forum type's default agenda. */
      useTemplate: flag('Standarddagsorden'),
    }),
  ),
  'meetings.update': write<MeetingDetail>()(input({ meetingId: entityId('Mødet'), ...meetingFields })),
  'meetings.markAgendaSent': write<MeetingDetail>()(input({ meetingId: entityId('Mødet') })),

  'participants.set': write<Participant[]>()(
    input({
      meetingId: entityId('Mødet'),
      personId: entityId('Personen'),
      role: requiredText('Rollen', LIMITS.name),
      attendance,
      facilitator: flag('Facilitator'),
      referent: flag('Referent'),
    }),
  ),
  'participants.addGuest': write<Participant[]>()(
    input({ meetingId: entityId('Mødet'), name: requiredText('Navn', LIMITS.name), role: requiredText('Rollen', LIMITS.name) }),
  ),
  'participants.remove': write<Participant[]>()(input({ meetingId: entityId('Mødet'), personId: entityId('Personen') })),

  'documents.dagsorden': read<GeneratedDocument>()(
    input({
      meetingId: entityId('Mødet'),
      variant: z.enum(VARIANTS, { error: 'Vælg den delte dagsorden til udsendelse eller den fulde.' }),
    }),
  ),
} as const;
