import * as z from 'zod';
import { colourKey, entityId, input, localDate, optionalText, plainText, requiredText } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import { ACTION_STATUSES, PROBLEM_RESOLUTIONS } from '../../domain/actions';
import type { Action, ActionNote, ActionPage, AppInfo, Decision, DecisionDraft, OpenAction } from '../types';

/** What narrows the actions overview; the same for a page and for the count of all rows. */
const actionFilters = {
  forumId: entityId('Forummet').optional(),
  who: plainText('Hvem').max(LIMITS.name, { error: `Hvem må højst være ${LIMITS.name} tegn.` }).optional(),
  status: z.enum([...ACTION_STATUSES, 'alle_aabne'], { error: 'Vælg en status fra listen.' }).optional(),
  dueBefore: localDate('Frist før').optional(),
};

/** More would be a vote count, not dissent; the room's minutes still fit on a page. */
const MOST_DISSENTS = 20;

/** The dissents; in a draft a record may still be without its words. */
function dissentList(text: z.ZodType<string>) {
  return z
    .array(
      z.strictObject(
        {
          personId: entityId('Deltageren').nullable().default(null),
          name: optionalText('Navnet', LIMITS.name),
          role: optionalText('Rollen', LIMITS.name),
          text,
          minorityStatement: z.boolean({ error: 'Vælg om det er en mindretalsudtalelse.' }).default(false),
        },
        { error: 'Hver dissens skal have hvem og ordlyden.' },
      ),
      { error: 'Dissenserne skal være en liste.' },
    )
    .max(MOST_DISSENTS, { error: `En beslutning kan højst have ${MOST_DISSENTS} dissenser.` })
    .default([]);
}

/** A decision's fields besides its colour and text, the same in a draft and in the recorded decision. */
const decisionFields = {
  outcome: z.enum(['beslutning', 'afklaring_uden_enighed'], { error: 'Vælg beslutning eller afklaring uden enighed.' }).default('beslutning'),
  colourReason: optionalText('Begrundelsen for farveskiftet', LIMITS.shortText, 'many'),
  decidedBy: optionalText('Hvem beslutter', LIMITS.name),
  involveContext: optionalText('Sammenhængen', LIMITS.longText, 'many'),
  involveNeed: optionalText('Behovet for en beslutning', LIMITS.longText, 'many'),
  involveHow: optionalText('Hvordan andre blev inddraget', LIMITS.longText, 'many'),
  explainReasoning: optionalText('Mellemregningerne', LIMITS.longText, 'many'),
  explainCompromises: optionalText('Kompromiserne', LIMITS.longText, 'many'),
  explainConstraints: optionalText('Bindingerne', LIMITS.longText, 'many'),
  expectGiven: optionalText('Det givne', LIMITS.longText, 'many'),
  expectOpen: optionalText('Det der er til diskussion', LIMITS.longText, 'many'),
  expectOfWhom: optionalText('Forventningerne til hvem', LIMITS.longText, 'many'),
};

export const outcomeMethods = {
  'app.info': read<AppInfo>()(input({})),

  'decisions.record': write<Decision>()(
    input({
      itemId: entityId('Punktet'),
      ...decisionFields,
      colour: colourKey,
      text: requiredText('Beslutningen', LIMITS.longText, 'many'),
      dissents: dissentList(requiredText('Dissensen', LIMITS.longText, 'many')),
    }),
  ),
  /**
   * What the decision panel holds before the decision is recorded, saved as the facilitator types; it
   * may still lack a colour or the text. Recording the decision removes it.
   */
  'decisions.saveDraft': write<DecisionDraft>()(
    input({
      itemId: entityId('Punktet'),
      ...decisionFields,
      colour: colourKey.nullable(),
      text: optionalText('Beslutningen', LIMITS.longText, 'many'),
      dissents: dissentList(optionalText('Dissensen', LIMITS.longText, 'many')),
    }),
  ),
  /** The item's draft, or none when the panel holds nothing beyond the recorded decision. */
  'decisions.draft': read<{ draft: DecisionDraft | null }>()(input({ itemId: entityId('Punktet') })),
  /** Shows the decision large to the room; it becomes final with decisions.finalize. */
  'decisions.readBack': write<Decision>()(input({ itemId: entityId('Punktet') })),
  'decisions.finalize': write<Decision>()(input({ itemId: entityId('Punktet') })),

  /** From an item (and its decision) or on its own in a meeting. */
  'actions.create': write<Action>()(
    input({
      itemId: entityId('Punktet').nullable().default(null),
      meetingId: entityId('Mødet').nullable().default(null),
      what: requiredText('Hvad', LIMITS.shortText),
      who: requiredText('Hvem', LIMITS.name),
      due: localDate('Frist').nullable().default(null),
      term: z.enum(['kort', 'lang'], { error: 'Vælg kort eller langt sigt.' }).default('kort'),
    }).superRefine((v, ctx) => {
      if (v.itemId === null && v.meetingId === null) {
        ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'En handling hører til et punkt eller et møde.' });
      }
    }),
  ),
  'actions.listOpen': read<OpenAction[]>()(input({ forumId: entityId('Forummet').optional() })),
  'actions.markDone': write<Action>()(input({ actionId: entityId('Handlingen') })),
  /** The actions overview across forums: overdue first, then by deadline; a page at a time. */
  'actions.list': read<ActionPage>()(
    input({
      ...actionFilters,
      offset: z.number({ error: 'Starten skal være et tal.' }).int({ error: 'Starten skal være et helt tal.' }).min(0, { error: 'Starten kan ikke være negativ.' }).default(0),
      limit: z
        .number({ error: 'Antallet skal være et tal.' })
        .int({ error: 'Antallet skal være et helt tal.' })
        .min(1, { error: 'Antallet skal være mindst 1.' })
        .max(200, { error: 'Der kan højst hentes 200 handlinger ad gangen.' })
        .default(50),
    }),
  ),
  /** How many actions the same filters find in all, for «Viser 50 af 1.234». */
  'actions.count': read<number>()(input(actionFilters)),
  /**
   * A status update, always with a dated note; dropping needs a reason. Written under «Opfølgning fra
   * sidst» it names the meeting, and may say whether the problem is løst or ikke løst.
   */
  'actions.update': write<Action>()(
    input({
      actionId: entityId('Handlingen'),
      status: z.enum(ACTION_STATUSES, { error: 'Vælg en status fra listen.' }),
      note: optionalText('Noten', LIMITS.shortText, 'many'),
      dropReason: optionalText('Begrundelsen', LIMITS.shortText, 'many'),
      meetingId: entityId('Mødet').nullable().default(null),
      resolution: z.enum(PROBLEM_RESOLUTIONS, { error: 'Vælg løst eller ikke løst.' }).nullable().default(null),
    }).superRefine((v, ctx) => {
      if (v.status === 'droppet' && v.dropReason === '') {
        ctx.addIssue({ code: 'custom', path: ['dropReason'], message: 'Skriv hvorfor handlingen droppes.' });
      }
      if (v.resolution === 'loest' && v.status !== 'udfoert') {
        ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'Et løst problem står som udført. Vælg udført, eller vælg ikke løst.' });
      }
      if (v.resolution === 'ikke_loest' && (v.status === 'udfoert' || v.status === 'droppet')) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolution'],
          message: 'Et problem, der ikke er løst, bliver på listen til næste møde. Vælg åben, i gang eller forsinket.',
        });
      }
    }),
  ),
  /** Splits an action into 2–10 smaller ones in the same forum, meeting and item; the action is then i gang. */
  'actions.split': write<Action[]>()(
    input({
      actionId: entityId('Handlingen'),
      parts: z
        .array(
          z.strictObject(
            {
              what: requiredText('Hvad', LIMITS.shortText),
              who: requiredText('Hvem', LIMITS.name),
              due: localDate('Frist').nullable().default(null),
            },
            { error: 'Hver del skal have hvad, hvem og frist.' },
          ),
          { error: 'Delene skal være en liste.' },
        )
        .min(2, { error: 'Del handlingen i mindst 2 dele.' })
        .max(10, { error: 'Del handlingen i højst 10 dele.' }),
    }),
  ),
  'actions.notes': read<ActionNote[]>()(input({ actionId: entityId('Handlingen') })),

  'demo.install': write<{ forumId: string }>()(input({})),
  'demo.remove': write<{ removed: number }>()(input({})),
} as const;
