/**
 * How long a user waits for the window: from the start of the process (the loopback harness, which
 * starts through the same sequence as the app, electron/services/startup.ts) until the Oversigt shows
 * data in Chromium, and how much memory the service process holds then. Warm runs follow each other;
 * a cold run first empties the operating system's file cache (as after a reboot), which needs root;
 * without it the cold figures are left out and said so. A third figure opens an archive from an
 * older version: when the update's progress shows, and when the Oversigt does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import { openArchive } from '../../electron/archive/open';
import { percentile } from './benchCopy';
import { ensureBenchArchive } from './generate';

const WARM_RUNS = 5;
const COLD_RUNS = 3;
/** Targets from the issue, by archive size in years: window warm / cold (ms), service RSS (MB). */
const TARGETS: Record<number, { warmMs: number; coldMs: number; rssMb: number }> = {
  10: { warmMs: 400, coldMs: 1000, rssMb: 150 },
  30: { warmMs: 500, coldMs: 1500, rssMb: 200 },
};

/**
 * The archives measured, by size. Today the generator builds one size (ten years, written at an old
 * schema); when it takes a number of years, this is the one place to ask it for each.
 */
function benchArchives(): { years: number; path: string }[] {
  return [{ years: 10, path: ensureBenchArchive().path }];
}

export interface StartupFigures {
  years: number;
  warmMs: number;
  coldMs: number | null;
  rssMb: number;
  rssOpenMb: number;
  openMs: number;
  shellMs: number;
  updateProgressMs: number;
  updateWindowMs: number;
}

export async function runStartupBench(): Promise<StartupFigures[]> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const results: StartupFigures[] = [];
  try {
    for (const { years, path } of benchArchives()) results.push(await measureSize(browser, years, path));
  } finally {
    await browser.close();
  }
  return results;
}

async function measureSize(browser: Browser, years: number, fixture: string): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'samtalerum-bench-start-'));
  try {
    // The user's archive: up to date, as after the first start of this version.
    const archivePath = join(dir, 'samtalerum.sqlite');
    copyFileSync(fixture, archivePath);
    openArchive(archivePath).close();

    const warm: Run[] = [];
    // The first run fills the file cache; it is not counted.
    await measureRun(browser, archivePath);
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await measureRun(browser, archivePath));
    const cold: Run[] = [];
    const canDrop = dropFileCache();
    if (canDrop) {
      for (let i = 0; i < COLD_RUNS; i++) {
        dropFileCache();
        cold.push(await measureRun(browser, archivePath));
      }
    }

    // An archive from an older version (the fixture's own schema), updated on this start.
    const oldPath = join(mkdtempSync(join(dir, 'gammel-')), 'samtalerum.sqlite');
    copyFileSync(fixture, oldPath);
    const update = await measureRun(browser, oldPath, true);

    const figures: StartupFigures = {
      years,
      warmMs: median(warm.map((r) => r.windowMs)),
      coldMs: canDrop ? median(cold.map((r) => r.windowMs)) : null,
      rssMb: median(warm.map((r) => r.rssMb)),
      rssOpenMb: median(warm.map((r) => r.rssOpenMb)),
      openMs: median(warm.map((r) => r.openMs)),
      shellMs: median(warm.map((r) => r.shellMs)),
      updateProgressMs: update.progressMs ?? Number.NaN,
      updateWindowMs: update.windowMs,
    };
    report(figures, warm);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  windowMs: number;
  openMs: number;
  /** The Oversigt's heading is drawn: the app is up, its data may still be on the way. */
  shellMs: number;
  progressMs: number | null;
  /** When the Oversigt shows data, and when the archive has just opened (before the first screen's reads). */
  rssMb: number;
  rssOpenMb: number;
}

/** One start: spawn the harness, open the page, wait for the Oversigt's data; then stop it all. */
async function measureRun(browser: Browser, archivePath: string, watchProgress = false): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/harness/server.cjs', '--db', archivePath, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let openMs = Number.NaN;
  let rssOpenMb = Number.NaN;
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^HARNESS_READY (\S+)/.exec(line);
      if (ready?.[1]) resolve(ready[1]);
      if (line === 'HARNESS_ARCHIVE_OPEN') {
        openMs = performance.now() - started;
        rssOpenMb = residentMb(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`Testserveren stoppede med kode ${code}.`)));
  });
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1366, height: 800 } });
  try {
    const page = await context.newPage();
    let progressMs: number | null = null;
    const progress = watchProgress
      ? page
          .locator('.startup h1')
          .waitFor({ timeout: 600_000 })
          .then(() => (progressMs = performance.now() - started))
          .catch(() => {})
      : Promise.resolve();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Oversigt' }).waitFor({ timeout: 600_000 });
    const shellMs = performance.now() - started;
    await oversigtShowsData(page);
    const windowMs = performance.now() - started;
    const rssMb = residentMb(child);
    await progress;
    return { windowMs, openMs, shellMs, progressMs, rssMb, rssOpenMb };
  } finally {
    await context.close();
    await stop(child);
  }
}

/** The Oversigt has drawn meetings (the archive has thousands awaiting approval). */
async function oversigtShowsData(page: Page): Promise<void> {
  await page.locator('main .row-list li').first().waitFor({ timeout: 600_000 });
}

/** Resident memory of the service process, from /proc (Linux). */
function residentMb(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Empties the operating system's file cache; false when not allowed (not root, or not Linux). */
function dropFileCache(): boolean {
  try {
    // What the archive's last writes left in memory goes to disk first, so the drop has it all.
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The machine's load over the last minute: the figures mean little on a machine that is busy elsewhere. */
function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function report(f: StartupFigures, warm: Run[]): void {
  const fixed = (n: number) => n.toFixed(1);
  const y = `_y${f.years}`;
  console.log(`BENCH startup_window_warm_ms${y}=${fixed(f.warmMs)}`);
  if (f.coldMs !== null) console.log(`BENCH startup_window_cold_ms${y}=${fixed(f.coldMs)}`);
  console.log(`BENCH startup_archive_open_ms${y}=${fixed(f.openMs)}`);
  console.log(`BENCH startup_window_shell_ms${y}=${fixed(f.shellMs)}`);
  console.log(`BENCH service_rss_mb${y}=${fixed(f.rssMb)}`);
  console.log(`BENCH service_rss_open_mb${y}=${fixed(f.rssOpenMb)}`);
  console.log(`BENCH startup_update_progress_ms${y}=${fixed(f.updateProgressMs)}`);
  console.log(`BENCH startup_update_window_ms${y}=${fixed(f.updateWindowMs)}`);
  console.log('');
  const target = TARGETS[f.years];
  console.log(`Arkiv på ${f.years} år, ${warm.length} varme starter (median):`);
  console.log(`  vindue med Oversigtens data, varm: ${fixed(f.warmMs)} ms` + (target ? ` (mål ≤ ${target.warmMs} ms: ${f.warmMs <= target.warmMs ? 'nået' : 'IKKE nået'})` : ''));
  if (f.coldMs === null) console.log('  kold start: ikke målt (filcachen kan kun tømmes som root); tallene er varme');
  else console.log(`  vindue med Oversigtens data, kold: ${fixed(f.coldMs)} ms` + (target ? ` (mål ≤ ${target.coldMs} ms: ${f.coldMs <= target.coldMs ? 'nået' : 'IKKE nået'})` : ''));
  console.log(`  heraf: arkivet åbent efter ${fixed(f.openMs)} ms, Oversigten tegnet (uden data) efter ${fixed(f.shellMs)} ms;`);
  console.log(`  resten, ${fixed(f.warmMs - f.shellMs)} ms, er Oversigtens forespørgsler og visningen af dem (uptime: belastning ${loadAverage()})`);
  console.log(
    `  tjenestens hukommelse (RSS) med Oversigtens data: ${fixed(f.rssMb)} MB` +
      (target ? ` (mål ≤ ${target.rssMb} MB: ${f.rssMb <= target.rssMb ? 'nået' : 'IKKE nået'})` : '') +
      `; lige efter åbningen ${fixed(f.rssOpenMb)} MB`,
  );
  console.log(`  arkiv fra en ældre version: opdateringen vises efter ${fixed(f.updateProgressMs)} ms, Oversigten efter ${fixed(f.updateWindowMs)} ms`);
}
