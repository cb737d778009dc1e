import type { Decision } from '../../shared/api/types';
import type { SqliteDb } from '../archive/open';
import { decisionDraftOfItem, decisionOfItem, finalizeDecision, removeDecisionDraft, saveDecisionDraft, upsertDecision } from '../archive/queries/decisions';
import { findItem } from '../archive/queries/items';
import { updateRun } from '../archive/queries/meetings';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { requireMeeting } from './meetings';

function requireDecision(db: SqliteDb, itemId: string): Decision {
  if (!findItem(db, itemId)) throw notFound('Punktet', 'itemId');
  const decision = decisionOfItem(db, itemId);
  if (!decision) throw new ServiceError('ikke_fundet', 'Punktet har ingen beslutning endnu. Skriv beslutningen først.', 'itemId');
  return decision;
}

export const decisionHandlers: Handlers<
  'decisions.record' | 'decisions.saveDraft' | 'decisions.draft' | 'decisions.readBack' | 'decisions.finalize'
> = {
  'decisions.record': ({ itemId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    const item = findItem(db, itemId);
    if (!item) throw notFound('Punktet', 'itemId');
    const changedColour = item.announcedColour !== null && item.announcedColour !== fields.colour;
    if (changedColour && fields.colourReason === '') {
      throw new ServiceError(
        'ugyldigt_input',
        'Farven er en anden end den, der blev varslet på dagsordenen. Skriv kort hvorfor, så forummet kan se det.',
        'colourReason',
      );
    }
    // A changed decision is a draft again: it is final only once the room has heard it read back.
    upsertDecision(db, {
      id: item.decision?.id ?? ctx.newId(),
      itemId: item.id,
      ...fields,
      dissents: fields.dissents.map((dissent) => ({ id: ctx.newId(), ...dissent })),
      colourReason: changedColour ? fields.colourReason : '',
      recordedAt: ctx.now().toISOString(),
      finalAt: null,
    });
    // The panel's draft is now the decision; one being read back must be read again as it stands now.
    removeDecisionDraft(db, item.id);
    const meeting = requireMeeting(db, item.meetingId);
    if (meeting.run.readbackItemId === item.id) updateRun(db, meeting.id, { ...meeting.run, readbackItemId: null });
    return requireDecision(db, item.id);
  },

  'decisions.saveDraft': ({ itemId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    if (!findItem(db, itemId)) throw notFound('Punktet', 'itemId');
    const draft = { itemId, ...fields, savedAt: ctx.now().toISOString() };
    saveDecisionDraft(db, draft);
    return draft;
  },

  'decisions.draft': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    if (!findItem(db, itemId)) throw notFound('Punktet', 'itemId');
    return { draft: decisionDraftOfItem(db, itemId) };
  },

  'decisions.readBack': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    const decision = requireDecision(db, itemId);
    const item = findItem(db, itemId);
    const meeting = requireMeeting(db, item?.meetingId ?? '');
    updateRun(db, meeting.id, { ...meeting.run, readbackItemId: itemId });
    return decision;
  },

  'decisions.finalize': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    requireDecision(db, itemId);
    finalizeDecision(db, itemId, ctx.now().toISOString());
    const meeting = requireMeeting(db, findItem(db, itemId)?.meetingId ?? '');
    if (meeting.run.readbackItemId === itemId) updateRun(db, meeting.id, { ...meeting.run, readbackItemId: null });
    return requireDecision(db, itemId);
  },
};
