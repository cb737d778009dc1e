import { readFileSync } from 'node:fs';
import { writePrivateFile } from './privateFile';

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

  function save(all: Record<string, DeviceCredential>): void {
    writePrivateFile(path, sealer.seal(JSON.stringify(all)));
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
