import type { ExchangeFile } from '../../../shared/exchange/format';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/**
 * The sager of an exchange file: only those the file's items are part of, sorted by id. A sag that
 * spans forums travels with each forum's file, so the items of one forum still form the sag after an
 * import, and the sag is whole again once the other forum's file is read too.
 */
export function readSager(db: SqliteDb, sagIds: ReadonlySet<string>): ExchangeFile['sager'] {
  if (sagIds.size === 0) return [];
  return statement(
    db,
    'SELECT id, title, created_at AS createdAt FROM sag WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(JSON.stringify([...sagIds])) as ExchangeFile['sager'];
}

/** Upserts the file's sager before its items name them; the file wins on the title. */
export function writeSager(db: SqliteDb, sager: ExchangeFile['sager']): void {
  for (const sag of sager) {
    statement(
      db,
      `INSERT INTO sag (id, title, created_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, created_at = excluded.created_at`,
    ).run(sag.id, sag.title, sag.createdAt);
  }
}
