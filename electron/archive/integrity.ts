import { join } from 'node:path';
import { backupFolder, listBackups } from './backup';
import { runSqliteWorker, type WorkerRun } from './worker';

/**
 * The full PRAGMA integrity_check of the archive, run in a worker thread over its own read-only
 * connection once the window is up. The start only checks that the archive can be opened at all
 * (probe.ts); this check reads every page and compares the indexes with the tables, which takes
 * seconds on a big archive. In a worker it neither delays the start nor holds up the main process,
 * and in WAL mode a reader never blocks a write.
 */

export interface IntegrityReport {
  /** 'indeks' when only the indexes disagree with the tables (the tables themselves read whole). */
  damage: 'ingen' | 'indeks' | 'tabeller';
  /** When the archive is damaged: the newest backup that passes the same check, or null. */
  newestGoodBackup: string | null;
}

export type IntegrityCheck = WorkerRun<IntegrityReport>;

// integrity_check names an index in each finding that is about an index only ("row 5 missing from
// index x", "wrong # of entries in index x", "non-unique entry in index x"); any other finding is
// damage in the pages or the tables themselves.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
function findings(path) {
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check').map((row) => String(row.integrity_check));
  } catch (error) {
    return ['kan ikke læses: ' + (error && error.message)];
  } finally {
    if (db) db.close();
  }
}
const found = findings(workerData.archive);
const healthy = found.length === 1 && found[0] === 'ok';
const damage = healthy ? 'ingen' : found.every((line) => / index /.test(line)) ? 'indeks' : 'tabeller';
const passes = (backup) => { const f = findings(backup.path); return f.length === 1 && f[0] === 'ok'; };
const good = healthy ? undefined : workerData.backups.find(passes);
parentPort.postMessage({ damage, newestGoodBackup: good ? good.fileName : null });
`;

export function checkIntegrityInWorker(archivePath: string): IntegrityCheck {
  const folder = backupFolder(archivePath);
  const backups = listBackups(archivePath).map((b) => ({ fileName: b.fileName, path: join(folder, b.fileName) }));
  return runSqliteWorker<IntegrityReport>(WORKER_SOURCE, { archive: archivePath, backups });
}
