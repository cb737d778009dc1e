import type { ArchiveNoticeKind } from '../../shared/api/limits';
import type { ArchiveNotice, BackupInfo } from '../../shared/api/methods/backup';
import { createBackupInWorker, type BackgroundBackup } from '../archive/backgroundBackup';
import { isDailyBackupDue, listBackups } from '../archive/backup';
import { checkIntegrityInWorker, type IntegrityCheck, type IntegrityReport } from '../archive/integrity';
import type { ServiceContext } from './context';
import type { ArchiveServices, EventListener } from './dispatch';

/**
 * The services of a running app, with the work that waits until the window is up: the full check of
 * the archive and the day's backup, each in a worker thread. Neither delays the start or a write; the
 * user hears of them only when something is wrong (backup.notices and an 'archive.notice' event).
 */
export interface AppServices extends ArchiveServices {
  /**
   * Runs the full integrity check of the archive in a worker thread. When it finds damage, the user is
   * told and offered the newest backup that passes the same check. Resolves with whether it passed.
   */
  checkArchiveInBackground(): Promise<boolean>;
  /**
   * Takes the day's backup in a worker thread unless there is one from today, one is being taken, or
   * the archive was found damaged (a copy of it would push a good backup out of the rotation). A backup
   * that fails is told as a notice; the work goes on. Resolves with the backup taken, or null.
   */
  dailyBackupInBackground(): Promise<BackupInfo | null>;
  /** What runs once the window is up: the check, then (if the archive passed) the day's backup. */
  runBackgroundWork(): Promise<void>;
}

/** Adds the background work to the services; its findings reach the same listeners as the writes. */
export function withBackgroundWork(services: ArchiveServices, ctx: ServiceContext): AppServices {
  const listeners = new Set<EventListener>();
  let check: IntegrityCheck | null = null;
  let backup: { run: BackgroundBackup; done: Promise<BackupInfo | null> } | null = null;
  let closed = false;

  function tell(kind: ArchiveNoticeKind, message: string, offer: BackupInfo | null): void {
    const others = ctx.notices.filter((notice) => notice.kind !== kind);
    const notice: ArchiveNotice = { kind, message, offer };
    ctx.notices.splice(0, ctx.notices.length, ...others, notice);
    for (const listener of listeners) listener({ type: 'archive.notice' });
  }

  function withdraw(kind: ArchiveNoticeKind): void {
    const others = ctx.notices.filter((notice) => notice.kind !== kind);
    if (others.length === ctx.notices.length) return;
    ctx.notices.splice(0, ctx.notices.length, ...others);
    for (const listener of listeners) listener({ type: 'archive.notice' });
  }

  const damaged = () => ctx.notices.some((notice) => notice.kind === 'beskadiget' || notice.kind === 'beskadiget-indeks');

  const app: AppServices = {
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
      if (checked.path === ':memory:' || closed) return true;
      check = checkIntegrityInWorker(checked.path);
      let report: IntegrityReport;
      try {
        report = await check.result;
      } finally {
        check = null;
      }
      const healthy = report.damage === 'ingen';
      // A restore while the check ran put another archive (at the same path) under the services.
      if (healthy || ctx.archive !== checked || !checked.db.open) return healthy;
      const offer = listBackups(checked.path).find((b) => b.fileName === report.newestGoodBackup) ?? null;
      if (report.damage === 'indeks') tell('beskadiget-indeks', DAMAGED_INDEX, offer);
      else tell('beskadiget', DAMAGED_TABLES, offer);
      return false;
    },
    dailyBackupInBackground() {
      if (backup) return backup.done;
      const { path } = ctx.archive;
      if (closed || damaged() || !isDailyBackupDue(path, ctx.now())) return Promise.resolve(null);
      const failed = (error: unknown) => {
        if (!closed) tell('sikkerhedskopi-fejlet', backupFailed(error), null);
        return null;
      };
      try {
        const run = createBackupInWorker(path, 'daglig', ctx.now());
        const done = run.result.then((taken) => {
          // A backup that succeeds puts an earlier failure behind it.
          withdraw('sikkerhedskopi-fejlet');
          return taken;
        }, failed);
        backup = { run, done: done.finally(() => (backup = null)) };
        return backup.done;
      } catch (error) {
        return Promise.resolve(failed(error));
      }
    },
    async runBackgroundWork() {
      try {
        await app.checkArchiveInBackground();
      } catch (error) {
        console.error('Det grundige tjek af arkivet kunne ikke køre:', error instanceof Error ? error.message : error);
      }
      await app.dailyBackupInBackground();
    },
    close() {
      closed = true;
      check?.stop();
      backup?.run.stop();
      services.close();
    },
  };
  return app;
}

function backupFailed(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Dagens sikkerhedskopi kunne ikke tages. ${detail} Du kan arbejde videre; Samtalerum prøver igen ved næste start, og du kan tage en kopi i hånden under Indstillinger › Sikkerhedskopier.`;
}

const DAMAGED_INDEX =
  'Det grundige tjek af arkivet har fundet fejl i arkivets indeks. ' +
  'Søgning og lister kan vise for lidt eller forkerte ting, og nye ændringer kan gøre skaden større.';

const DAMAGED_TABLES =
  'Det grundige tjek af arkivet har fundet fejl i selve arkivfilen: dele af den kan ikke læses rigtigt. ' +
  'Møder og punkter kan mangle eller være forkerte, og nye ændringer kan gøre skaden større.';
