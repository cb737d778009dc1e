// Runs the CLI as a user does: the built dist/cli/samtalerum.cjs in its own Node process. SAMTALERUM_DATA_DIR
// points at a temporary folder, so no test can touch a real archive.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const CLI = resolve('dist/cli/samtalerum.cjs');

const dataDir = mkdtempSync(join(tmpdir(), 'samtalerum-cli-data-'));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SAMTALERUM_DATA_DIR: dataDir, SAMTALERUM_DEBUG: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command that must succeed, and shows its stderr if it does not. */
export function ok(args: string[]): Run {
  const run = cli(args);
  if (run.code !== 0) throw new Error(`samtalerum ${args.join(' ')} gav afslutningskode ${run.code}: ${run.stderr}`);
  return run;
}

/** A failed command says one Danish line on stderr, starting "Fejl:", and prints nothing on stdout. */
export function expectFailure(run: Run, code: 1 | 2, text: string | RegExp): void {
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Fejl: /);
  expect(lines[0]).toMatch(text);
  expect(run.code).toBe(code);
}

export const lines = (text: string) => text.split('\n').filter((line) => line !== '');
export const freshDir = () => mkdtempSync(join(tmpdir(), 'samtalerum-cli-'));

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`Den byggede CLI mangler (${CLI}): kør npm run build først.`);
}

/** The columns of a listing line: two spaces or more between them. */
export const cells = (line: string) => line.split(/ {2,}/);
