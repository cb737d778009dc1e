import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Damages an archive as a failing disk can, in the one way the quick start-up check cannot see: one
 * character of a forum id is changed inside the index that keeps the ids unique (found with dbstat),
 * so the index no longer matches the table. PRAGMA quick_check does not compare indexes with their
 * tables; integrity_check does. The archive must be closed (no -wal).
 */
export function damageForumIdIndex(path: string, forumId: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const { pageno } = db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_forum_1' AND pagetype = 'leaf'").get() as { pageno: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  const page = bytes.subarray((pageno - 1) * pageSize, pageno * pageSize);
  const start = page.indexOf(Buffer.from(forumId, 'ascii'));
  if (start < 0) throw new Error(`Forum-id'et ${forumId} står ikke på indekssiden ${pageno}.`);
  // The last character: the entry keeps its place in the sort order, only its value is wrong.
  const last = start + forumId.length - 1;
  page[last] = page[last] === 0x30 ? 0x31 : 0x30;
  writeFileSync(path, bytes);
}
