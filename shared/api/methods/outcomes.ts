import { LIMITS, colourKey, entityId, input, localDate, optionalText, requiredText } from '../fields';
import { read, write } from '../spec';
import type { Action, AppInfo, Decision, OpenAction, RegisteredDecision } from '../types';

export const outcomeMethods = {
  'app.info': read<AppInfo>()(input({})),

  'decisions.record': write<Decision>()(
    input({
      itemId: entityId('Punktet'),
      colour: colourKey,
      text: requiredText('Beslutningen', LIMITS.longText),
      colourReason: optionalText('Begrundelsen for farveskiftet', LIMITS.shortText),
      dissent: optionalText('Dissens', LIMITS.longText),
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

  'demo.install': write<{ forumId: string }>()(input({})),
  'demo.remove': write<{ removed: number }>()(input({})),
} as const;
