import {
  countActions,
  findAction,
  insertAction,
  insertActionNote,
  listActions,
  listOpenActions,
  notesOfAction,
  setActionStatus,
} from '../archive/queries/actions';
import { findItem } from '../archive/queries/items';
import type { SqliteDb } from '../archive/open';
import type { Action, ActionStatus, ProblemResolution } from '../../shared/api/types';
import { ServiceError, notFound } from './errors';
import { requireForum, requireForumIfGiven } from './forums';
import type { Handlers } from './handler';
import type { ServiceContext } from './context';
import { requireMeeting } from './meetings';
import { localDay } from './time';

/** Forums that have agreed on deadlines for every action get a clear message when one is missing. */
export function requireDueIfAgreed(db: SqliteDb, forumId: string, due: string | null): void {
  if (due === null && requireForum(db, forumId).requireActionDue) {
    throw new ServiceError('ugyldigt_input', 'Forummet har aftalt, at alle handlinger har en frist. Vælg hvornår.', 'due');
  }
}

function requireAction(db: SqliteDb, actionId: string): Action {
  const action = findAction(db, actionId);
  if (!action) throw notFound('Handlingen', 'actionId');
  return action;
}

/** Where a note was written and what it says of the problem; a note between meetings says neither. */
interface FollowedUp {
  meetingId: string | null;
  resolution: ProblemResolution | null;
}

const BETWEEN_MEETINGS: FollowedUp = { meetingId: null, resolution: null };

/** Sets the status and writes the dated note that says what changed and why. */
function changeStatus(
  ctx: ServiceContext,
  action: Action,
  status: ActionStatus,
  note: string,
  dropReason: string | null,
  followedUp: FollowedUp = BETWEEN_MEETINGS,
): Action {
  const { db } = ctx.archive;
  setActionStatus(db, action.id, status, dropReason);
  insertActionNote(db, {
    id: ctx.newId(),
    actionId: action.id,
    note,
    statusFrom: action.status,
    statusTo: status,
    createdAt: ctx.now().toISOString(),
    ...followedUp,
  });
  return { ...action, status, dropReason: status === 'droppet' ? dropReason : null };
}

export const actionHandlers: Handlers<
  'actions.create' | 'actions.listOpen' | 'actions.markDone' | 'actions.list' | 'actions.count' | 'actions.update' | 'actions.split' | 'actions.notes'
> = {
  'actions.create': ({ itemId, meetingId, what, who, due, term }, ctx) => {
    const { db } = ctx.archive;
    const item = itemId === null ? null : findItem(db, itemId);
    if (itemId !== null && !item) throw notFound('Punktet', 'itemId');
    if (item && meetingId !== null && item.meetingId !== meetingId) {
      throw new ServiceError('ugyldigt_input', 'Punktet hører til et andet møde end det, handlingen skal stå på.', 'itemId');
    }
    // An action on an item belongs to the item's meeting; one on its own names its meeting.
    const meeting = requireMeeting(db, item?.meetingId ?? meetingId ?? '');
    requireDueIfAgreed(db, meeting.forumId, due);
    const action: Action = {
      id: ctx.newId(),
      forumId: meeting.forumId,
      meetingId: meeting.id,
      itemId: item?.id ?? null,
      term,
      what,
      who,
      due,
      status: 'aaben',
      createdAt: ctx.now().toISOString(),
      dropReason: null,
      parentActionId: null,
      // Confidentiality follows the content: it stays with the action if the item is later removed.
      confidential: item?.confidential ?? false,
    };
    insertAction(db, action);
    return action;
  },

  'actions.listOpen': ({ forumId }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listOpenActions(ctx.archive.db, forumId);
  },

  'actions.markDone': ({ actionId }, ctx) => {
    const action = requireAction(ctx.archive.db, actionId);
    return changeStatus(ctx, action, 'udfoert', '', null);
  },

  'actions.list': ({ forumId, who, status, dueBefore, offset, limit }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listActions(ctx.archive.db, { forumId, who, status, dueBefore, offset, limit }, localDay(ctx.now()));
  },

  'actions.count': ({ forumId, who, status, dueBefore }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return countActions(ctx.archive.db, { forumId, who, status, dueBefore });
  },

  'actions.update': ({ actionId, status, note, dropReason, meetingId, resolution }, ctx) => {
    const { db } = ctx.archive;
    const action = requireAction(db, actionId);
    if (meetingId !== null && requireMeeting(db, meetingId).forumId !== action.forumId) {
      throw new ServiceError('ugyldigt_input', 'Handlingen hører til et andet forum end mødet, den blev fulgt op på.', 'meetingId');
    }
    if (status === action.status && note === '' && resolution === null && (status !== 'droppet' || dropReason === action.dropReason)) {
      throw new ServiceError('ugyldigt_input', 'Vælg en anden status, eller skriv en note om, hvordan det går.', 'note');
    }
    // A dropped action's note is its reason, unless a note of its own was written.
    const text = status === 'droppet' && note === '' ? dropReason : note;
    return changeStatus(ctx, action, status, text, status === 'droppet' ? dropReason : null, { meetingId, resolution });
  },

  'actions.split': ({ actionId, parts }, ctx) => {
    const { db } = ctx.archive;
    const parent = requireAction(db, actionId);
    if (parent.status === 'udfoert' || parent.status === 'droppet') {
      throw new ServiceError('ugyldigt_input', 'En handling, der er udført eller droppet, kan ikke deles.', 'actionId');
    }
    parts.forEach((part, i) => {
      if (part.due === null && requireForum(db, parent.forumId).requireActionDue) {
        throw new ServiceError('ugyldigt_input', 'Forummet har aftalt, at alle handlinger har en frist. Vælg hvornår.', `parts.${i}.due`);
      }
    });
    const createdAt = ctx.now().toISOString();
    const children: Action[] = parts.map((part) => ({
      id: ctx.newId(),
      forumId: parent.forumId,
      meetingId: parent.meetingId,
      itemId: parent.itemId,
      term: parent.term,
      what: part.what,
      who: part.who,
      due: part.due,
      status: 'aaben',
      createdAt,
      dropReason: null,
      parentActionId: parent.id,
      confidential: parent.confidential,
    }));
    for (const child of children) insertAction(db, child);
    changeStatus(ctx, parent, 'igang', `Delt i ${children.length} mindre handlinger: ${children.map((c) => c.what).join('; ')}`, null);
    return children;
  },

  'actions.notes': ({ actionId }, ctx) => {
    requireAction(ctx.archive.db, actionId);
    return notesOfAction(ctx.archive.db, actionId);
  },
};
