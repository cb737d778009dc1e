import type { SqliteDb } from '../archive/open';
import type { MeInForum } from '../sync/types';
import { hasSharedForumTable, sharedForumRows } from '../sync/updateLog';

/**
 * Who this laptop's user is in a forum (as SyncCore.me says it, read in the write's own transaction): in a
 * shared forum, the forum person the server knows them as (null until it has said); in a forum that is not
 * shared, nobody else writes there.
 */
export function meIn(db: SqliteDb, forumId: string): MeInForum {
  const forum = hasSharedForumTable(db) ? sharedForumRows(db).find((f) => f.forumId === forumId) : undefined;
  return forum ? { shared: true, forumPersonId: forum.forumPersonId } : { shared: false };
}
