import type { BackupReason } from '../../shared/api/limits';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { BackupError, beginBackup, FAILED_CHECK, type CreateOptions } from './backup';
import { runSqliteWorker, type WorkerRun } from './worker';

/**
 * A verified backup taken in a worker thread over its own read-only connection: the copy (VACUUM
 * INTO) and its integrity_check take seconds on a big archive, and neither the window nor the user's
 * writes wait for them. VACUUM INTO only reads, and in WAL mode a reader holds no lock a writer waits
 * for, so the app writes on while the copy is taken; the copy is the archive as it was when it began.
 * Naming and rotation are the same as for createBackup (backup.ts).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
function run() {
  const source = new Database(workerData.archive, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(workerData.temporary);
  } finally {
    source.close();
  }
  const copy = new Database(workerData.temporary, { readonly: true, fileMustExist: true });
  try {
    return { healthy: copy.pragma('integrity_check', { simple: true }) === 'ok' };
  } finally {
    copy.close();
  }
}
try {
  parentPort.postMessage(run());
} catch (error) {
  parentPort.postMessage({ failure: { message: String(error && error.message), code: error && error.code } });
}
`;

interface CopyReport {
  healthy?: boolean;
  failure?: { message: string; code?: string };
}

export interface BackgroundBackup {
  readonly result: Promise<BackupInfo>;
  /** Stops the copy (the app is closing) and removes the unfinished file; result then never settles. */
  stop(): void;
}

export function createBackupInWorker(archivePath: string, reason: BackupReason, now: Date = new Date(), options: CreateOptions = {}): BackgroundBackup {
  const pending = beginBackup(archivePath);
  let run: WorkerRun<CopyReport>;
  try {
    run = runSqliteWorker<CopyReport>(WORKER_SOURCE, { archive: archivePath, temporary: pending.temporary });
  } catch (error) {
    throw pending.fail(error);
  }
  const result = run.result.then(
    (report) => {
      if (report.failure) throw pending.fail(Object.assign(new Error(report.failure.message), { code: report.failure.code }));
      if (!report.healthy) throw pending.fail(new BackupError(FAILED_CHECK));
      return pending.finish(reason, now, options);
    },
    (error: unknown) => {
      throw pending.fail(error);
    },
  );
  return {
    result,
    stop() {
      run.stop();
      pending.fail(new BackupError('Samtalerum lukkede, før sikkerhedskopien var færdig.'));
    },
  };
}
