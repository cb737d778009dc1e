import { findAction, insertAction, listOpenActions, setActionStatus } from '../archive/queries/actions';
import { findItem } from '../archive/queries/items';
import type { SqliteDb } from '../archive/open';
import { ServiceError, notFound } from './errors';
import { requireForum, requireForumIfGiven } from './forums';
import type { Handlers } from './handler';
import { requireMeeting } from './meetings';

/** Forums that have agreed on deadlines for every action get a clear message when one is missing. */
export function requireDueIfAgreed(db: SqliteDb, forumId: string, due: string | null): void {
  if (due === null && requireForum(db, forumId).requireActionDue) {
    throw new ServiceError('ugyldigt_input', 'Forummet har aftalt, at alle handlinger har en frist. Vælg hvornår.', 'due');
  }
}

export const actionHandlers: Handlers<'actions.create' | 'actions.listOpen' | 'actions.markDone'> = {
  'actions.create': ({ itemId, meetingId, what, who, due, term }, ctx) => {
    const { db } = ctx.archive;
    const item = itemId === null ? null : findItem(db, itemId);
    if (itemId !== null && !item) throw notFound('Punktet', 'itemId');
    // An action on an item belongs to the item's meeting; one on its own names its meeting.
    const meeting = requireMeeting(db, item?.meetingId ?? meetingId ?? '');
    requireDueIfAgreed(db, meeting.forumId, due);
    const action = {
      id: ctx.newId(),
      forumId: meeting.forumId,
      meetingId: meeting.id,
      itemId: item?.id ?? null,
      term,
      what,
      who,
      due,
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
