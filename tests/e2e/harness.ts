import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running loopback harness over a real SQLite file; it can be restarted on the same file. */
export interface Harness {
  url: string;
  dbPath: string;
  /**
   * The identity provider's login address the next time the laptop signs in with the kommune's login: the
   * harness has no system browser, so it prints the address, and the test opens it as the person would.
   */
  nextLoginAddress(): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** `kill -9`: the laptop is gone at once, with no goodbye to the server (a lid shut, a crash). */
  kill(): Promise<void>;
}

export function newArchivePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'samtalerum-e2e-')), 'samtalerum.sqlite');
}

export interface HarnessOptions {
  demo?: boolean;
  /** A folder of the laptop's own for sharing (its device credentials): two harnesses are two laptops. */
  syncDir?: string;
  /** How the server lists the laptop among the person's devices. */
  deviceName?: string;
  /** How often the laptop looks for new senders to its forums' inboxes (--indbakke-ms). */
  inboxPollMs?: number;
}

export async function startHarness(dbPath = newArchivePath(), options: HarnessOptions = {}): Promise<Harness> {
  const extraArgs = [
    ...(options.demo ? ['--demo'] : []),
    ...(options.syncDir ? ['--sync-dir', options.syncDir] : []),
    ...(options.deviceName ? ['--device-name', options.deviceName] : []),
    ...(options.inboxPollMs ? ['--indbakke-ms', String(options.inboxPollMs)] : []),
  ];
  const logins = loginAddresses();
  let child: ChildProcess;
  let url: string;
  ({ child, url } = await launch(dbPath, extraArgs, logins.printed));
  const harness: Harness = {
    get url() {
      return url;
    },
    dbPath,
    nextLoginAddress: logins.next,
    async restart() {
      await stopProcess(child);
      ({ child, url } = await launch(dbPath, extraArgs, logins.printed));
    },
    stop: () => stopProcess(child),
    kill: () => stopProcess(child, 'SIGKILL'),
  };
  return harness;
}

/** The login addresses the harness prints, each handed to one caller of next(), whichever comes first. */
function loginAddresses(): { printed(url: string): void; next(): Promise<string> } {
  const unclaimed: string[] = [];
  const waiting: ((url: string) => void)[] = [];
  return {
    printed(url) {
      const waiter = waiting.shift();
      if (waiter) waiter(url);
      else unclaimed.push(url);
    },
    next() {
      const url = unclaimed.shift();
      return url !== undefined ? Promise.resolve(url) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

function launch(dbPath: string, extraArgs: string[], loginPrinted: (url: string) => void): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/harness/server.cjs', '--db', dbPath, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^HARNESS_READY (\S+)/.exec(line);
      if (match?.[1]) resolve({ child, url: match[1] });
      const login = /^HARNESS_LOGIN (\S+)/.exec(line)?.[1];
      if (login) loginPrinted(login);
    });
    child.once('exit', (code) => reject(new Error(`Harness stoppede med kode ${code} før den var klar.`)));
  });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
