import type { SqliteDb } from '../archive/open';
import { runSqliteWorker } from '../archive/worker';
import { quietTimer } from './quietTimer';

/**
 * Moves the archive's log into the archive file beside the writes, never inside one.
 *
 * In WAL mode every write is appended to the log (the -wal file), and a checkpoint later copies it
 * into the archive file. Left to SQLite, the checkpoint runs inside whichever commit takes the log
 * past its limit: one notes autosave in about seventy waited for it, and a whole archive's import
 * waited for its own hundreds of megabytes. Here a worker thread checkpoints over a connection of
 * its own (archive/worker.ts), once the archive has been quiet for a moment, soon after a large
 * write, and after every so many writes even when it never is quiet (someone typing notes for an
 * hour), so the log stays small. SQLite's own checkpoint is left on only as a bound far above that
 * (LOG_LIMIT_PAGES: the log of a crash-interrupted session, a worker that cannot start), and off
 * during a large write, whose log the worker copies right after. In WAL mode a
 * checkpoint and the writes of another connection run side by side: the app reads and writes on
 * while the worker copies. A checkpoint copies what no reader still needs and leaves the rest for
 * the next; a checkpoint cut short (the app closing, a power cut) is safe, as the log still holds
 * every commit until a checkpoint has copied all of it.
 */
export interface LogCheckpoint {
  /** Runs a large write (an import) without SQLite's own checkpoint in its commit. */
  largeWrite<T>(write: () => Promise<T>): Promise<T>;
  /** A write has been made; `large` when it wrote much (an import): the log is checkpointed soon. */
  wrote(large?: boolean): void;
  /** Resolves when no checkpoint runs, and none is planned: before the archive file is replaced. */
  settle(): Promise<void>;
  /** Stops for good (the archive is closing, and closing checkpoints it); a checkpoint already planned is not made. */
  stop(): void;
}

export interface LogCheckpointOptions {
  /** How long the archive must be quiet before its log is checkpointed; after the search index's merging (searchUpkeep.ts). */
  quietMs?: number;
  /** Writes after which the log is checkpointed even if the archive has not been quiet. */
  mostWrites?: number;
  /** The pause after a large write, or the last of mostWrites, before the checkpoint begins. */
  pauseMs?: number;
}

const DEFAULTS: Required<LogCheckpointOptions> = { quietMs: 3_000, mostWrites: 100, pauseMs: 20 };

/**
 * The log size, in pages, at which SQLite still checkpoints inside a commit: ten times its default and
 * far above what mostWrites everyday writes leave (a notes autosave adds some 15 pages), so only a log
 * that the worker could not keep small reaches it. It bounds the log at about 40 MB.
 */
export const LOG_LIMIT_PAGES = 10_000;

/** `archive` is asked anew for every checkpoint: a restored backup replaces the archive under the services. */
export function logCheckpoint(archive: () => { db: SqliteDb; path: string }, options: LogCheckpointOptions = {}): LogCheckpoint {
  const { quietMs, mostWrites, pauseMs } = { ...DEFAULTS, ...options };
  const next = quietTimer(begin);
  let running: Promise<void> | null = null;
  let stopRunning: (() => void) | null = null;
  let writes = 0;
  /** The connections already told to leave checkpoints to this; a restore brings a new one. */
  const handedOver = new WeakSet<SqliteDb>();

  function handOver(): void {
    const { db } = archive();
    if (handedOver.has(db) || !db.open) return;
    db.pragma(`wal_autocheckpoint = ${LOG_LIMIT_PAGES}`);
    handedOver.add(db);
  }

  function begin(): void {
    // One at a time; the writes made meanwhile are checkpointed right after.
    if (running !== null) {
      void running.then(() => next.plan(pauseMs));
      return;
    }
    writes = 0;
    const { db, path } = archive();
    if (!db.open || path === ':memory:') return;
    const run = checkpointInWorker(path);
    stopRunning = run.stop;
    running = run.done.then(
      () => undefined,
      (error: unknown) => {
        // No worker (or its connection failed): here then, so the log stays bounded all the same.
        console.error('Arkivets log blev skrevet ind i arkivfilen uden arbejdstråd:', error instanceof Error ? error.message : error);
        checkpointHere(archive().db);
      },
    );
    void running.then(() => {
      running = null;
      stopRunning = null;
    });
  }

  // Before the first write, so not even that one checkpoints inside its commit.
  handOver();
  return {
    async largeWrite(write) {
      handOver();
      const { db } = archive();
      db.pragma('wal_autocheckpoint = 0');
      try {
        return await write();
      } finally {
        if (db.open) db.pragma(`wal_autocheckpoint = ${LOG_LIMIT_PAGES}`);
      }
    },
    wrote(large = false) {
      handOver();
      writes += 1;
      next.plan(large || writes >= mostWrites ? pauseMs : quietMs);
    },
    async settle() {
      next.cancel();
      await running;
    },
    stop() {
      next.stop();
      stopRunning?.();
    },
  };
}

/** The worker: its own connection, one PASSIVE checkpoint (it waits for no one), and closed again. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  const db = new Database(workerData.archive, { fileMustExist: true });
  try {
    db.pragma('synchronous = FULL');
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ result });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort.postMessage({ failure: String(error && error.message) });
}
`;

interface CheckpointReport {
  result?: { busy: number; log: number; checkpointed: number };
  failure?: string;
}

function checkpointInWorker(path: string): { done: Promise<void>; stop(): void } {
  const run = runSqliteWorker<CheckpointReport>(WORKER_SOURCE, { archive: path });
  const done = run.result.then((report) => {
    if (report.failure !== undefined) throw new Error(report.failure);
  });
  return { done, stop: run.stop };
}

/** The same checkpoint on the services' own connection, between writes; the log still holds every change if it fails. */
function checkpointHere(db: SqliteDb): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    console.error('Arkivets log kunne ikke skrives ind i arkivfilen i denne omgang:', error instanceof Error ? error.message : error);
  }
}
