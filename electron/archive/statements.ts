import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './open';

const cache = new WeakMap<SqliteDb, Map<string, Statement>>();

/** Prepares a statement once per connection; every query in the archive goes through parameters. */
export function statement(db: SqliteDb, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}
