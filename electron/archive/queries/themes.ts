import type { ForumTheme } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** In school-year order, August first. */
export function themesOf(db: SqliteDb, forumId: string): ForumTheme[] {
  return statement(
    db,
    'SELECT id, month, title FROM forum_theme WHERE forum_id = ? ORDER BY (month + 4) % 12, title',
  ).all(forumId) as ForumTheme[];
}

export function insertTheme(db: SqliteDb, forumId: string, theme: ForumTheme): void {
  statement(db, 'INSERT INTO forum_theme (id, forum_id, month, title) VALUES (?, ?, ?, ?)').run(
    theme.id,
    forumId,
    theme.month,
    theme.title,
  );
}

export function deleteTheme(db: SqliteDb, id: string): boolean {
  return statement(db, 'DELETE FROM forum_theme WHERE id = ?').run(id).changes > 0;
}
