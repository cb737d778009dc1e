import { existsSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { newestGoodBackup } from '../archive/backup';
import { ArchiveError } from '../archive/open';
import type { Services } from './dispatch';

/** What the command line's start (index.ts) and the app's (startup.ts) have in common. */

export interface StartOptions {
  /** On the first run (a new archive) install the demo TRIO, so a new user has something to explore. */
  demoOnFirstRun?: boolean;
}

/**
 * The archive file is damaged (or is no archive at all). Nothing has been written to it; the transport
 * may offer to restore newestBackup, which keeps the damaged file under another name.
 */
export class CorruptArchiveError extends ArchiveError {
  constructor(
    readonly archivePath: string,
    readonly newestBackup: BackupInfo | null,
  ) {
    super(
      `Filen ${archivePath} er ikke et Samtalerum-arkiv, eller den er beskadiget. Filen er ikke ændret. ` +
        (newestBackup
          ? `Den nyeste gode sikkerhedskopi er ${newestBackup.fileName}.`
          : 'Der er ingen sikkerhedskopi af arkivet at gendanne.'),
    );
  }
}

/** A write runs to completion inside the call; only its answer arrives later. */
export function installDemo(services: Services): void {
  void services.dispatch('demo.install', {}).then((result) => {
    if (!result.ok) console.error('Demoen kunne ikke lægges i arkivet:', result.error.message);
  });
}

/** Checks an existing archive read-only before anything writes to it. */
export function refuseDamagedArchive(archivePath: string, passes: (path: string) => boolean): void {
  if (archivePath === ':memory:' || !existsSync(archivePath) || passes(archivePath)) return;
  const newest = newestGoodBackup(archivePath);
  // An empty file and nothing to restore: a first start that stopped before its first write.
  if (newest === null && statSync(archivePath).size === 0) return;
  throw new CorruptArchiveError(archivePath, newest);
}
