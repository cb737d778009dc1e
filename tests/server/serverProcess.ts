// Runs the built sync server (dist/server/server.cjs) as a real child process and reads what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LogEvent } from '../../server/log';

// From the checkout's root, where vitest and Playwright both run (Playwright loads tests as ES modules: no __dirname).
export const SERVER_ENTRY = resolve('dist/server/server.cjs');

/** A line of the server's log as it is printed: the event and its time. */
export type LogLine = LogEvent & { time: string };

export interface ServerProcess {
  url: string;
  http: string;
  firstAdminCode: string | null;
  /** The process id, for reading its memory from /proc. */
  pid: number | undefined;
  /** Everything the process wrote to stdout and stderr, for the checks that logs hold no content. */
  output(): string;
  logs(): LogLine[];
  /** Waits for a log line matching `match`. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  alive(): boolean;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface Storage {
  args: string[];
  cleanup(): Promise<void>;
}

/** A port nobody listens on now, for a server that must come back on the same address. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('Ingen ledig port');
  return address.port;
}

export function sqliteStorage(): Storage {
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-server-test-'));
  return { args: ['--data', dir], cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

const running = new Set<ServerProcess>();

/** Stops every server a test file started, also those a failed test left running. */
export async function stopAllServers(): Promise<void> {
  for (const server of [...running]) await server.stop();
}

export async function startServerProcess(storage: Storage, extraArgs: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY, '--port', '0', ...storage.args, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SAMTALERUM_SERVER_POSTGRES: '', SAMTALERUM_SERVER_DATA: '', SAMTALERUM_SERVER_REDIS: '' },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const logs = (): LogLine[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  const waitFor = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found !== undefined) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        } else if (exited) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`Serveren stoppede, før ${what}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Ventede forgæves på ${what}:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      void exit.then(check);
      check();
    });

  const started = await waitFor(() => /lytter på (ws:\/\/\S+)/.exec(output)?.[1] ?? undefined, 20_000, 'at serveren lyttede');
  await waitFor(() => (logs().some((line) => line.event === 'started') ? true : undefined), 10_000, 'start-loggen');
  const server: ServerProcess = {
    url: started,
    http: started.replace('ws://', 'http://'),
    firstAdminCode: /invitationskode: (\S+)/.exec(output)?.[1] ?? null,
    pid: child.pid,
    output: () => output,
    logs,
    waitForLog: (match, timeoutMs = 5000) => waitFor(() => logs().find(match), timeoutMs, 'en loglinje'),
    alive: () => !exited,
    kill9: async () => {
      child.kill('SIGKILL');
      await exit;
    },
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
  running.add(server);
  void exit.then(() => running.delete(server));
  return server;
}
