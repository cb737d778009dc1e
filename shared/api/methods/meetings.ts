import * as z from 'zod';
import { entityId, flag, input, localDateTime, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS, MEETING_PAGE, OVERVIEW_MEETINGS } from '../limits';
import { read, write } from '../spec';
import type { GeneratedDocument, MeetingDetail, MeetingOverview, MeetingPage, MeetingSummary, Participant } from '../types';
import { VARIANTS } from '../../domain/variant';

const pageSize = (what: string, limits: { default: number; max: number }) =>
  z
    .number({ error: `Antallet af ${what} skal være et tal.` })
    .int({ error: `Antallet af ${what} skal være et helt tal.` })
    .min(1, { error: `Antallet af ${what} skal være mindst 1.` })
    .max(limits.max, { error: `Der kan højst hentes ${limits.max} ${what} ad gangen.` })
    .default(limits.default);

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
  'meetings.page': read<MeetingPage>()(
    input({
      forumId: entityId('Forummet').optional(),
      status: z.enum(['planlagt', 'afholdt'], { error: 'Vælg planlagt eller afholdt.' }).optional(),
      /** Only held meetings whose referat is not approved yet. */
      awaitingApproval: flag('Kun referater der venter på godkendelse'),
      offset: z.number({ error: 'Starten skal være et tal.' }).int({ error: 'Starten skal være et helt tal.' }).min(0, { error: 'Starten kan ikke være negativ.' }).default(0),
      limit: pageSize('møder', MEETING_PAGE),
    }),
  ),
  /** from: the start of today on the user's clock, so «kommende» means the same as on the user's calendar. */
  'meetings.overview': read<MeetingOverview>()(input({ from: localDateTime('Fra-tidspunktet'), limit: pageSize('møder', OVERVIEW_MEETINGS) })),
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
