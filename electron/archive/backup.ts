import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_FILE_NAME, type BackupInfo, type BackupReason } from '../../shared/api/methods/backup';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { SqliteDb } from './open';

/**
 * Backups of the archive: verified copies in the folder "sikkerhedskopier" next to the archive file,
 * taken every day, before every migration and import, before a restore, and when the user asks.
 * A backup is written to a temporary file, checked with PRAGMA integrity_check, and only then renamed
 * to its final name, so a file with a backup's name is always a whole, readable archive.
 */

export const BACKUP_FOLDER = 'sikkerhedskopier';

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

/** Where the backups of the archive at archivePath live. */
export function backupFolder(archivePath: string): string {
  return join(dirname(archivePath), BACKUP_FOLDER);
}

export interface CreateOptions {
  /** A backup rotation must not delete, e.g. the one about to be restored. */
  spare?: string;
}

/**
 * Takes a verified backup. VACUUM INTO is synchronous, so it can run just before a write, but not
 * inside a transaction: callers take the backup before they open theirs.
 */
export function createBackup(
  db: SqliteDb,
  archivePath: string,
  reason: BackupReason,
  now: Date = new Date(),
  options: CreateOptions = {},
): BackupInfo {
  if (db.inTransaction) throw new BackupError('En sikkerhedskopi kan ikke tages midt i en ændring af arkivet.');
  const folder = backupFolder(archivePath);
  // One owner writes backups, one at a time; a leftover from a crash is simply replaced.
  const temporary = join(folder, '.ny-sikkerhedskopi.tmp');
  let fileName: string;
  try {
    mkdirSync(folder, { recursive: true });
    rmSync(temporary, { force: true });
    db.prepare('VACUUM INTO ?').run(temporary);
    if (!isArchiveHealthy(temporary, 'integrity_check')) {
      throw new BackupError('Sikkerhedskopien bestod ikke integritetstjekket, så den er slettet igen.');
    }
    syncFile(temporary);
    fileName = freeName(folder, `samtalerum-${stamp(now)}-${reason}`);
    renameSync(temporary, join(folder, fileName));
    syncFolder(folder);
  } catch (error) {
    removeQuietly(temporary);
    throw new BackupError(`Der kunne ikke tages en sikkerhedskopi af arkivet i ${folder}: ${problem(error)} Arkivet er ikke ændret.`);
  }
  rotate(archivePath, reason, options.spare);
  return describe(fileName, statSync(join(folder, fileName)).size);
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
    .map((name) => ({ name, order: orderKey(name), stats: statSync(join(folder, name)) }))
    // Backups of different kinds may share a second; the one written last is the newer.
    .sort((a, b) => b.order.localeCompare(a.order) || b.stats.mtimeMs - a.stats.mtimeMs)
    .map(({ name, stats }) => describe(name, stats.size));
}

/** Takes the day's backup unless there already is one from this calendar day (local time). */
export function dailyBackupIfDue(db: SqliteDb, archivePath: string, now: Date = new Date()): BackupInfo | null {
  if (archivePath === ':memory:') return null;
  const today = `samtalerum-${stamp(now).slice(0, 8)}-`;
  if (listBackups(archivePath).some((b) => b.reason === 'daglig' && b.fileName.startsWith(today))) return null;
  return createBackup(db, archivePath, 'daglig', now);
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

/**
 * Puts a backup in the archive's place. The archive must be closed. The backup is checked first; then
 * the current archive file (with its -wal, if any) is renamed to "samtalerum-FØR-GENDANNELSE-<tid>.sqlite"
 * next to it, and a copy of the backup is renamed into place. Nothing is ever deleted but the -shm
 * index, which SQLite rebuilds.
 */
export function restoreBackup(archivePath: string, fileName: string, now: Date = new Date()): Restored {
  const restored = listBackups(archivePath).find((b) => b.fileName === fileName);
  if (!restored) {
    throw new BackupError(`Sikkerhedskopien «${fileName.slice(0, 80)}» findes ikke i mappen ${BACKUP_FOLDER}. Arkivet er ikke ændret.`);
  }
  const source = join(backupFolder(archivePath), fileName);
  if (!isArchiveHealthy(source, 'integrity_check')) {
    throw new BackupError(`Sikkerhedskopien ${fileName} er beskadiget og kan ikke gendannes. Arkivet er ikke ændret; vælg en anden sikkerhedskopi.`);
  }
  if (schemaVersionOf(source) > LATEST_SCHEMA_VERSION) {
    throw new BackupError(`Sikkerhedskopien ${fileName} er lavet af en nyere version af Samtalerum. Arkivet er ikke ændret; opdater Samtalerum først.`);
  }

  const folder = dirname(archivePath);
  const staging = join(folder, '.gendannes.tmp');
  try {
    rmSync(staging, { force: true });
    copyFileSync(source, staging);
    syncFile(staging);
  } catch (error) {
    removeQuietly(staging);
    throw new BackupError(`Sikkerhedskopien ${fileName} kunne ikke kopieres: ${problem(error)} Arkivet er ikke ændret.`);
  }

  let keptAs: string | null = null;
  if (existsSync(archivePath)) {
    keptAs = freeName(folder, `samtalerum-FØR-GENDANNELSE-${stamp(now)}`);
    const kept = join(folder, keptAs);
    // The journal files go first and with the file they belong to: a -wal left behind would be
    // replayed into the restored archive.
    for (const suffix of ['-wal', '-journal']) {
      if (existsSync(archivePath + suffix)) renameSync(archivePath + suffix, kept + suffix);
    }
    rmSync(`${archivePath}-shm`, { force: true });
    renameSync(archivePath, kept);
  }
  try {
    renameSync(staging, archivePath);
  } catch (error) {
    // Put the archive back where it was, so a failed restore changes nothing.
    if (keptAs !== null) {
      const kept = join(folder, keptAs);
      renameSync(kept, archivePath);
      for (const suffix of ['-wal', '-journal']) {
        if (existsSync(kept + suffix)) renameSync(kept + suffix, archivePath + suffix);
      }
    }
    removeQuietly(staging);
    throw new BackupError(`Sikkerhedskopien ${fileName} kunne ikke lægges på arkivets plads: ${problem(error)} Arkivet er ikke ændret.`);
  }
  syncFolder(folder);
  return { restored, keptAs };
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
