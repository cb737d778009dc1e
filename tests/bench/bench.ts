/**
 * `npm run bench -- [--years 1,10,30] [name …]`: runs the named benchmarks (all of them by default) on the
 * archives of the given sizes (1, 10 and 30 years by default). Each figure is printed as a
 * `BENCH <name>_y<years>=<value>` line that CI and people can grep, each benchmark adds a table for
 * humans, and a summary at the end sets the figures of all sizes against the issue's targets.
 */
import { runActionsBench } from './actions';
import { runAutosaveBench } from './autosave';
import { figures } from './benchCopy';
import { runExchangeBench } from './exchange';
import { DEFAULT_YEARS, describeArchive, ensureBenchArchive } from './generate';
import { onceFigures } from './onceFigures';
import { runReferatBench } from './referat';
import { runRegisterBench } from './register';
import { runSagerBench } from './sager';
import { runSearchBench } from './search';
import { runStartupBench } from './startup';
import { runSyncBench } from './sync';

/** Benchmarks on an archive of a given size. */
const BY_SIZE: Record<string, (years: number) => Promise<void>> = {
  search: runSearchBench,
  autosave: runAutosaveBench,
  register: runRegisterBench,
  actions: runActionsBench,
  sager: runSagerBench,
  exchange: runExchangeBench,
  startup: runStartupBench,
};
/** Benchmarks that do not read an archive, run once. */
const ONCE: Record<string, () => Promise<unknown>> = {
  referat: runReferatBench,
  sync: runSyncBench,
};

/** The issue's targets on this 2-core machine, by figure and archive size in years. */
const TARGETS: Record<string, { limit: Record<number, number>; unit: string }> = {
  search_p95_ms: { limit: { 10: 15, 30: 25 }, unit: 'ms' },
  search_ratio: { limit: { 10: 1.5 }, unit: '×' },
  autosave_p99_ms: { limit: { 10: 5, 30: 8 }, unit: 'ms' },
  register_first_page_p95_ms: { limit: { 10: 15, 30: 25 }, unit: 'ms' },
  followup_first_page_p95_ms: { limit: { 10: 15, 30: 25 }, unit: 'ms' },
  import_archive_s: { limit: { 10: 10 }, unit: 's' },
  service_rss_mb: { limit: { 10: 150, 30: 200 }, unit: 'MB' },
  startup_window_warm_ms: { limit: { 10: 400, 30: 500 }, unit: 'ms' },
  startup_window_cold_ms: { limit: { 10: 1000, 30: 1500 }, unit: 'ms' },
};
/** The targets of the figures that do not depend on an archive's size (2-core machine, loopback). */
const ONCE_TARGETS: Record<string, { limit: number; unit: string }> = {
  sync_converge_ms: { limit: 500, unit: 'ms' },
  sync_edit_propagation_p95_ms: { limit: 50, unit: 'ms' },
  sync_pull_forum_10y_ms: { limit: 5000, unit: 'ms' },
  sync_bytes_per_100_edits: { limit: 10_240, unit: 'B' },
  server_rss_mb: { limit: 500, unit: 'MB' },
};

interface Choice {
  years: number[];
  names: string[];
}

function parseArguments(args: string[]): Choice | string {
  let years: number[] = [...DEFAULT_YEARS];
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--years' || arg.startsWith('--years=')) {
      const value = arg === '--years' ? args[++i] : arg.slice('--years='.length);
      const parsed = (value ?? '').split(',').map((part) => Number(part.trim()));
      if (parsed.length === 0 || parsed.some((n) => !Number.isInteger(n) || n < 1 || n > 50)) {
        return `--years skal være hele antal år mellem 1 og 50, adskilt af komma (fx --years 1,10,30), ikke «${value ?? ''}».`;
      }
      years = parsed;
    } else if (arg in BY_SIZE || arg in ONCE) {
      names.push(arg);
    } else {
      return `Ukendt benchmark «${arg}». Kendte: ${[...Object.keys(BY_SIZE), ...Object.keys(ONCE)].join(', ')}; størrelser vælges med --years 1,10,30.`;
    }
  }
  return { years, names: names.length > 0 ? names : [...Object.keys(BY_SIZE), ...Object.keys(ONCE)] };
}

function printSummary(years: number[]): void {
  printOnceSummary();
  if (figures.size === 0) return;
  const width = Math.max(...[...figures.keys()].map((name) => name.length));
  console.log('');
  console.log('== oversigt');
  console.log(`${'tal'.padEnd(width)}  ${years.map((y) => `${y} år`.padStart(10)).join('  ')}  mål`);
  for (const [name, bySize] of figures) {
    const target = TARGETS[name];
    const cells = years.map((y) => {
      const value = bySize.get(y);
      if (value === undefined) return '—'.padStart(10);
      const limit = target?.limit[y];
      const mark = limit === undefined ? ' ' : value <= limit ? '✓' : '✗';
      return `${value.toFixed(2)} ${mark}`.padStart(10);
    });
    const goal = target ? Object.entries(target.limit).map(([y, limit]) => `≤ ${limit} ${target.unit} ved ${y} år`).join(', ') : '';
    console.log(`${name.padEnd(width)}  ${cells.join('  ')}  ${goal}`);
  }
  console.log('✓ nået, ✗ ikke nået; tal uden mål er til sammenligning.');
}

function printOnceSummary(): void {
  if (onceFigures.size === 0) return;
  const width = Math.max(...[...onceFigures.keys()].map((name) => name.length));
  console.log('');
  console.log('== oversigt (uafhængig af arkivets størrelse)');
  for (const [name, value] of onceFigures) {
    const target = ONCE_TARGETS[name];
    const mark = target === undefined ? ' ' : value <= target.limit ? '✓' : '✗';
    console.log(`${name.padEnd(width)}  ${`${value.toFixed(2)} ${mark}`.padStart(12)}  ${target ? `≤ ${target.limit} ${target.unit}` : ''}`);
  }
  if (figures.size === 0) console.log('✓ nået, ✗ ikke nået; tal uden mål er til sammenligning.');
}

async function main(): Promise<void> {
  const choice = parseArguments(process.argv.slice(2));
  if (typeof choice === 'string') {
    console.error(choice);
    process.exitCode = 1;
    return;
  }
  for (const name of choice.names) {
    const once = ONCE[name];
    if (!once) continue;
    console.log(`== ${name} (uafhængig af arkivets størrelse)`);
    await once();
  }
  const sized = choice.names.filter((name) => name in BY_SIZE);
  for (const years of sized.length > 0 ? choice.years : []) {
    const info = ensureBenchArchive(years);
    console.log('');
    console.log(`==== ${describeArchive(info)}${info.built ? ` (bygget på ${(info.buildMs / 1000).toFixed(1)} s)` : ''}`);
    for (const name of sized) {
      console.log(`== ${name}, ${years} år`);
      await BY_SIZE[name]?.(years);
    }
  }
  printSummary(choice.years);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
