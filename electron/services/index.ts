import { dailyBackupIfDue, isArchiveHealthy, recoverInterruptedRestore } from '../archive/backup';
import { openArchive, refuseReadOnlyArchive } from '../archive/open';
import { withBackgroundWork, type AppServices } from './background';
import { createContext } from './context';
import { createServices } from './dispatch';
import { installDemo, refuseDamagedArchive, type StartOptions } from './startChecks';

export type { Services } from './dispatch';
export type { AppServices } from './background';
export { restoreBackup } from '../archive/backup';
export { ReadOnlyArchiveError } from '../archive/open';
export { beginStartup, type StartingApp, type StartupOptions } from './startup';
export { CorruptArchiveError, type StartOptions } from './startChecks';
export { createSyncStatusSlot, type SyncStatusSlot } from './syncStatus';

/**
 * Opens (and migrates) the archive at path and returns the services over it, all before it returns:
 * for the command line, which has no window to show progress or a later finding in. It checks the
 * whole file (quick_check) before it writes, and takes the day's backup there and then. The app and
 * the harness start through beginStartup (startup.ts) instead, which leaves both to the background.
 */
export function startServices(archivePath: string, appVersion: string, options: StartOptions = {}): AppServices {
  // A write-protected archive is not a damaged one: say so before anything else looks at it.
  refuseReadOnlyArchive(archivePath);
  const interrupted = recoverInterruptedRestore(archivePath);
  refuseDamagedArchive(archivePath, isArchiveHealthy);
  const archive = openArchive(archivePath);
  if (!archive.createdNow) {
    try {
      dailyBackupIfDue(archive.db, archivePath);
    } catch (error) {
      // Starting matters more; dispatch tries again before the day's first write.
      console.error('Den daglige sikkerhedskopi kunne ikke tages:', error instanceof Error ? error.message : error);
    }
  }
  const ctx = createContext(archive, appVersion);
  if (interrupted) ctx.notices.push({ kind: 'afbrudt-gendannelse', message: interrupted.message, offer: null });
  const services = withBackgroundWork(createServices(ctx), ctx);
  if (archive.createdNow && options.demoOnFirstRun) installDemo(services);
  return services;
}
