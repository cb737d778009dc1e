import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, chmodSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a laptop got when it redeemed an invitation at a server: who it acts for, its own device id,
 * and the credential it shows as the token of every document. The server can revoke the credential.
 */
export interface DeviceCredential {
  personId: string;
  deviceId: string;
  credential: string;
}

/**
 * Seals the stored credentials before they touch the disk: in the app with the operating system's key
 * store (Electron's safeStorage, electron/main/safeStorageSealer.ts); in tests and the harness not at
 * all, where the file's mode (0600, the user's own) is the protection.
 */
export interface Sealer {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

export const UNSEALED: Sealer = {
  seal: (plain) => Buffer.from(plain, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};

export class DeviceCredentialError extends Error {
  override readonly name = 'DeviceCredentialError';
}

/** The device credentials of this laptop, one per server, in one file only the user can read. */
export interface DeviceCredentials {
  /** The servers this laptop has a credential for. */
  servers(): string[];
  read(serverUrl: string): DeviceCredential | null;
  write(serverUrl: string, credential: DeviceCredential): void;
  remove(serverUrl: string): void;
}

const PRIVATE_FILE_MODE = 0o600;

export function deviceCredentialsFile(path: string, sealer: Sealer = UNSEALED): DeviceCredentials {
  function load(): Record<string, DeviceCredential> {
    let sealed: Buffer;
    try {
      sealed = readFileSync(path);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
      throw new DeviceCredentialError('Denne computers nøgler til delingsserveren kunne ikke læses. Tjek, at filen kan læses, og prøv igen.');
    }
    try {
      return parseCredentials(sealer.open(sealed));
    } catch {
      throw new DeviceCredentialError(
        'Denne computers nøgler til delingsserveren er ulæselige (filen er beskadiget, eller den er flyttet fra en anden bruger). Indløs en ny invitation for at dele igen.',
      );
    }
  }

  /** Written whole to a new file and renamed over the old one: a crash leaves the old or the new, never half. */
  function save(all: Record<string, DeviceCredential>): void {
    const staging = `${path}.ny`;
    rmSync(staging, { force: true });
    const fd = openSync(staging, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, sealer.seal(JSON.stringify(all)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The mode given to open is narrowed by the umask, never widened; this makes it exactly the user's own.
    chmodSync(staging, PRIVATE_FILE_MODE);
    renameSync(staging, path);
    syncFolder(dirname(path));
  }

  return {
    servers: () => Object.keys(load()).sort(),
    read: (serverUrl) => load()[serverUrl] ?? null,
    write(serverUrl, credential) {
      save({ ...load(), [serverUrl]: credential });
    },
    remove(serverUrl) {
      const { [serverUrl]: _removed, ...rest } = load();
      save(rest);
    },
  };
}

function parseCredentials(text: string): Record<string, DeviceCredential> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
  const result: Record<string, DeviceCredential> = {};
  for (const [serverUrl, value] of Object.entries(parsed)) {
    if (!isCredential(value)) throw new Error('not a credential');
    result[serverUrl] = { personId: value.personId, deviceId: value.deviceId, credential: value.credential };
  }
  return result;
}

export function isCredential(value: unknown): value is DeviceCredential {
  if (typeof value !== 'object' || value === null) return false;
  const { personId, deviceId, credential } = value as Record<string, unknown>;
  return [personId, deviceId, credential].every((field) => typeof field === 'string' && field.length > 0 && field.length <= 4096);
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
