import type { ItemComment } from '../../shared/api/methods/comments';
import {
  commentsOfItem,
  deleteComment,
  findComment,
  insertComment,
  itemPlace,
  setAnswered,
  updateComment,
  type CommentRow,
} from '../archive/queries/comments';
import type { SqliteDb } from '../archive/open';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import type { MeInForum } from '../sync/types';
import { meIn, readsOnly } from './me';
import { READ_ONLY_MESSAGE } from '../sync/core';

/**
 * Comments and questions on an item before the meeting. A comment is its author's: only they change or remove
 * it. Anyone who may write in the forum may mark a question answered (the facilitator, in the meeting). A
 * læser's comment is refused by the read-only rule inside the write's transaction (electron/sync/core.ts), as
 * every write to a forum they may only read.
 */

export const NOT_YOURS_MESSAGE = 'Du kan kun rette og fjerne dine egne kommentarer.';
export const WHO_UNKNOWN_MESSAGE =
  'Serveren har endnu ikke sagt, hvem du er i dette forum, så kommentaren kan ikke skrives i dit navn. Prøv igen, når forummet er forbundet.';

function isMine(me: MeInForum, row: CommentRow): boolean {
  return me.shared ? me.forumPersonId !== null && row.authorId === me.forumPersonId : true;
}

function toComment(me: MeInForum, row: CommentRow): ItemComment {
  const { authorId: _author, ...shown } = row;
  return { ...shown, mine: isMine(me, row) };
}

function requirePlace(db: SqliteDb, itemId: string) {
  const place = itemPlace(db, itemId);
  if (!place) throw notFound('Punktet', 'itemId');
  return place;
}

function listOf(db: SqliteDb, itemId: string): ItemComment[] {
  const me = meIn(db, requirePlace(db, itemId).forumId);
  return commentsOfItem(db, itemId).map((row) => toComment(me, row));
}

/** The comment, when this laptop's user wrote it; refused otherwise. */
function requireOwn(db: SqliteDb, commentId: string): CommentRow {
  const row = findComment(db, commentId);
  if (!row) throw notFound('Kommentaren', 'commentId');
  if (!isMine(meIn(db, requirePlace(db, row.itemId).forumId), row)) throw new ServiceError('konflikt', NOT_YOURS_MESSAGE);
  return row;
}

export const commentHandlers: Handlers<'comments.list' | 'comments.add' | 'comments.edit' | 'comments.remove' | 'comments.markAnswered'> = {
  'comments.list': ({ itemId }, ctx) => listOf(ctx.archive.db, itemId),

  'comments.add': ({ itemId, kind, text }, ctx) => {
    const { db } = ctx.archive;
    const { forumId } = requirePlace(db, itemId);
    // A læser is told that they only read the forum (the rule the write's transaction enforces anyway), not who they are.
    if (readsOnly(db, forumId)) throw new ServiceError('konflikt', READ_ONLY_MESSAGE);
    const me = meIn(db, forumId);
    if (me.shared && me.forumPersonId === null) throw new ServiceError('konflikt', WHO_UNKNOWN_MESSAGE);
    insertComment(db, { id: ctx.newId(), itemId, authorId: me.shared ? me.forumPersonId : null, kind, text, at: ctx.now().toISOString() });
    return listOf(db, itemId);
  },

  'comments.edit': ({ commentId, kind, text }, ctx) => {
    const { db } = ctx.archive;
    const row = requireOwn(db, commentId);
    updateComment(db, commentId, kind, text, ctx.now().toISOString());
    return listOf(db, row.itemId);
  },

  'comments.remove': ({ commentId }, ctx) => {
    const { db } = ctx.archive;
    const row = requireOwn(db, commentId);
    deleteComment(db, commentId);
    return listOf(db, row.itemId);
  },

  'comments.markAnswered': ({ commentId, answered }, ctx) => {
    const { db } = ctx.archive;
    const row = findComment(db, commentId);
    if (!row) throw notFound('Kommentaren', 'commentId');
    if (row.kind !== 'spoergsmaal') throw new ServiceError('ugyldigt_input', 'Kun et spørgsmål kan markeres som besvaret.', 'commentId');
    setAnswered(db, commentId, answered ? (row.answeredAt ?? ctx.now().toISOString()) : null);
    return listOf(db, row.itemId);
  },
};
