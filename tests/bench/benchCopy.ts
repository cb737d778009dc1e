import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openArchive, type Archive } from '../../electron/archive/open';
import { describeArchive, ensureBenchArchive, type BenchArchiveInfo } from './generate';

export interface BenchCopy {
  archive: Archive;
  /** The copy's file, for a second connection beside the app's. */
  path: string;
  info: BenchArchiveInfo;
  /** Opening the copy the way the app opens its archive (at the newest schema: no migration). */
  openMs: number;
  remove(): void;
}

/**
 * A private copy of the archive of `years` years, opened the way the app opens it, so each benchmark may
 * change its copy; remove() deletes it again.
 */
export function openBenchCopy(years: number): BenchCopy {
  const info = ensureBenchArchive(years);
  if (info.built) console.log(`Testarkivet for ${years} år blev bygget på ${(info.buildMs / 1000).toFixed(1)} s: ${describeArchive(info)}`);
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-bench-'));
  const path = join(dir, 'archive.sqlite');
  copyFileSync(info.path, path);
  // The copy (a gigabyte at 30 years) goes to disk now: left to the kernel, it is written back during the
  // measurement and holds up the archive's own writes, which a user's archive, written long ago, never does.
  const file = openSync(path, 'r+');
  fsyncSync(file);
  closeSync(file);
  const openStart = performance.now();
  const archive = openArchive(path);
  return { archive, path, info, openMs: performance.now() - openStart, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The value below which p percent of the measurements lie. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Every figure printed in this run, by name and archive size in years: for the summary at the end. */
export const figures = new Map<string, Map<number, number>>();

/** Prints one figure as the line scripts read: `BENCH <name>_y<years>=<value>`. */
export function bench(name: string, years: number, value: number, digits = 2): void {
  console.log(`BENCH ${name}_y${years}=${value.toFixed(digits)}`);
  const bySize = figures.get(name) ?? new Map<number, number>();
  bySize.set(years, value);
  figures.set(name, bySize);
}
