import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openArchive, type Archive } from '../../electron/archive/open';
import { ensureBenchArchive } from './generate';

/**
 * A private copy of the 10-year archive, opened (and migrated) the way the app opens it, so each
 * benchmark may change its copy; remove() deletes it again.
 */
export function openBenchCopy(): { archive: Archive; openMs: number; remove(): void } {
  const fixture = ensureBenchArchive();
  if (fixture.built) console.log(`Testarkivet blev bygget på ${(fixture.buildMs / 1000).toFixed(1)} s: ${fixture.path}`);
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-bench-'));
  const path = join(dir, 'archive.sqlite');
  copyFileSync(fixture.path, path);
  const openStart = performance.now();
  const archive = openArchive(path);
  return { archive, openMs: performance.now() - openStart, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The value below which p percent of the measurements lie. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
