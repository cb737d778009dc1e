import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, bundledChild } from '../bundledChild';

/** Bundles tests/unit/children/sync-server.ts once per test file. */
function serverScript(): string {
  return bundledChild('tests/unit/children/sync-server.ts', {
    // Some of the server's dependencies find their own files through import.meta.url, which a CommonJS bundle lacks.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

export type Right = 'medlem' | 'laeser';
/** token → forum id → right; what the test's server lets each device do. */
export type Rights = Record<string, Record<string, Right>>;

export interface TestSyncServer {
  readonly url: string;
  readonly port: number;
  /** Sockets that have connected since the server (this process) started. */
  connections(): number;
  setRights(rights: Rights): void;
  /** kill -9: no shutdown, nothing stored that was still waiting for the store's delay. */
  kill(): Promise<void>;
  /** A new process on the same port and storage. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the test's Hocuspocus server as its own process, with SQLite storage in a temporary folder. */
export async function startSyncServer(rights: Rights, options: { maxPendingDocuments?: number } = {}): Promise<TestSyncServer> {
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-server-'));
  const rightsPath = join(dir, 'rettigheder.json');
  writeFileSync(rightsPath, JSON.stringify(rights));
  const dbPath = join(dir, 'server.sqlite');
  let port = 0;
  let child: ChildProcess;
  let connections = 0;
  let exited: Promise<void>;

  async function launch(): Promise<void> {
    connections = 0;
    const args = [serverScript(), '--db', dbPath, '--rights', rightsPath, '--port', String(port)];
    if (options.maxPendingDocuments !== undefined) args.push('--max-pending', String(options.maxPendingDocuments));
    child = spawn(process.execPath, args, { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    exited = new Promise((done) => child.once('exit', () => done()));
    const listening = new Promise<number>((resolvePort, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'FORBINDELSE') connections += 1;
        const match = /^LYTTER (\d+)$/.exec(line);
        if (match) resolvePort(Number(match[1]));
      });
      void exited.then(() => reject(new Error(`Testserveren stoppede, før den lyttede.\n${stderr}`)));
    });
    port = await listening;
  }

  await launch();
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    connections: () => connections,
    setRights: (next) => writeFileSync(rightsPath, JSON.stringify(next)),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    restart: launch,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
