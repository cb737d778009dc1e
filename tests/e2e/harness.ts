import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running loopback harness over a real SQLite file; it can be restarted on the same file. */
export interface Harness {
  url: string;
  dbPath: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function newArchivePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'samtalerum-e2e-')), 'samtalerum.sqlite');
}

export interface HarnessOptions {
  demo?: boolean;
  /** A folder of the laptop's own for sharing (its device credentials): two harnesses are two laptops. */
  syncDir?: string;
  /** How often the laptop looks for new senders to its forums' inboxes (--indbakke-ms). */
  inboxPollMs?: number;
}

export async function startHarness(dbPath = newArchivePath(), options: HarnessOptions = {}): Promise<Harness> {
  const extraArgs = [...(options.demo ? ['--demo'] : []), ...(options.syncDir ? ['--sync-dir', options.syncDir] : []),
    ...(options.inboxPollMs ? ['--indbakke-ms', String(options.inboxPollMs)] : []),
  ];
  let child: ChildProcess;
  let url: string;
  ({ child, url } = await launch(dbPath, extraArgs));
  const harness: Harness = {
    get url() {
      return url;
    },
    dbPath,
    async restart() {
      await stopProcess(child);
      ({ child, url } = await launch(dbPath, extraArgs));
    },
    stop: () => stopProcess(child),
  };
  return harness;
}

function launch(dbPath: string, extraArgs: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/harness/server.cjs', '--db', dbPath, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^HARNESS_READY (\S+)/.exec(line);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`Harness stoppede med kode ${code} før den var klar.`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
