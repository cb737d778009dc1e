/**
 * How long a user waits for the window: from the start of the process (the loopback harness, which
 * starts through the same sequence as the app, electron/services/startup.ts) until the Oversigt shows
 * data in Chromium, and how much memory the service process holds then. Warm runs follow each other;
 * a cold run first empties the operating system's file cache (as after a reboot), which needs root;
 * without it the cold figures are left out and said so. (The update of an archive from an older
 * version and its progress page are tested in tests/e2e/startup.spec.ts; the bench archives are
 * already up to date.)
 *
 * The page is opened as soon as the harness says it listens, which is before the archive is open: the
 * app makes its window at the same point of the start, right after the checks that must refuse an
 * archive (electron/main/main.ts). From then on the window and the services start side by side, as in
 * the app: the page loads and asks its first questions before React draws, and the services open the
 * archive, load and read the first screen while it does (electron/services/startup.ts). Nothing of
 * that is left out of the figure: it runs from the process's start to the Oversigt's data on screen.
 *
 * Part of the window's figure is no product's to cut: Node starting a process, and Chromium making a
 * page (a real Electron window pays its own, different, cost for both). They are measured on their
 * own, in the same conditions, and reported as their own lines beside the window's figure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import { openArchive } from '../../electron/archive/open';
import { bench, percentile } from './benchCopy';
import { ensureBenchArchive } from './generate';

const WARM_RUNS = 5;
const COLD_RUNS = 3;
export interface StartupFigures {
  years: number;
  warmMs: number;
  coldMs: number | null;
  rssMb: number;
  rssOpenMb: number;
  openMs: number;
  shellMs: number;
  /** Chromium alone: a new context and page, blank, as each run opens before it loads the app. */
  chromiumPageMs: number;
  /** Node alone: a process that starts and ends without loading anything. */
  nodeProcessMs: number;
}

export async function runStartupBench(years: number): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await measureSize(browser, years, ensureBenchArchive(years).path);
  } finally {
    await browser.close();
  }
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


    const alone = await measureFixedCosts(browser);
    const figures: StartupFigures = {
      years,
      warmMs: median(warm.map((r) => r.windowMs)),
      coldMs: canDrop ? median(cold.map((r) => r.windowMs)) : null,
      rssMb: median(warm.map((r) => r.rssMb)),
      rssOpenMb: median(warm.map((r) => r.rssOpenMb)),
      openMs: median(warm.map((r) => r.openMs)),
      shellMs: median(warm.map((r) => r.shellMs)),
      chromiumPageMs: median(alone.map((r) => r.chromiumPageMs)),
      nodeProcessMs: median(alone.map((r) => r.nodeProcessMs)),
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
  /** When the Oversigt shows data, and when the archive has just opened (before the first screen's reads). */
  rssMb: number;
  rssOpenMb: number;
}

/** One start: spawn the harness, open the page, wait for the Oversigt's data; then stop it all. */
async function measureRun(browser: Browser, archivePath: string): Promise<Run> {
  const started = performance.now();
  // Without Node's compile cache, which the harness turns on for the tests' many starts (tests/harness/entry.ts):
  // the app's main process keeps no compiled code between starts, so it compiles its bundle every time.
  const child = spawn(process.execPath, ['dist/harness/server.cjs', '--db', archivePath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
  });
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
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Oversigt' }).waitFor({ timeout: 600_000 });
    const shellMs = performance.now() - started;
    await oversigtShowsData(page);
    const windowMs = performance.now() - started;
    const rssMb = residentMb(child);
    return { windowMs, openMs, shellMs, rssMb, rssOpenMb };
  } finally {
    await context.close();
    await stop(child);
  }
}

/** What a start costs before any of the app's code runs, as often as the warm runs; nothing of the app is in it. */
async function measureFixedCosts(browser: Browser): Promise<{ chromiumPageMs: number; nodeProcessMs: number }[]> {
  const runs: { chromiumPageMs: number; nodeProcessMs: number }[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const nodeStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    const nodeProcessMs = performance.now() - nodeStarted;
    const pageStarted = performance.now();
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1366, height: 800 } });
    try {
      await context.newPage();
      runs.push({ chromiumPageMs: performance.now() - pageStarted, nodeProcessMs });
    } finally {
      await context.close();
    }
  }
  return runs;
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
  bench('startup_window_warm_ms', f.years, f.warmMs, 1);
  if (f.coldMs !== null) bench('startup_window_cold_ms', f.years, f.coldMs, 1);
  bench('startup_archive_open_ms', f.years, f.openMs, 1);
  bench('startup_window_shell_ms', f.years, f.shellMs, 1);
  bench('startup_chromium_page_ms', f.years, f.chromiumPageMs, 1);
  bench('startup_node_process_ms', f.years, f.nodeProcessMs, 1);
  bench('service_rss_mb', f.years, f.rssMb, 1);
  bench('service_rss_open_mb', f.years, f.rssOpenMb, 1);
  console.log('');
  console.log(`Arkiv på ${f.years} år, ${warm.length} varme starter (median):`);
  if (f.coldMs === null) console.log('  kold start: ikke målt (filcachen kan kun tømmes som root); tallene er varme');
  console.log(`  heraf: arkivet åbent efter ${fixed(f.openMs)} ms, Oversigten tegnet (uden data) efter ${fixed(f.shellMs)} ms;`);
  console.log(`  resten, ${fixed(f.warmMs - f.shellMs)} ms, er Oversigtens forespørgsler og visningen af dem (uptime: belastning ${loadAverage()})`);
  console.log(
    `  i tallet for vinduet er Chromiums egen side (${fixed(f.chromiumPageMs)} ms) og Nodes egen proces (${fixed(f.nodeProcessMs)} ms), målt for sig; ` +
      `uden dem ${fixed(f.warmMs - f.chromiumPageMs - f.nodeProcessMs)} ms (et Electron-vindue betaler sin egen, anden pris for begge)`,
  );
  console.log(`  tjenestens hukommelse (RSS) med Oversigtens data ${fixed(f.rssMb)} MB; lige efter åbningen ${fixed(f.rssOpenMb)} MB`);
}
