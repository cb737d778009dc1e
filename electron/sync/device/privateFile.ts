import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes a file only the user can read (0600), whole to a new file renamed over the old one: a crash leaves
 * the old or the new, never half. For the secrets a laptop keeps for the kommune's server.
 */
export function writePrivateFile(path: string, bytes: Buffer): void {
  const staging = `${path}.ny`;
  rmSync(staging, { force: true });
  const fd = openSync(staging, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // The mode given to open is narrowed by the umask, never widened; this makes it exactly the user's own.
  chmodSync(staging, PRIVATE_FILE_MODE);
  renameSync(staging, path);
  syncFolder(dirname(path));
}

/** The rename is durable only once the folder's entry is on disk (not possible, nor needed, on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
