import { existsSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { dailyBackupIfDue, isArchiveHealthy, listBackups, newestGoodBackup, recoverInterruptedRestore } from '../archive/backup';
import { checkIntegrityInWorker, type IntegrityCheck } from '../archive/integrity';
import { ArchiveError, openArchive, refuseReadOnlyArchive } from '../archive/open';
import { createContext, type ServiceContext } from './context';
import { createServices, type EventListener, type Services } from './dispatch';

export type { Services } from './dispatch';
export { restoreBackup } from '../archive/backup';
export { ReadOnlyArchiveError } from '../archive/open';

/** The services of a running app: the transports start the full check once the window is up. */
export interface AppServices extends Services {
  /**
   * Runs the full integrity check of the archive in a worker thread. When it finds damage that the
   * start-up check missed, the user is told (backup.notices, an 'archive.notice' event) and offered
   * the newest backup that passes the same check. Resolves with whether the archive passed.
   */
  checkArchiveInBackground(): Promise<boolean>;
}

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
export function startServices(archivePath: string, appVersion: string, options: StartOptions = {}): AppServices {
  // A write-protected archive is not a damaged one: say so before anything else looks at it.
  refuseReadOnlyArchive(archivePath);
  const interrupted = recoverInterruptedRestore(archivePath);
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
  const ctx = createContext(archive, appVersion);
  if (interrupted) ctx.notices.push({ kind: 'afbrudt-gendannelse', message: interrupted.message, offer: null });
  const services = withBackgroundCheck(createServices(ctx), ctx);
  if (archive.createdNow && options.demoOnFirstRun) {
    // A write runs to completion inside this call; only its answer arrives later.
    void services.dispatch('demo.install', {}).then((result) => {
      if (!result.ok) console.error('Demoen kunne ikke lægges i arkivet:', result.error.message);
    });
  }
  return services;
}

/** Adds the background integrity check, whose findings reach the same listeners as the writes. */
function withBackgroundCheck(services: Services, ctx: ServiceContext): AppServices {
  const listeners = new Set<EventListener>();
  let running: IntegrityCheck | null = null;
  return {
    ...services,
    subscribe(listener) {
      const unsubscribe = services.subscribe(listener);
      listeners.add(listener);
      // A window that starts listening after the news was told (the browser's event stream connects
      // after the page has asked for the notices) still hears it.
      if (ctx.notices.length > 0) listener({ type: 'archive.notice' });
      return () => {
        listeners.delete(listener);
        return unsubscribe();
      };
    },
    async checkArchiveInBackground() {
      const checked = ctx.archive;
      if (checked.path === ':memory:') return true;
      running = checkIntegrityInWorker(checked.path);
      const report = await running.result;
      running = null;
      // A restore while the check ran put another archive (at the same path) under the services.
      if (report.healthy || ctx.archive !== checked || !checked.db.open) return report.healthy;
      const offer = listBackups(checked.path).find((b) => b.fileName === report.newestGoodBackup) ?? null;
      const others = ctx.notices.filter((notice) => notice.kind !== 'beskadiget-indeks');
      ctx.notices.splice(0, ctx.notices.length, ...others, { kind: 'beskadiget-indeks', message: DAMAGED_INDEX, offer });
      for (const listener of listeners) listener({ type: 'archive.notice' });
      return false;
    },
    close() {
      running?.stop();
      services.close();
    },
  };
}

const DAMAGED_INDEX =
  'Det grundige tjek af arkivet har fundet fejl i arkivets indeks, som det hurtige tjek ved start ikke ser. ' +
  'Søgning og lister kan vise for lidt eller forkerte ting, og nye ændringer kan gøre skaden større.';

/** Checks an existing archive read-only before anything writes to it. */
function refuseDamagedArchive(archivePath: string): void {
  if (archivePath === ':memory:' || !existsSync(archivePath) || isArchiveHealthy(archivePath)) return;
  const newest = newestGoodBackup(archivePath);
  // An empty file and nothing to restore: a first start that stopped before its first write.
  if (newest === null && statSync(archivePath).size === 0) return;
  throw new CorruptArchiveError(archivePath, newest);
}
