import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Method, MethodInput, MethodResult } from '../../shared/api/contract';
import { ArchiveError } from '../archive/open';
import { startServices, type Services } from '../services';
import { CliError, fileProblem } from './errors';
import { makeFolder, removeQuietly } from './files';

/** The services over one archive, as the commands use them: a failed call is a thrown Danish CliError. */
export interface Session {
  readonly path: string;
  call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /** Closes the archive; every write that began has finished. */
  close(): void;
  /** Closes the archive and, if this session created it, removes it again: a failed command leaves nothing. */
  discard(): void;
}

export interface SessionOptions {
  /** May the archive be created? Only for commands that fill it (seed-demo, import). */
  create: boolean;
  appVersion: string;
}

/** Where the archive is missing, a command that only reads would otherwise create an empty one. */
function missingArchive(path: string): CliError {
  return new CliError(
    `Der er intet arkiv på ${path}. Åbn Samtalerum én gang, eller opret arkivet med seed-demo eller import; --archive vælger et andet arkiv.`,
  );
}

export function openSession(archivePath: string, { create, appVersion }: SessionOptions): Session {
  const path = resolve(archivePath);
  let existed = true;
  try {
    if (statSync(path).isDirectory()) throw new CliError(`Arkivet skal være en fil, men ${path} er en mappe.`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      throw new CliError(`Arkivet ${path} kunne ikke åbnes: ${fileProblem(error)}.`);
    }
    if (!create) throw missingArchive(path);
    existed = false;
  }

  let removeFolders = () => {};
  if (!existed) removeFolders = makeFolder(dirname(path), `Mappen til arkivet, ${dirname(path)},`);

  let services: Services;
  try {
    services = startServices(path, appVersion);
  } catch (error) {
    if (!existed) removeArchiveFiles(path, removeFolders);
    if (error instanceof ArchiveError) throw new CliError(error.message);
    throw new CliError(`Arkivet ${path} kunne ikke åbnes: ${fileProblem(error)}.`);
  }

  return {
    path,
    async call(method, input) {
      const result = await services.call(method, input);
      if (result.ok) return result.value;
      const hint = result.error.code === 'intern_fejl' ? ' Kør igen med SAMTALERUM_DEBUG=1 for at se de tekniske detaljer.' : '';
      throw new CliError(`${result.error.message}${hint}`, 1, result.error.field);
    },
    close: () => services.close(),
    discard() {
      services.close();
      if (!existed) removeArchiveFiles(path, removeFolders);
    },
  };
}

function removeArchiveFiles(path: string, removeFolders: () => void): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(`${path}${suffix}`);
  removeFolders();
}
