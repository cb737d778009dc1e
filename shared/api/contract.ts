import { z } from 'zod';
import {
  LIMITS,
  colourKey,
  entityId,
  forumKind,
  input,
  itemType,
  localDate,
  localDateTime,
  optionalText,
  requiredText,
  wholeMinutes,
} from './fields';
import type {
  Action,
  AgendaItem,
  AppInfo,
  Decision,
  Forum,
  ForumSummary,
  MeetingDetail,
  MeetingSummary,
  OpenAction,
  RegisteredDecision,
} from './types';

/**
 * The one list of API methods. Each method has an input schema, whether it writes (writes run in a
 * transaction and announce a change), and its result type (carried as a type only).
 */
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  writes: boolean;
  /** Phantom: carries the result type; never set at run time. */
  result?: O;
}

function read<O>() {
  return <I extends z.ZodType>(schema: I): MethodSpec<I, O> => ({ input: schema, writes: false });
}
function write<O>() {
  return <I extends z.ZodType>(schema: I): MethodSpec<I, O> => ({ input: schema, writes: true });
}

const agendaItemFields = {
  meetingId: entityId('Mødet'),
  title: requiredText('Punktets titel', LIMITS.title),
  type: itemType,
  minutes: wholeMinutes('Tidsrammen', LIMITS.itemMinutes),
  announcedColour: colourKey.nullable().default(null),
  owner: optionalText('Ansvarlig', LIMITS.name),
  background: optionalText('Baggrund', LIMITS.longText),
};

export const contract = {
  'app.info': read<AppInfo>()(input({})),

  'forums.list': read<ForumSummary[]>()(input({})),
  'forums.get': read<Forum>()(input({ forumId: entityId('Forummet') })),
  'forums.create': write<Forum>()(
    input({
      kind: forumKind,
      name: requiredText('Forummets navn', LIMITS.name),
      school: requiredText('Skole eller kommune', LIMITS.name),
      purpose: optionalText('Formål', LIMITS.longText),
    }),
  ),

  'meetings.list': read<MeetingSummary[]>()(input({ forumId: entityId('Forummet').optional() })),
  'meetings.get': read<MeetingDetail>()(input({ meetingId: entityId('Mødet') })),
  'meetings.create': write<MeetingSummary>()(
    input({
      forumId: entityId('Forummet'),
      title: requiredText('Mødets titel', LIMITS.title),
      startsAt: localDateTime('Mødets start'),
      durationMinutes: wholeMinutes('Mødets længde', LIMITS.meetingMinutes),
      place: optionalText('Sted', LIMITS.name),
    }),
  ),

  'agenda.addItem': write<AgendaItem>()(
    input(agendaItemFields).superRefine((item, ctx) => {
      if (item.type === 'beslutning' && item.announcedColour === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['announcedColour'],
          message: 'Et beslutningspunkt skal have en varslet farve, så alle ved, hvor meget indflydelse der er.',
        });
      }
    }),
  ),

  'decisions.record': write<Decision>()(
    input({
      itemId: entityId('Punktet'),
      colour: colourKey,
      text: requiredText('Beslutningen', LIMITS.longText),
      colourReason: optionalText('Begrundelsen for farveskiftet', LIMITS.shortText),
    }),
  ),
  'decisions.list': read<RegisteredDecision[]>()(input({ forumId: entityId('Forummet').optional() })),

  'actions.create': write<Action>()(
    input({
      itemId: entityId('Punktet'),
      what: requiredText('Hvad', LIMITS.shortText),
      who: requiredText('Hvem', LIMITS.name),
      due: localDate('Frist').nullable().default(null),
    }),
  ),
  'actions.listOpen': read<OpenAction[]>()(input({ forumId: entityId('Forummet').optional() })),
  'actions.markDone': write<Action>()(input({ actionId: entityId('Handlingen') })),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];

export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodResult<M extends Method> = NonNullable<Contract[M]['result']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/** Events the services announce after a write, so open windows (and the presenter view) refresh. */
export interface ArchiveChanged {
  type: 'archive.changed';
  method: Method;
}
export type AppEvent = ArchiveChanged;
