import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, bundledChild } from './bundledChild';

/** Bundles tests/unit/children/archive-child.ts once per test file, as scripts/build.mjs bundles the app. */
function childScript(): string {
  return bundledChild('tests/unit/children/archive-child.ts');
}

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line that matches. */
  line(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stderr(): string;
}

export interface ChildOptions {
  /** A file size limit (ulimit -f, in bytes): writes beyond it fail with EFBIG, as on a full disk. */
  fileSizeLimit?: number;
}

export function startChild(args: string[], options: ChildOptions = {}): Child {
  const script = childScript();
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
  const child =
    options.fileSizeLimit === undefined
      ? spawn(process.execPath, [script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn('/bin/sh', ['-c', `ulimit -f ${Math.floor(options.fileSizeLimit / 512)} && exec "$0" "$@"`, process.execPath, script, ...args], {
          env,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiting.filter((w) => w.pattern.test(line))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    process: child,
    exited,
    stderr: () => stderr,
    line: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return Promise.race([
        new Promise<string>((resolve) => waiting.push({ pattern, resolve })),
        exited.then((code) => {
          throw new Error(`Processen stoppede (kode ${code}) uden at skrive ${pattern}.\n${lines.join('\n')}\n${stderr}`);
        }),
      ]);
    },
  };
}

/** SIGKILL, as a power cut would stop the process: no cleanup runs. */
export async function killHard(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}
