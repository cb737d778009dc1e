import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, createBackup, createPrivateFile, makePrivate, PRIVATE_FOLDER_MODE } from './backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type SqliteDb = Database.Database;

const OPENING_BUSY_TIMEOUT_MS = 5000;
/** The longest one statement waits for another program's lock while the app runs. */
export const BUSY_TIMEOUT_MS = 50;

/** A problem with the archive file itself, worded for the person whose archive it is. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/**
 * Samtalerum may read the archive but not write it (or the folder it lies in, where SQLite keeps its
 * log and Samtalerum its backups). Nothing is wrong with the file, so it is never offered a restore.
 */
export class ReadOnlyArchiveError extends ArchiveError {
  constructor(
    readonly archivePath: string,
    readonly what: 'fil' | 'mappe',
    detail: string,
  ) {
    const place = what === 'fil' ? 'i arkivfilen' : `i mappen ${dirname(archivePath)}, hvor arkivet og dets sikkerhedskopier ligger`;
    const remedy =
      what === 'fil'
        ? 'Giv din bruger lov til at skrive i filen (fjern fx «Skrivebeskyttet» under filens egenskaber)'
        : 'Giv din bruger lov til at skrive i mappen';
    super(
      `Arkivet ${archivePath} kan kun læses: Samtalerum har ikke lov til at skrive ${place} (${detail}). ` +
        'Arkivet er ikke ændret, og der er intet i vejen med selve filen. ' +
        `${remedy}, eller flyt arkivet til en mappe, du selv kan skrive i, og start så Samtalerum igen.`,
    );
  }
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
  if (path !== ':memory:') prepareFile(path);
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

/**
 * Makes sure Samtalerum can write the archive and its folder before SQLite opens it (SQLite would
 * quietly open a write-protected file read-only, and every later change would fail), and creates a
 * new archive readable by the user only: SQLite gives its -wal and -shm files the same mode.
 */
function prepareFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    throw readOnlyOr(error, path, 'mappe') ?? error;
  }
  refuseReadOnlyArchive(path);
  if (!existsSync(path)) createPrivateFile(path);
  else if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) makePrivate(path);
}

/**
 * Throws ReadOnlyArchiveError when the archive file, its log files or its folder cannot be written.
 * It tries for real (opens the file for writing, creates and removes a file in the folder), because
 * permission bits do not tell the whole story: a drive mounted read-only, a file locked as immutable.
 */
export function refuseReadOnlyArchive(path: string): void {
  if (path === ':memory:') return;
  const folder = dirname(path);
  if (!existsSync(folder)) return;
  const probe = join(folder, `.skrivetjek-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    throw readOnlyOr(error, path, 'mappe') ?? error;
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      closeSync(openSync(file, 'r+'));
    } catch (error) {
      throw readOnlyOr(error, path, 'fil') ?? error;
    }
  }
}

function readOnlyOr(error: unknown, path: string, what: 'fil' | 'mappe'): ReadOnlyArchiveError | null {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'EROFS') return new ReadOnlyArchiveError(path, what, 'drevet kan kun læses');
  if (code === 'EACCES' || code === 'EPERM') return new ReadOnlyArchiveError(path, what, 'adgang nægtet');
  return null;
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
