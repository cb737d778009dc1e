import { z } from 'zod';
import { LIMITS, colourKey, entityId, input, localDate, optionalText, requiredText } from '../fields';
import { read, write } from '../spec';
import type { Action, AppInfo, Decision, OpenAction, RegisteredDecision } from '../types';

export const outcomeMethods = {
  'app.info': read<AppInfo>()(input({})),

  'decisions.record': write<Decision>()(
    input({
      itemId: entityId('Punktet'),
      outcome: z.enum(['beslutning', 'afklaring_uden_enighed'], { error: 'Vælg beslutning eller afklaring uden enighed.' }).default('beslutning'),
      colour: colourKey,
      text: requiredText('Beslutningen', LIMITS.longText),
      colourReason: optionalText('Begrundelsen for farveskiftet', LIMITS.shortText),
      decidedBy: optionalText('Hvem beslutter', LIMITS.name),
      dissent: optionalText('Dissens', LIMITS.longText),
      involveContext: optionalText('Sammenhængen', LIMITS.longText),
      involveNeed: optionalText('Behovet for en beslutning', LIMITS.longText),
      involveHow: optionalText('Hvordan andre blev inddraget', LIMITS.longText),
      explainReasoning: optionalText('Mellemregningerne', LIMITS.longText),
      explainCompromises: optionalText('Kompromiserne', LIMITS.longText),
      explainConstraints: optionalText('Bindingerne', LIMITS.longText),
      expectGiven: optionalText('Det givne', LIMITS.longText),
      expectOpen: optionalText('Det der er til diskussion', LIMITS.longText),
      expectOfWhom: optionalText('Forventningerne til hvem', LIMITS.longText),
    }),
  ),
  /** Shows the decision large to the room; it becomes final with decisions.finalize. */
  'decisions.readBack': write<Decision>()(input({ itemId: entityId('Punktet') })),
  'decisions.finalize': write<Decision>()(input({ itemId: entityId('Punktet') })),
  'decisions.list': read<RegisteredDecision[]>()(input({ forumId: entityId('Forummet').optional() })),

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

  'demo.install': write<{ forumId: string }>()(input({})),
  'demo.remove': write<{ removed: number }>()(input({})),
} as const;
