import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';
import { openPostgres } from './postgres';
import { createSchema } from './schema';
import { openSqlite } from './sqlite';

export type Storage = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Opens the storage the options chose and makes sure the server's tables exist. */
export async function openStorage(storage: Storage): Promise<Database> {
  let db: Database;
  if (storage.kind === 'postgres') {
    db = await openPostgres(storage.url);
  } else {
    mkdirSync(storage.dataDir, { recursive: true, mode: 0o700 });
    db = openSqlite(join(storage.dataDir, 'samtalerum-server.sqlite'));
  }
  await createSchema(db);
  return db;
}
