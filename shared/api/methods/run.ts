import * as z from 'zod';
import { SCALE } from '../../domain/checkout';
import { PROCESS_KINDS } from '../../domain/prompts';
import { entityId, input, localDate, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import type { AgendaItem, CheckoutResult, MeetingDetail, PresenterView } from '../types';

const phase = z.enum(['saet_scenen', 'punkt', 'checkout'], { error: 'Vælg sæt scenen, et punkt eller check-out.' });

/** Methods the facilitator uses while the meeting runs; every change is saved at once. */
export const runMethods = {
  'run.start': write<MeetingDetail>()(input({ meetingId: entityId('Mødet') })),
  'run.goTo': write<MeetingDetail>()(
    input({ meetingId: entityId('Mødet'), phase, itemId: entityId('Punktet').nullable().default(null) }).superRefine((v, ctx) => {
      if (v.phase === 'punkt' && v.itemId === null) {
        ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'Vælg hvilket punkt mødet skal gå til.' });
      }
    }),
  ),
  'run.end': write<MeetingDetail>()(input({ meetingId: entityId('Mødet') })),
  'run.showConfidential': write<MeetingDetail>()(
    input({ meetingId: entityId('Mødet'), show: z.boolean({ error: 'Vælg om lukkede punkter må vises på skærmen.' }) }),
  ),

  'run.timer': write<AgendaItem>()(
    input({
      itemId: entityId('Punktet'),
      action: z.enum(['start', 'pause', 'nulstil'], { error: 'Vælg start, pause eller nulstil.' }),
    }),
  ),
  'run.saveNotes': write<AgendaItem>()(input({ itemId: entityId('Punktet'), notes: optionalText('Noterne', LIMITS.longText, 'many') })),
  'run.setProcess': write<AgendaItem>()(
    input({
      itemId: entityId('Punktet'),
      process: z.enum(PROCESS_KINDS, { error: 'Vælg en proces fra listen.' }).nullable(),
    }),
  ),
  'run.tickRound': write<AgendaItem>()(
    input({ itemId: entityId('Punktet'), personId: entityId('Deltageren'), done: z.boolean({ error: 'Vælg om deltageren har haft ordet.' }) }),
  ),
  'run.setCyclePhase': write<AgendaItem>()(
    input({
      itemId: entityId('Punktet'),
      phase: z
        .number({ error: 'Fasen skal være et nummer.' })
        .int({ error: 'Fasen skal være et helt nummer.' })
        .min(0, { error: 'Fasen findes ikke i cyklussen.' })
        .max(20, { error: 'Fasen findes ikke i cyklussen.' }),
    }),
  ),

  /** Overrun, choice 1: the current item borrows minutes from a named later item. */
  'run.takeMinutes': write<MeetingDetail>()(
    input({ itemId: entityId('Punktet'), fromItemId: entityId('Punktet der afgiver tid'), minutes: wholeMinutes('Minutterne', 120) }),
  ),
  /** Overrun, choice 2: the item goes on the forum's next meeting. */
  'run.park': write<MeetingDetail>()(input({ itemId: entityId('Punktet') })),
  /** Overrun, choice 3: the rest of the item becomes an action. */
  'run.toAction': write<MeetingDetail>()(
    input({
      itemId: entityId('Punktet'),
      what: requiredText('Hvad', LIMITS.shortText),
      who: requiredText('Hvem', LIMITS.name),
      due: localDate('Frist').nullable().default(null),
    }),
  ),

  'run.presenter': read<PresenterView>()(input({ meetingId: entityId('Mødet') })),

  'checkout.record': write<CheckoutResult[]>()(
    input({
      meetingId: entityId('Mødet'),
      questionIndex: z
        .number({ error: 'Vælg et spørgsmål.' })
        .int({ error: 'Vælg et spørgsmål.' })
        .min(0, { error: 'Spørgsmålet findes ikke.' })
        .max(2, { error: 'Spørgsmålet findes ikke.' }),
      answer: z.enum(SCALE, { error: 'Vælg et svar på skalaen.' }),
      change: z.union([z.literal(1), z.literal(-1)], { error: 'Et svar kan lægges til eller trækkes fra.' }).default(1),
    }),
  ),
} as const;
