import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

/** The tests and the benchmarks (a CommonJS bundle, without import.meta) both run from the repository's root. */
export const ROOT = process.cwd();
const built = new Map<string, string>();

/**
 * Bundles a child process's entry (a file under tests/unit/children) once per test file, as
 * scripts/build.mjs bundles the app, and returns the bundle's path.
 */
export function bundledChild(entry: string, extra: Pick<BuildOptions, 'define' | 'banner'> = {}): string {
  const done = built.get(entry);
  if (done) return done;
  const outfile = join(mkdtempSync(join(tmpdir(), 'samtalerum-barn-')), entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
  buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    ...extra,
  });
  built.set(entry, outfile);
  return outfile;
}
