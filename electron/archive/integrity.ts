import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { backupFolder, listBackups } from './backup';

/**
 * The full PRAGMA integrity_check of the archive, run in a worker thread over its own read-only
 * connection. The start-up check (quick_check) is fast but does not compare the indexes with the
 * tables; the full check does, and takes long on a big archive. In a worker it neither delays the
 * start nor holds up the main process, and in WAL mode a reader never blocks a write.
 */

export interface IntegrityReport {
  healthy: boolean;
  /** When the archive is damaged: the newest backup that passes the same check, or null. */
  newestGoodBackup: string | null;
}

export interface IntegrityCheck {
  readonly result: Promise<IntegrityReport>;
  /** Stops the check (the app is closing); result then never settles. */
  stop(): void;
}

// Plain CommonJS evaluated in the worker, so the same check runs from the bundled app and from the
// tests without a separate build step. It loads better-sqlite3 from the path the main process found.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
function passes(path) {
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    if (db) db.close();
  }
}
const healthy = passes(workerData.archive);
const good = healthy ? undefined : workerData.backups.find((backup) => passes(backup.path));
parentPort.postMessage({ healthy, newestGoodBackup: good ? good.fileName : null });
`;

export function checkIntegrityInWorker(archivePath: string): IntegrityCheck {
  const folder = backupFolder(archivePath);
  const backups = listBackups(archivePath).map((b) => ({ fileName: b.fileName, path: join(folder, b.fileName) }));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), archive: archivePath, backups },
  });
  const result = new Promise<IntegrityReport>((resolve, reject) => {
    worker.once('message', (report: IntegrityReport) => resolve(report));
    worker.once('error', reject);
  });
  return { result, stop: () => void worker.terminate() };
}
