import { Worker } from 'node:worker_threads';

/**
 * Runs a piece of plain CommonJS in a worker thread and hands back the one message it posts. The
 * source is evaluated as it stands, so the same code runs from the bundled app, the harness and the
 * tests without a separate build step; it gets better-sqlite3's path (as the main process found it)
 * as workerData.driver and opens connections of its own. A worker that throws, or stops without
 * answering, rejects the result with the error it had.
 */
export interface WorkerRun<T> {
  readonly result: Promise<T>;
  /** Stops the worker (the app is closing); result then never settles. */
  stop(): void;
}

export function runSqliteWorker<T>(source: string, data: Record<string, unknown>): WorkerRun<T> {
  const worker = new Worker(source, { eval: true, workerData: { ...data, driver: require.resolve('better-sqlite3') } });
  let stopped = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (message: T) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!stopped) reject(new Error(`Arbejdstråden stoppede (kode ${code}) uden at svare.`));
    });
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
