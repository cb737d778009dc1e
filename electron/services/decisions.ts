import { decisionOfItem, listDecisions, upsertDecision } from '../archive/queries/decisions';
import { findItem } from '../archive/queries/items';
import { ServiceError, notFound } from './errors';
import { requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

export const decisionHandlers: Handlers<'decisions.record' | 'decisions.list'> = {
  'decisions.record': (input, ctx) => {
    const { db } = ctx.archive;
    const item = findItem(db, input.itemId);
    if (!item) throw notFound('Punktet', 'itemId');
    const changedColour = item.announcedColour !== null && item.announcedColour !== input.colour;
    if (changedColour && input.colourReason === '') {
      throw new ServiceError(
        'ugyldigt_input',
        'Farven er en anden end den, der blev varslet på dagsordenen. Skriv kort hvorfor, så forummet kan se det.',
        'colourReason',
      );
    }
    upsertDecision(db, {
      id: item.decision?.id ?? ctx.newId(),
      itemId: item.id,
      colour: input.colour,
      colourReason: changedColour ? input.colourReason : '',
      text: input.text,
      dissent: input.dissent,
      recordedAt: ctx.now().toISOString(),
    });
    const decision = decisionOfItem(db, item.id);
    if (!decision) throw notFound('Beslutningen');
    return decision;
  },

  'decisions.list': ({ forumId }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listDecisions(ctx.archive.db, forumId);
  },
};
