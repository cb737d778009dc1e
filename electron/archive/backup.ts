import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_FILE_NAME, type BackupReason } from '../../shared/api/limits';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { SqliteDb } from './open';

/**
 * Backups of the archive: verified copies in the archive's own backup folder next to the archive file,
 * taken every day, before every migration and import, before a restore, and when the user asks.
 * A backup is written to a temporary file of its own, checked with PRAGMA integrity_check, and only
 * then given its final name, so a file with a backup's name is always a whole, readable archive.
 * Everything written here is readable by the user only (0600; folders 0700): an archive holds
 * confidential items.
 */

/** The app's own archive file; its backups keep the folder name older versions used. */
const APP_ARCHIVE_FILE = 'samtalerum.sqlite';
export const BACKUP_FOLDER = 'sikkerhedskopier';
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * How many backups of each kind are kept when a new one is taken: a week of daily ones, so a mistake
 * found after a holiday weekend can still be undone, and the newest five of every other kind (before a
 * migration, an import, a restore, and those taken by hand). Older ones of the same kind are deleted;
 * the archive files kept aside by a restore are never deleted.
 */
export const KEEP_BACKUPS: Readonly<Record<BackupReason, number>> = {
  daglig: 7,
  'foer-migrering': 5,
  'foer-import': 5,
  'foer-gendannelse': 5,
  manuel: 5,
};

/** A backup could not be taken or restored; the message is a whole Danish sentence. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * Where the backups of the archive at archivePath live. Each archive has a folder of its own, so two
 * archives in one folder (the CLI can open any file) never rotate or restore each other's backups:
 * "sikkerhedskopier" for the app's samtalerum.sqlite, "sikkerhedskopier-trio" for trio.sqlite.
 */
export function backupFolder(archivePath: string): string {
  const name = basename(archivePath);
  const folder = name === APP_ARCHIVE_FILE ? BACKUP_FOLDER : `${BACKUP_FOLDER}-${archiveStem(archivePath)}`;
  return join(dirname(archivePath), folder);
}

/** "trio" for ".../trio.sqlite": the start of the names of the files kept beside the archive. */
function archiveStem(archivePath: string): string {
  return basename(archivePath).replace(/\.(sqlite3?|db)$/i, '');
}

export interface CreateOptions {
  /** A backup rotation must not delete, e.g. the one about to be restored. */
  spare?: string;
}

/**
 * Takes a verified backup. VACUUM INTO is synchronous, so it can run just before a write, but not
 * inside a transaction: callers take the backup before they open theirs. The app takes its daily
 * backup and the one before a migration in a worker instead (backgroundBackup.ts), by the same steps.
 */
export function createBackup(
  db: SqliteDb,
  archivePath: string,
  reason: BackupReason,
  now: Date = new Date(),
  options: CreateOptions = {},
): BackupInfo {
  if (db.inTransaction) throw new BackupError('En sikkerhedskopi kan ikke tages midt i en ændring af arkivet.');
  const pending = beginBackup(archivePath);
  try {
    db.prepare('VACUUM INTO ?').run(pending.temporary);
    if (!isArchiveHealthy(pending.temporary, 'integrity_check')) throw new BackupError(FAILED_CHECK);
  } catch (error) {
    throw pending.fail(error);
  }
  return pending.finish(reason, now, options);
}

export const FAILED_CHECK = 'Sikkerhedskopien bestod ikke integritetstjekket, så den er slettet igen.';

/** A backup under way: an empty private file waits for the copy, then gets its name (or is removed). */
export interface PendingBackup {
  readonly temporary: string;
  /** Flushes the finished copy, names it, and rotates the backups of its kind. */
  finish(reason: BackupReason, now: Date, options?: CreateOptions): BackupInfo;
  /** Removes the temporary file; the error to throw, in Danish. */
  fail(error: unknown): BackupError;
}

export function beginBackup(archivePath: string): PendingBackup {
  const folder = backupFolder(archivePath);
  // A name of its own: another process (the CLI beside the app) may be taking a backup at this moment.
  const temporary = join(folder, `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fail = (error: unknown) => {
    removeQuietly(temporary);
    return new BackupError(`Der kunne ikke tages en sikkerhedskopi af arkivet i ${folder}: ${problem(error)} Arkivet er ikke ændret.`);
  };
  try {
    mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    // A folder an older version created readable by all is closed now.
    if (process.platform !== 'win32' && (statSync(folder).mode & 0o077) !== 0) chmodSync(folder, PRIVATE_FOLDER_MODE);
    removeAbandonedTemporaries(folder);
    // Created empty and private first: VACUUM INTO writes into it and keeps its mode.
    createPrivateFile(temporary);
  } catch (error) {
    throw fail(error);
  }
  return {
    temporary,
    fail,
    finish(reason, now, options = {}) {
      let fileName: string;
      try {
        syncFile(temporary);
        fileName = claimName(temporary, folder, `samtalerum-${stamp(now)}-${reason}`);
        syncFolder(folder);
      } catch (error) {
        throw fail(error);
      }
      // Before the rotation: another process rotating at the same moment may already count this one.
      const taken = describe(fileName, statSync(join(folder, fileName)).size);
      rotate(archivePath, reason, options.spare);
      return taken;
    },
  };
}

/** The archive's backups, newest first. */
export function listBackups(archivePath: string): BackupInfo[] {
  if (archivePath === ':memory:') return [];
  const folder = backupFolder(archivePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_FILE_NAME.test(name))
    .flatMap((name) => {
      // Another process's rotation may remove a file between the listing and this look at it.
      const stats = statIfPresent(join(folder, name));
      return stats ? [{ name, order: orderKey(name), stats }] : [];
    })
    // Backups of different kinds may share a second; the one written last is the newer.
    .sort((a, b) => b.order.localeCompare(a.order) || b.stats.mtimeMs - a.stats.mtimeMs)
    .map(({ name, stats }) => describe(name, stats.size));
}

/** Takes the day's backup unless there already is one from this calendar day (local time). */
export function dailyBackupIfDue(db: SqliteDb, archivePath: string, now: Date = new Date()): BackupInfo | null {
  if (!isDailyBackupDue(archivePath, now)) return null;
  return createBackup(db, archivePath, 'daglig', now);
}

/** Whether this calendar day (local time) still lacks its daily backup. */
export function isDailyBackupDue(archivePath: string, now: Date): boolean {
  if (archivePath === ':memory:') return false;
  const today = `samtalerum-${stamp(now).slice(0, 8)}-`;
  return !listBackups(archivePath).some((b) => b.reason === 'daglig' && b.fileName.startsWith(today));
}

/**
 * Whether the file is a readable SQLite database that passes the check. Opened read-only, so a damaged
 * file is not changed. An empty file is not an archive: the app's own archive always has a schema.
 */
export function isArchiveHealthy(path: string, check: 'quick_check' | 'integrity_check' = 'quick_check'): boolean {
  let db: SqliteDb | undefined;
  try {
    if (statSync(path).size === 0) return false;
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma(check, { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The newest backup that passes integrity_check, or null when there is none. */
export function newestGoodBackup(archivePath: string): BackupInfo | null {
  const folder = backupFolder(archivePath);
  return listBackups(archivePath).find((b) => isArchiveHealthy(join(folder, b.fileName), 'integrity_check')) ?? null;
}

export interface Restored {
  restored: BackupInfo;
  /** Where the archive that was replaced is kept (never deleted); null when there was none. */
  keptAs: string | null;
}

/** The steps of a restore, in order; after each one the archive's path holds a whole archive. */
export const RESTORE_STEPS = ['kopi-klar', 'gammelt-arkiv-gemt', 'log-flyttet', 'lagt-paa-plads'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

/**
 * Puts a backup in the archive's place. The archive must be closed. Crash-safe: at every instant the
 * archive's path holds either the archive as it was or the restored backup, never nothing, so a start
 * after a power cut never finds the archive missing (and never creates a new, empty one):
 *   1. the backup is copied to a private staging file beside the archive and flushed to disk;
 *   2. the archive (and its -wal, if any) gets a second name, "samtalerum-FØR-GENDANNELSE-<tid>.sqlite",
 *      as a hard link: the archive stays where it is;
 *   3. the archive's -wal leaves its path (it lives on under the kept name): a log left beside the
 *      restored file would be replayed into it;
 *   4. the staging file is renamed over the archive in one atomic step.
 * A staging file found at the next start means the restore stopped before step 4; see
 * recoverInterruptedRestore. onStep lets a test stop the process after each step.
 */
export function restoreBackup(
  archivePath: string,
  fileName: string,
  now: Date = new Date(),
  onStep: (step: RestoreStep) => void = () => {},
): Restored {
  const restored = listBackups(archivePath).find((b) => b.fileName === fileName);
  if (!restored) {
    throw new BackupError(`Sikkerhedskopien «${fileName.slice(0, 80)}» findes ikke i mappen ${basename(backupFolder(archivePath))}. Arkivet er ikke ændret.`);
  }
  const source = join(backupFolder(archivePath), fileName);
  if (!isArchiveHealthy(source, 'integrity_check')) {
    throw new BackupError(`Sikkerhedskopien ${fileName} er beskadiget og kan ikke gendannes. Arkivet er ikke ændret; vælg en anden sikkerhedskopi.`);
  }
  if (schemaVersionOf(source) > LATEST_SCHEMA_VERSION) {
    throw new BackupError(`Sikkerhedskopien ${fileName} er lavet af en nyere version af Samtalerum. Arkivet er ikke ændret; opdater Samtalerum først.`);
  }

  const folder = dirname(archivePath);
  const staging = join(folder, `.${basename(archivePath)}${STAGING_INFIX}${process.pid}.tmp`);
  try {
    rmSync(staging, { force: true });
    createPrivateFile(staging);
    copyFileSync(source, staging);
    // copyFileSync gives the copy the backup's mode; a backup from an older version may be 0644.
    makePrivate(staging);
    syncFile(staging);
    syncFolder(folder);
  } catch (error) {
    removeQuietly(staging);
    throw new BackupError(`Sikkerhedskopien ${fileName} kunne ikke kopieres: ${problem(error)} Arkivet er ikke ændret.`);
  }
  onStep('kopi-klar');

  let keptAs: string | null = null;
  try {
    if (existsSync(archivePath)) {
      keptAs = freeName(folder, `${archiveStem(archivePath)}-FØR-GENDANNELSE-${stamp(now)}`);
      const kept = join(folder, keptAs);
      // The journal files are kept with the file they belong to, under the same new name.
      for (const suffix of JOURNAL_SUFFIXES) {
        if (existsSync(archivePath + suffix)) keepUnderSecondName(archivePath + suffix, kept + suffix);
      }
      keepUnderSecondName(archivePath, kept);
      syncFolder(folder);
      onStep('gammelt-arkiv-gemt');
      for (const suffix of JOURNAL_SUFFIXES) rmSync(archivePath + suffix, { force: true });
      rmSync(`${archivePath}-shm`, { force: true });
      syncFolder(folder);
      onStep('log-flyttet');
    }
    renameSync(staging, archivePath);
    syncFolder(folder);
  } catch (error) {
    removeQuietly(staging);
    if (keptAs !== null) undoRestore(archivePath, keptAs);
    throw new BackupError(`Sikkerhedskopien ${fileName} kunne ikke lægges på arkivets plads: ${problem(error)} Arkivet er ikke ændret.`);
  }
  onStep('lagt-paa-plads');
  return { restored, keptAs };
}

/**
 * A restore that stopped before its last step: the archive is still at its path, and keptAs is only a
 * second name for it. Its log goes back beside it and the second name is removed; a kept file that is
 * not the archive itself (a finished earlier restore) is left alone.
 */
function undoRestore(archivePath: string, keptAs: string): void {
  const kept = join(dirname(archivePath), keptAs);
  if (!isSameFile(kept, archivePath)) return;
  for (const suffix of JOURNAL_SUFFIXES) {
    try {
      if (existsSync(kept + suffix) && !existsSync(archivePath + suffix)) linkSync(kept + suffix, archivePath + suffix);
    } catch {
      // The log stays under the kept name, where nothing is lost.
      continue;
    }
    removeQuietly(kept + suffix);
  }
  if (!existsSync(kept + '-wal')) removeQuietly(kept);
}

/** What the next start found of a restore that was interrupted, in words for the user. */
export interface InterruptedRestore {
  message: string;
}

/**
 * Finds what a restore left behind when it was interrupted (a power cut, a killed process) and puts
 * things in order before the archive is opened. Before the swap the archive is still the one from
 * before: its log goes back and the second name is removed. A version before this one could stop with
 * no archive at its path; then the finished copy (or else the archive from before) is put there, so
 * the start never mistakes the archive for a first run and creates a new one.
 */
export function recoverInterruptedRestore(archivePath: string): InterruptedRestore | null {
  if (archivePath === ':memory:') return null;
  const folder = dirname(archivePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const own = `.${basename(archivePath)}${STAGING_INFIX}`;
  const stagings = names
    .filter((name) => {
      if (name === LEGACY_STAGING) return true;
      if (!name.startsWith(own) || !name.endsWith('.tmp')) return false;
      // A restore another process (the app, beside the CLI) is carrying out right now is its own.
      const pid = Number(name.slice(own.length, -'.tmp'.length));
      return pid === process.pid || !isRunning(pid);
    })
    .map((name) => join(folder, name));
  if (stagings.length === 0) return null;

  const keptNames = names.filter((name) => isKeptName(archivePath, name)).sort();
  if (existsSync(archivePath)) {
    for (const keptAs of keptNames) undoRestore(archivePath, keptAs);
    for (const staging of stagings) removeQuietly(staging);
    syncFolder(folder);
    return {
      message:
        'Den seneste gendannelse af en sikkerhedskopi blev afbrudt, før arkivet blev skiftet ud (fx fordi computeren slukkede). ' +
        'Arkivet er, som det var før gendannelsen, og intet er gået tabt. Vil du stadig gendanne sikkerhedskopien, så gør det igen under Indstillinger.',
    };
  }

  const finished = stagings.find((staging) => isArchiveHealthy(staging, 'integrity_check'));
  const newestKept = keptNames.at(-1) ?? null;
  if (finished) {
    renameSync(finished, archivePath);
    for (const staging of stagings) if (staging !== finished) removeQuietly(staging);
    syncFolder(folder);
    return {
      message:
        'Den seneste gendannelse af en sikkerhedskopi blev afbrudt, mens arkivet blev skiftet ud. Den er nu gjort færdig: sikkerhedskopien ligger på arkivets plads.' +
        (newestKept ? ` Arkivet, som det var før gendannelsen, er gemt som ${newestKept}.` : ''),
    };
  }
  if (newestKept) {
    const kept = join(folder, newestKept);
    for (const suffix of JOURNAL_SUFFIXES) if (existsSync(kept + suffix)) renameSync(kept + suffix, archivePath + suffix);
    renameSync(kept, archivePath);
    for (const staging of stagings) removeQuietly(staging);
    syncFolder(folder);
    return {
      message:
        'Den seneste gendannelse af en sikkerhedskopi blev afbrudt, mens arkivet blev skiftet ud, og kopien nåede ikke at blive færdig. ' +
        'Arkivet, som det var før gendannelsen, er lagt tilbage på sin plads; intet er gået tabt.',
    };
  }
  return null;
}

function isKeptName(archivePath: string, name: string): boolean {
  const prefix = `${archiveStem(archivePath)}-FØR-GENDANNELSE-`;
  return name.startsWith(prefix) && /^\d{8}-\d{6}(-\d+)?\.sqlite$/.test(name.slice(prefix.length));
}

/** A second name for the same file (a hard link); a copy where the drive has no hard links (FAT). */
function keepUnderSecondName(path: string, secondName: string): void {
  try {
    linkSync(path, secondName);
  } catch (error) {
    if (!isCode(error, ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'])) throw error;
    const partial = `${secondName}.${process.pid}.tmp`;
    copyFileSync(path, partial);
    syncFile(partial);
    renameSync(partial, secondName);
  }
}

function isSameFile(a: string, b: string): boolean {
  try {
    const first = statSync(a, { bigint: true });
    const second = statSync(b, { bigint: true });
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

function schemaVersionOf(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** Keeps the newest backups of one kind (KEEP_BACKUPS) and deletes the older ones. */
function rotate(archivePath: string, reason: BackupReason, spare: string | undefined): void {
  const folder = backupFolder(archivePath);
  const surplus = listBackups(archivePath)
    .filter((b) => b.reason === reason)
    .slice(KEEP_BACKUPS[reason])
    .filter((b) => b.fileName !== spare);
  // A file another program holds open (a virus scanner, a sync client) goes at the next rotation.
  for (const backup of surplus) removeQuietly(join(folder, backup.fileName));
}

const TEMPORARY_PREFIX = '.ny-sikkerhedskopi-';
const STAGING_INFIX = '.gendannes-';
/** The staging file of versions before per-process names; found and dealt with at the next start. */
const LEGACY_STAGING = '.gendannes.tmp';
const JOURNAL_SUFFIXES = ['-wal', '-journal'] as const;

/** Temporary backups of processes that are no longer running: a crash in the middle of a backup. */
function removeAbandonedTemporaries(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (name === '.ny-sikkerhedskopi.tmp') removeQuietly(join(folder, name));
    const match = /^\.ny-sikkerhedskopi-(\d+)-[0-9a-f]+\.tmp$/.exec(name);
    if (match && !isRunning(Number(match[1]))) removeQuietly(join(folder, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, ['EPERM']);
  }
}

/**
 * Gives the finished temporary file the first free name. A hard link fails if the name is taken, so
 * two processes finishing in the same second cannot overwrite each other's backup (a rename would).
 */
function claimName(temporary: string, folder: string, base: string): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    try {
      linkSync(temporary, join(folder, name));
    } catch (error) {
      if (isCode(error, ['EEXIST'])) continue;
      if (!isCode(error, ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])) throw error;
      // A drive without hard links (FAT): the best there is.
      if (existsSync(join(folder, name))) continue;
      renameSync(temporary, join(folder, name));
      return name;
    }
    rmSync(temporary, { force: true });
    return name;
  }
}

/** Creates an empty file only the user can read; fails if the name is taken. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}

/** Takes away others' access to a file; Windows has no such modes. */
export function makePrivate(path: string): void {
  if (process.platform !== 'win32') chmodSync(path, PRIVATE_FILE_MODE);
}

function statIfPresent(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function isCode(error: unknown, codes: readonly string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}

/** Removes a temporary or surplus file; one that cannot be removed now does no harm. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next attempt.
  }
}

function describe(fileName: string, sizeBytes: number): BackupInfo {
  const [, y, mo, d, h, mi, s, reason] = BACKUP_FILE_NAME.exec(fileName) ?? [];
  return {
    fileName,
    createdAt: new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)).toISOString(),
    reason: reason as BackupReason,
    sizeBytes,
  };
}

/** Sorts by the time in the name, then by the number a same-second backup got. */
function orderKey(fileName: string): string {
  const match = BACKUP_FILE_NAME.exec(fileName);
  return `${match?.slice(1, 7).join('')}-${(match?.[8] ?? '1').padStart(4, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as YYYYMMDD-HHmmss: the names sort by time and read as the clock on the wall said. */
function stamp(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

function freeName(folder: string, base: string): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    if (!existsSync(join(folder, name))) return name;
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a folder for this and does not need it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported on this platform.
  }
}

function problem(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return 'Der er ikke plads nok på disken.';
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) return 'Samtalerum har ikke lov til at skrive i mappen.';
  return `${error instanceof Error ? error.message : String(error)}.`.replace(/\.\.$/, '.');
}
