import type { GroundRulesVersion } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** Newest first: the first is in force, the rest show how the forum's rules changed. */
export function groundRulesOf(db: SqliteDb, forumId: string): GroundRulesVersion[] {
  return statement(
    db,
    'SELECT version, text, note, changed_at AS changedAt FROM ground_rules WHERE forum_id = ? ORDER BY version DESC',
  ).all(forumId) as GroundRulesVersion[];
}

export function addGroundRulesVersion(db: SqliteDb, forumId: string, text: string, note: string, changedAt: string): void {
  statement(
    db,
    `INSERT INTO ground_rules (forum_id, version, text, note, changed_at)
     VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM ground_rules WHERE forum_id = ?), ?, ?, ?)`,
  ).run(forumId, forumId, text, note, changedAt);
}
