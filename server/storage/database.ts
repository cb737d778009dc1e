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

export interface TransactionOptions {
  /**
   * false for a write that only restates what earlier durable writes already hold (a compaction): it is
   * committed atomically and survives a crash of the process, but the commit does not wait for the disk,
   * so a crash of the machine may roll it back, which loses nothing. A later durable commit makes it
   * durable too (SQLite's WAL and PostgreSQL's WAL are written in order). Default true.
   */
  durable?: boolean;
}

export interface Database extends Queries {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` as one transaction: everything it wrote is committed together, or nothing is. */
  transaction<T>(work: (tx: Queries) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export async function one<Row>(db: Queries, sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
  const rows = await db.all<Row>(sql, params);
  return rows[0];
}
