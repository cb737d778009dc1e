import type { Database } from 'better-sqlite3';

/** One numbered step of the schema. A shipped migration is never edited; a change is a new step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
