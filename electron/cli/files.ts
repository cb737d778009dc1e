import { mkdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, fileProblem } from './errors';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The nearest part of the path that exists must be a folder, or the folder cannot be made. */
function checkCanCreateFolder(dir: string): void {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const stats = statOrNull(current);
    if (stats?.isDirectory()) return;
    if (stats) throw new CliError(`Mappen ${dir} kan ikke oprettes, for ${current} er en fil.`);
    if (dirname(current) === current) return;
  }
}

/**
 * Checks an --out file before anything is read or generated, so a refusal costs nothing and
 * leaves nothing behind. The write itself checks again.
 */
export function checkOutFile(path: string, overwrite: boolean, example: string): void {
  const stats = statOrNull(path);
  if (stats?.isDirectory()) throw new CliError(`--out ${path} er en mappe. Angiv et filnavn, fx ${join(path, example)}.`);
  if (stats && !overwrite) throw exists(path);
  checkCanCreateFolder(dirname(resolve(path)));
}

/** Checks an --out folder the same way: it may be missing, but it may not be a file. */
export function checkOutFolder(path: string): void {
  const stats = statOrNull(path);
  if (stats && !stats.isDirectory()) throw new CliError(`--out ${path} er en fil, men skal være en mappe, som referaterne kan gemmes i.`);
  checkCanCreateFolder(path);
}

export function fileExists(path: string): boolean {
  return statOrNull(path) !== null;
}

export function exists(path: string): CliError {
  return new CliError(`Filen ${path} findes allerede og er ikke ændret. Brug --overwrite for at erstatte den.`);
}

/**
 * Creates a folder and its missing parents. The returned function removes the folders this call
 * created, as long as they are still empty, so a failed export leaves no empty folder behind.
 */
export function makeFolder(dir: string, what = `Mappen ${dir}`): () => void {
  // One level at a time rather than mkdirSync's recursive mode, which can loop forever on paths it
  // cannot create (e.g. under /proc); this also tells exactly which folders are new.
  const missing: string[] = [];
  for (let current = resolve(dir); statOrNull(current) === null && dirname(current) !== current; current = dirname(current)) {
    missing.unshift(current);
  }
  const created: string[] = [];
  const undo = () => {
    for (const folder of [...created].reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        return; // not empty (or already gone): leave it and everything above
      }
    }
  };
  try {
    for (const folder of missing) {
      mkdirSync(folder);
      created.push(folder);
    }
  } catch (error) {
    undo();
    throw new CliError(`${what} kunne ikke oprettes: ${fileProblem(error)}.`);
  }
  return undo;
}

/**
 * Writes a whole file. Without overwrite an existing file is never touched (the exclusive create
 * fails instead); with it the new content goes to a temporary file that then replaces the old one,
 * so a full disk never leaves half a file where a whole one was.
 */
export function writeWholeFile(path: string, data: Buffer, overwrite: boolean): void {
  if (!overwrite) {
    try {
      writeFileSync(path, data, { flag: 'wx' });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw exists(path);
      removeQuietly(path); // wx guarantees that a file there now is our own half-written one
      throw new CliError(`Filen ${path} kunne ikke gemmes: ${fileProblem(error)}.`);
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw new CliError(`Filen ${path} kunne ikke gemmes: ${fileProblem(error)}.`);
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // nothing there to remove
  }
}

/** A generated document's own file name, made safe to use as one name inside a folder. */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')).trim().replace(/^\.+/, '');
  return cleaned === '' ? fallback : cleaned;
}

/** Saves one generated file at --out, making its folder if needed; a failed write leaves no new folder behind. */
export function saveFile(target: string, data: Buffer, overwrite: boolean): void {
  const undoFolder = makeFolder(dirname(target));
  try {
    writeWholeFile(target, data, overwrite);
  } catch (error) {
    undoFolder();
    throw error;
  }
}
