import { findAction, insertAction, listOpenActions, setActionStatus } from '../archive/queries/actions';
import { findItem } from '../archive/queries/items';
import { findMeeting } from '../archive/queries/meetings';
import { notFound } from './errors';
import { requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

export const actionHandlers: Handlers<'actions.create' | 'actions.listOpen' | 'actions.markDone'> = {
  'actions.create': (input, ctx) => {
    const { db } = ctx.archive;
    const item = findItem(db, input.itemId);
    if (!item) throw notFound('Punktet', 'itemId');
    const meeting = findMeeting(db, item.meetingId);
    if (!meeting) throw notFound('Mødet');
    const action = {
      id: ctx.newId(),
      forumId: meeting.forumId,
      itemId: item.id,
      what: input.what,
      who: input.who,
      due: input.due,
      status: 'aaben' as const,
      createdAt: ctx.now().toISOString(),
    };
    insertAction(db, action);
    return action;
  },

  'actions.listOpen': ({ forumId }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listOpenActions(ctx.archive.db, forumId);
  },

  'actions.markDone': ({ actionId }, ctx) => {
    const { db } = ctx.archive;
    const action = findAction(db, actionId);
    if (!action) throw notFound('Handlingen', 'actionId');
    setActionStatus(db, actionId, 'udfoert');
    return { ...action, status: 'udfoert' };
  },
};
