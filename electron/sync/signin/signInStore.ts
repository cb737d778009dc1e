import { readFileSync } from 'node:fs';
import { UNSEALED, type Sealer } from '../device/deviceCredentials';
import { writePrivateFile } from '../device/privateFile';

/**
 * What a laptop keeps of a sign-in with the kommune's login, per server: who it is there, and the renewal
 * secret that gets the next session token. The session token itself is kept only in memory.
 */
export interface StoredSignIn {
  personId: string;
  deviceId: string;
  fornyelse: string;
  fornyelseUdloeber: string;
  /** The person's name as the provider gave it at the sign-in («Logget ind som …»). */
  navn?: string;
  /**
   * The sign-in has ended: 'person' signed out here, 'server' refused the renewal (expired, signed out
   * elsewhere, revoked). Nobody is signed in then; the renewal secret stays only so the next sign-in keeps
   * this laptop's device at the server.
   */
  afsluttet?: SignInEnd;
}

export type SignInEnd = 'person' | 'server';

export class SignInStoreError extends Error {
  override readonly name = 'SignInStoreError';
}

export interface SignInStore {
  read(serverUrl: string): StoredSignIn | null;
  write(serverUrl: string, signIn: StoredSignIn): void;
  remove(serverUrl: string): void;
  /** The servers this laptop has signed in to (also those where the sign-in has ended). */
  servers(): string[];
}

const FIELDS = ['personId', 'deviceId', 'fornyelse', 'fornyelseUdloeber'] as const;

function parse(text: string): Record<string, StoredSignIn> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
  const result: Record<string, StoredSignIn> = {};
  for (const [serverUrl, value] of Object.entries(parsed)) {
    const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (!FIELDS.every((key) => typeof fields[key] === 'string' && fields[key] !== '' && (fields[key] as string).length <= 4096)) throw new Error('not a sign-in');
    const [personId, deviceId, fornyelse, fornyelseUdloeber] = FIELDS.map((key) => fields[key] as string) as [string, string, string, string];
    const { navn, afsluttet } = fields;
    result[serverUrl] = {
      personId,
      deviceId,
      fornyelse,
      fornyelseUdloeber,
      ...(typeof navn === 'string' && navn.length <= 255 && { navn }),
      ...((afsluttet === 'person' || afsluttet === 'server') && { afsluttet }),
    };
  }
  return result;
}

/**
 * The sign-ins of this laptop in one file only the user can read (0600), sealed like the device credentials:
 * with the operating system's key store (Electron's safeStorage) in the app, not at all in tests.
 */
export function signInStoreFile(path: string, sealer: Sealer = UNSEALED): SignInStore {
  function load(): Record<string, StoredSignIn> {
    let sealed: Buffer;
    try {
      sealed = readFileSync(path);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
      throw new SignInStoreError('Denne computers login til delingsserveren kunne ikke læses. Tjek, at filen kan læses, og prøv igen.');
    }
    try {
      return parse(sealer.open(sealed));
    } catch {
      throw new SignInStoreError('Denne computers login til delingsserveren er ulæseligt (filen er beskadiget eller fra en anden bruger). Log ind med kommunens login igen.');
    }
  }
  const save = (all: Record<string, StoredSignIn>): void => writePrivateFile(path, sealer.seal(JSON.stringify(all)));
  return {
    read: (serverUrl) => load()[serverUrl] ?? null,
    servers: () => Object.keys(load()),
    write: (serverUrl, signIn) => save({ ...load(), [serverUrl]: signIn }),
    remove(serverUrl) {
      const { [serverUrl]: _removed, ...rest } = load();
      save(rest);
    },
  };
}
