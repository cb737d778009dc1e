import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queries, SqlValue } from './database';

/**
 * The embedded storage: one SQLite file in the data folder. better-sqlite3 is synchronous, so a statement
 * is on disk when the call returns; WAL with synchronous=FULL keeps a committed write through a crash of
 * the process and of the machine. Transactions take turns through a queue, so no other statement can slip
 * into an open one between its awaits.
 */
export function openSqlite(file: string): Database {
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string): BetterSqlite3.Statement => {
    let found = prepared.get(sql);
    if (!found) {
      found = handle.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  const direct: Queries = {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => {
      const prepared = statement(sql);
      return (prepared.reader ? prepared.all(...params) : (prepared.run(...params), [])) as Row[];
    },
    run: async (sql, params = []) => statement(sql).run(...params).changes,
  };

  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    dialect: 'sqlite',
    all: (sql, params) => inTurn(() => direct.all(sql, params)),
    run: (sql, params) => inTurn(() => direct.run(sql, params)),
    transaction: (work, options) =>
      inTurn(async () => {
        // NORMAL in WAL mode: the commit is not synced to the disk; the next FULL commit syncs it with its own.
        const deferred = options?.durable === false;
        if (deferred) handle.pragma('synchronous = NORMAL');
        handle.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          handle.exec('COMMIT');
          return result;
        } catch (error) {
          handle.exec('ROLLBACK');
          throw error;
        } finally {
          if (deferred) handle.pragma('synchronous = FULL');
        }
      }),
    close: async () => {
      await queue;
      handle.close();
    },
  };
}
