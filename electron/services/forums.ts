import { DEFAULT_COLOURS } from '../../shared/domain/colours';
import { findForum, forumNameTaken, insertForum, listForums } from '../archive/queries/forums';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { localMinute } from './time';
import type { SqliteDb } from '../archive/open';

/** A list filtered by a forum that does not exist is a mistake worth telling, not an empty list. */
export function requireForumIfGiven(db: SqliteDb, forumId: string | undefined): void {
  if (forumId !== undefined && !findForum(db, forumId)) throw notFound('Forummet', 'forumId');
}

export const forumHandlers: Handlers<'forums.list' | 'forums.get' | 'forums.create'> = {
  'forums.list': (_input, ctx) => listForums(ctx.archive.db, localMinute(ctx.now())),

  'forums.get': ({ forumId }, ctx) => {
    const forum = findForum(ctx.archive.db, forumId);
    if (!forum) throw notFound('Forummet', 'forumId');
    return forum;
  },

  'forums.create': (input, ctx) => {
    const { db } = ctx.archive;
    if (forumNameTaken(db, input.name, input.school)) {
      throw new ServiceError(
        'konflikt',
        `Der findes allerede et forum med navnet «${input.name}» på ${input.school}. Vælg et andet navn.`,
        'name',
      );
    }
    const forum = { id: ctx.newId(), createdAt: ctx.now().toISOString(), ...input };
    insertForum(db, forum, DEFAULT_COLOURS);
    return { ...forum, colours: [...DEFAULT_COLOURS] };
  },
};
