/**
 * The one interface the server's tables are reached through, so the same queries run on the embedded SQLite
 * file and on a kommune's PostgreSQL. Queries are written with `?` placeholders; the PostgreSQL side numbers
 * them. Values are strings, numbers, byte arrays or null; booleans are stored as 0/1 on both.
 */
export type SqlValue = string | number | Uint8Array | null;

export interface Queries {
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queries {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` as one transaction: everything it wrote is committed together, or nothing is. */
  transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function one<Row>(db: Queries, sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
  const rows = await db.all<Row>(sql, params);
  return rows[0];
}
