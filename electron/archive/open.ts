import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, createBackup } from './backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type SqliteDb = Database.Database;

const OPENING_BUSY_TIMEOUT_MS = 5000;
/** The longest one statement waits for another program's lock while the app runs. */
export const BUSY_TIMEOUT_MS = 50;

/** A problem with the archive file itself, worded for the person whose archive it is. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

export interface Archive {
  readonly db: SqliteDb;
  readonly path: string;
  readonly schemaVersion: number;
  /** True when this open created the archive (it had no schema yet): the app's first run. */
  readonly createdNow: boolean;
  close(): void;
}

export interface OpenOptions {
  /** Migrate only up to this version; for migration tests. Defaults to the newest. */
  targetVersion?: number;
}

export function openArchive(path: string, options: OpenOptions = {}): Archive {
  const target = options.targetVersion ?? LATEST_SCHEMA_VERSION;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = connect(path);
  try {
    // Read the version before any pragma that writes, so a file from a newer app is left untouched.
    const found = readUserVersion(db, path);
    if (found > LATEST_SCHEMA_VERSION) {
      throw new ArchiveError(
        `Arkivet ${path} er gemt af en nyere version af Samtalerum (skemaversion ${found}; denne version kan læse op til ${LATEST_SCHEMA_VERSION}). ` +
          'Arkivet er ikke ændret. Opdater Samtalerum for at åbne det.',
      );
    }
    // An existing archive is copied aside before a migration changes it; not inside the migration's
    // transaction, where VACUUM INTO cannot run.
    if (found > 0 && found < target) backupBeforeMigration(db, path);
    db.pragma('journal_mode = WAL');
    // FULL: a meeting's notes must survive a power cut or a closed lid, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Opening (and migrating) happens before the window shows and may wait for another program.
    db.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
    migrate(db, found, target);
    // Afterwards a wait blocks the window, so it is short; dispatch retries without blocking (services/busy.ts).
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return {
      db,
      path,
      schemaVersion: target,
      createdNow: found === 0,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(path: string): SqliteDb {
  try {
    return new Database(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/dlopen|NODE_MODULE_VERSION|invalid ELF|was compiled against/i.test(detail)) {
      throw new ArchiveError(
        `Databasemodulet better-sqlite3 kunne ikke indlæses i ${runtimeName()} (${process.platform}-${process.arch}, Node-API ${process.versions.napi}). ` +
          `Geninstaller programmet. Teknisk detalje: ${detail}`,
      );
    }
    throw new ArchiveError(`Arkivet ${path} kunne ikke åbnes: ${detail}`);
  }
}

function runtimeName(): string {
  const electronVersion = process.versions['electron'];
  return electronVersion ? `Electron ${electronVersion}` : `Node ${process.versions.node}`;
}

function readUserVersion(db: SqliteDb, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new ArchiveError(`Filen ${path} er ikke et Samtalerum-arkiv, eller den er beskadiget. Filen er ikke ændret.`);
  }
}

function backupBeforeMigration(db: SqliteDb, path: string): void {
  try {
    createBackup(db, path, 'foer-migrering');
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new ArchiveError(`Arkivet skal opdateres til denne version af Samtalerum, men først skal der tages en sikkerhedskopi. ${error.message}`);
  }
}

/** Applies the missing migrations in one transaction, so an archive is never left half-migrated. */
function migrate(db: SqliteDb, from: number, to: number): void {
  if (from >= to) return;
  db.transaction(() => {
    for (const migration of MIGRATIONS) {
      if (migration.version > from && migration.version <= to) migration.up(db);
    }
    db.pragma(`user_version = ${to}`);
  }).immediate();
}
