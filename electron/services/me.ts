import type { SqliteDb } from '../archive/open';
import type { MeInForum } from '../sync/types';
import { hasSharedForumTable, sharedForumRows } from '../sync/updateLog';

/**
 * Who this laptop's user is in a forum (as SyncCore.me says it, read in the write's own transaction): in a
 * shared forum, the forum person the server knows them as (null until it has said); in a forum that is not
 * shared, nobody else writes there.
 */
export function meIn(db: SqliteDb, forumId: string): MeInForum {
  const forum = sharedForumOf(db, forumId);
  return forum ? { shared: true, forumPersonId: forum.forumPersonId } : { shared: false };
}

/** Whether the user may only read the forum here (a læser of a shared forum). */
export function readsOnly(db: SqliteDb, forumId: string): boolean {
  return sharedForumOf(db, forumId)?.right === 'læser';
}

function sharedForumOf(db: SqliteDb, forumId: string) {
  return hasSharedForumTable(db) ? sharedForumRows(db).find((f) => f.forumId === forumId) : undefined;
}
