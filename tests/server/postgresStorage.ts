// A throwaway PostgreSQL database per test, through the role CI creates (scripts/server-services.sh).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Storage } from './serverProcess';

export function postgresUrl(): string {
  const url = process.env['SAMTALERUM_TEST_PG'];
  if (!url)
    throw new Error(
      'SAMTALERUM_TEST_PG er ikke sat: serverens PostgreSQL-test skal bruge en kørende PostgreSQL. Kør `source scripts/server-services.sh` (som CI gør) og prøv igen.',
    );
  return url;
}

export async function postgresStorage(): Promise<Storage> {
  const admin = postgresUrl();
  const name = `samtalerum_test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    args: ['--postgres', url.toString()],
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
