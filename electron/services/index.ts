import { existsSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { dailyBackupIfDue, isArchiveHealthy, newestGoodBackup } from '../archive/backup';
import { ArchiveError, openArchive } from '../archive/open';
import { createContext } from './context';
import { createServices, type Services } from './dispatch';

export type { Services } from './dispatch';
export { restoreBackup } from '../archive/backup';

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

/** Opens (and migrates) the archive at path and returns the services over it. */
export function startServices(archivePath: string, appVersion: string, options: StartOptions = {}): Services {
  refuseDamagedArchive(archivePath);
  const archive = openArchive(archivePath);
  if (!archive.createdNow) {
    try {
      dailyBackupIfDue(archive.db, archivePath);
    } catch (error) {
      // Starting matters more; dispatch tries again before the day's first write.
      console.error('Den daglige sikkerhedskopi kunne ikke tages:', error instanceof Error ? error.message : error);
    }
  }
  const services = createServices(createContext(archive, appVersion));
  if (archive.createdNow && options.demoOnFirstRun) {
    // A write runs to completion inside this call; only its answer arrives later.
    void services.dispatch('demo.install', {}).then((result) => {
      if (!result.ok) console.error('Demoen kunne ikke lægges i arkivet:', result.error.message);
    });
  }
  return services;
}

/** Checks an existing archive read-only before anything writes to it. */
function refuseDamagedArchive(archivePath: string): void {
  if (archivePath === ':memory:' || !existsSync(archivePath) || isArchiveHealthy(archivePath)) return;
  const newest = newestGoodBackup(archivePath);
  // An empty file and nothing to restore: a first start that stopped before its first write.
  if (newest === null && statSync(archivePath).size === 0) return;
  throw new CorruptArchiveError(archivePath, newest);
}
