import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';

/**
 * The forum person this laptop's user is in a shared forum, as the server last said (shared_forum.me_person_id,
 * migration 020); null until it has said, or in an archive from before that column.
 */
export function forumPersonIn(db: SqliteDb, forumId: string): string | null {
  const hasColumn = statement(db, "SELECT 1 FROM pragma_table_info('shared_forum') WHERE name = 'me_person_id'").get() !== undefined;
  if (!hasColumn) return null;
  return (statement(db, 'SELECT me_person_id FROM shared_forum WHERE forum_id = ?').pluck().get(forumId) as string | null | undefined) ?? null;
}
