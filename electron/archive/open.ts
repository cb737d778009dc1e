import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, createBackup, createPrivateFile, makePrivate, PRIVATE_FOLDER_MODE } from './backup';
import { createBackupInWorker } from './backgroundBackup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

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
  const { db, found } = connectChecked(path);
  try {
    // An existing archive is copied aside before a migration changes it; not inside the migration's
    // transaction, where VACUUM INTO cannot run.
    if (found > 0 && found < target) backupBeforeMigration(db, path);
    configure(db);
    migrate(db, found, target);
    return opened(db, path, target, found);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** How far an update of the archive has got: the backup first, then each migration. */
export interface UpdateProgress {
  step: 'sikkerhedskopi' | 'opdaterer';
  /** Migrations done and in all. */
  done: number;
  total: number;
}

/** An archive whose file has been checked and read; the update (if any) has not begun. */
export interface OpeningArchive {
  /** Migrations this version of the app will apply; 0 when the archive is up to date. */
  readonly updateSteps: number;
  /**
   * Takes the backup before an update (in a worker), applies the migrations one at a time in one
   * transaction and hands over the open archive. Between two migrations the event loop runs, so the
   * window hears the progress; nothing else has the connection until this resolves.
   */
  finish(onProgress: (progress: UpdateProgress) => void): Promise<Archive>;
  /** Gives up (the app is closing before the archive was handed over). */
  abandon(): void;
}

/**
 * Opens the archive as openArchive does, but the long part (backup and migrations of an old archive)
 * is left to finish(), which yields between steps. Throws at once what needs no waiting: an archive
 * from a newer version, a file that cannot be written or read.
 */
export function beginOpeningArchive(path: string): OpeningArchive {
  const { db, found } = connectChecked(path);
  const steps = MIGRATIONS.filter((m) => m.version > found);
  return {
    updateSteps: steps.length,
    async finish(onProgress) {
      try {
        if (found > 0 && steps.length > 0) {
          onProgress({ step: 'sikkerhedskopi', done: 0, total: steps.length });
          await backupBeforeMigrationInWorker(path);
        }
        configure(db);
        if (steps.length > 0) await migrateInSteps(db, steps, onProgress);
        return opened(db, path, LATEST_SCHEMA_VERSION, found);
      } catch (error) {
        db.close();
        throw error;
      }
    },
    abandon: () => db.close(),
  };
}

/** Prepares the file, connects, and refuses an archive from a newer version before anything is written. */
function connectChecked(path: string): { db: SqliteDb; found: number } {
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
    return { db, found };
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: SqliteDb): void {
  db.pragma('journal_mode = WAL');
  // FULL: a meeting's notes must survive a power cut or a closed lid, not only an app crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Statement journals, sorts and temporary tables in memory, not in temporary files. Within a write's
  // transaction SQLite keeps one statement journal; once a statement has journalled more than 64 KiB it
  // moves to a file, and every later statement of the transaction writes its pages there: a whole
  // archive's import made a hundred thousand such writes. A statement journal is emptied after each
  // statement; only a bulk write's sorts (an import building its indexes) hold more, while they run.
  db.pragma('temp_store = MEMORY');
  // Opening (and migrating) may wait for another program.
  db.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
}

function opened(db: SqliteDb, path: string, schemaVersion: number, found: number): Archive {
  // Afterwards a wait blocks the window, so it is short; dispatch retries without blocking (services/busy.ts).
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return {
    db,
    path,
    schemaVersion,
    createdNow: found === 0,
    close: () => {
      if (db.open) db.close();
    },
  };
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
    throw cannotBackUpBeforeUpdate(error);
  }
}

async function backupBeforeMigrationInWorker(path: string): Promise<void> {
  try {
    await createBackupInWorker(path, 'foer-migrering').result;
  } catch (error) {
    throw cannotBackUpBeforeUpdate(error);
  }
}

function cannotBackUpBeforeUpdate(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  return new ArchiveError(`Arkivet skal opdateres til denne version af Samtalerum, men først skal der tages en sikkerhedskopi. ${error.message}`);
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

/**
 * As migrate, one transaction for all of them, but the event loop runs between two migrations so
 * the window can be told how far the update has got. Holding the transaction across those pauses is
 * safe only because nothing else has the connection yet: the services get it when this returns.
 */
async function migrateInSteps(db: SqliteDb, steps: readonly Migration[], onProgress: (progress: UpdateProgress) => void): Promise<void> {
  const total = steps.length;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const [index, migration] of steps.entries()) {
      onProgress({ step: 'opdaterer', done: index, total });
      await new Promise((resolve) => setImmediate(resolve));
      migration.up(db);
    }
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    db.exec('COMMIT');
    onProgress({ step: 'opdaterer', done: total, total });
  } catch (error) {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
