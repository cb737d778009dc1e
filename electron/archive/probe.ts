import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The check before the window: can the archive be opened at all? It reads what every screen needs
 * first (the header, the schema, the first and last page of each table's tree) and compares the file's
 * length with the length its header claims, so a truncated or overwritten start of the file is refused
 * before anything writes to it. It reads a few hundred pages whatever the archive's size; damage deeper
 * in the file is left to the full check, which runs in the background once the window is up
 * (integrity.ts). Opened read-only: a damaged file is never changed here.
 */
export function canBeOpened(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    if (statSync(path).size === 0) return false;
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('user_version', { simple: true });
    if (!hasItsWholeLength(db, path)) return false;
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND rootpage > 0")
      .all() as { name: string; sql: string | null }[];
    for (const { name, sql } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      db.prepare(`SELECT 1 FROM ${quoted} LIMIT 1`).all();
      // A table WITHOUT ROWID has no rowid to find the tree's last page by; its first page has to do.
      if (!/without\s+rowid/i.test(sql ?? '')) db.prepare(`SELECT max(rowid) FROM ${quoted}`).all();
    }
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * A file shorter than its header says was cut off (a copy that stopped, a full disk). With a log
 * (-wal) beside it the pages may still be in the log, so the length is not judged then.
 */
function hasItsWholeLength(db: Database.Database, path: string): boolean {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return true;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  return statSync(path).size >= pages * pageSize;
}
