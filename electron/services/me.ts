import type { SqliteDb } from '../archive/open';
import { forumPersonIn } from '../sync/forumPerson';
import { hasSharedForumTable } from '../sync/updateLog';
import { statement } from '../archive/statements';

/**
 * Who this laptop's user is in a forum: in a shared forum, the forum person the server knows them as (null
 * until it has said); in a forum that is not shared, nobody else writes there.
 */
export type Me = { shared: false } | { shared: true; personId: string | null };

export function meIn(db: SqliteDb, forumId: string): Me {
  if (!hasSharedForumTable(db) || statement(db, 'SELECT 1 FROM shared_forum WHERE forum_id = ?').get(forumId) === undefined) return { shared: false };
  return { shared: true, personId: forumPersonIn(db, forumId) };
}
