import pg from 'pg';
import type { Database, Queries, SqlValue } from './database';

/** `?` placeholders become PostgreSQL's `$1, $2, …`; none of our queries has a `?` inside a string. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function queriesOn(client: pg.Pool | pg.PoolClient): Queries {
  return {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), [...params])).rows as Row[],
    run: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
  };
}

/** A kommune's PostgreSQL, shared by every instance behind the load balancer. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped database connection must not take the server down; the next query gets a fresh one.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  return {
    dialect: 'postgres',
    ...queriesOn(pool),
    transaction: async (work, options) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Only this transaction's commit returns before its WAL record is flushed.
        if (options?.durable === false) await client.query('SET LOCAL synchronous_commit = off');
        const result = await work(queriesOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
