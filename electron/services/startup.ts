import { fail, ok, type Result } from '../../shared/api/envelope';
import { firstScreenReads, localDay } from '../../shared/api/firstScreen';
import type { StartupProgress } from '../../shared/api/methods/startup';
import { recoverInterruptedRestore } from '../archive/backup';
import { ArchiveError, beginOpeningArchive, refuseReadOnlyArchive, type OpeningArchive } from '../archive/open';
import { canBeOpened } from '../archive/probe';
import type { AppServices } from './background';
import type { EventListener, Services } from './dispatch';
import { installDemo, refuseDamagedArchive, type StartOptions } from './startChecks';
import type { SyncStatusSlot } from './syncStatus';
import type { DeviceCredentials } from '../sync/device/deviceCredentials';
import type { SignInSetup } from '../sync/sharing/serverSignIns';

/** What sharing needs from the app or the harness; the rest it finds in the open archive. */
export interface SharingSetup {
  /** This laptop's device credentials: sealed with safeStorage in the app, a 0600 file in the harness. */
  credentials: DeviceCredentials;
  /** The computer's name as the server lists it (deviceNameOf(os.hostname())). */
  deviceName: string;
  /** Sign-in with the kommune's login: the sealed store of sign-ins, and how the system browser is opened. */
  signIns?: SignInSetup;
  /** Calls changed when the network has probably changed (electron/main/networkChanges.ts); returns a stop. */
  followNetwork?(changed: () => void): () => void;
  /** How often a member's laptop looks for new senders to its forums' inboxes (default 30 s; shorter in tests). */
  inboxPollMs?: number;
}

/**
 * The app's start, in one order for the Electron app and the test harness (so a benchmark of the
 * harness measures what the app does):
 *   1. before the window, only what must refuse the archive: a write-protected file or folder, the
 *      rest of an interrupted restore, an archive from a newer version, and a file that cannot even
 *      be opened (probe.ts; the transport offers the restore dialog). Milliseconds at any size.
 *   2. the window opens at once and asks `app.startup`; every other call waits for the archive;
 *   3. an old archive is backed up (in a worker) and migrated step by step, and the window hears
 *      each step ('archive.opening'); a big update waits for the window so it never looks frozen;
 *   4. the service layer is loaded (serviceLayer.ts: after the transport is up, so the window loads
 *      meanwhile) and takes over; unless the window has asked already, the services read what its
 *      first screen will ask for (shared/api/firstScreen.ts) while it loads, so its reads find the
 *      archive's pages, statements and code warm; then the first screen reads;
 *   5. once the first screen has had its answers, the connection to the kommune's server is loaded and
 *      started (if the app shares forums; the sharing calls wait for it meanwhile);
 *   6. once the window is up and the first screen has had its answers (no call for a moment), the
 *      full integrity check and then the day's backup run in worker threads (background.ts), and
 *      tell the user only if something is wrong.
 */
export interface StartingApp extends Services {
  /** The services once the archive is open and up to date; rejects with a Danish ArchiveError. */
  readonly ready: Promise<AppServices>;
  /**
   * Settles when the services have read the first screen ahead of the window (true), or have left it
   * to the window's own reads because it asked first, or the start failed or closed (false).
   */
  readonly firstScreenRead: Promise<boolean>;
  /**
   * The window is up and can show progress. An update waits for this (at most WINDOW_WAIT_MS), as
   * each migration holds the main process while it runs; the background work (step 6) follows it.
   */
  windowShown(): void;
  /**
   * The window has begun to load. From then on an update waits up to WINDOW_LOADING_WAIT_MS for it to
   * show, not WINDOW_WAIT_MS: on a busy computer a page can take seconds to come up, and an update
   * that begins without it shows nobody its progress (and holds the process the page loads from).
   */
  windowLoading(): void;
}

export interface StartupOptions extends StartOptions {
  /** Where the services read the shared forums' status; the app fills it when the sync transport runs. */
  syncStatus?: SyncStatusSlot;
  /** Keeps shared forums in step with the kommune's server once the archive is open; without it nothing is shared. */
  sharing?: SharingSetup;
  /**
   * How long the services must have had no call, after the window is up, before the background work
   * begins: the first screen's reads come first, on a machine with two cores. 0 in tests.
   */
  backgroundDelayMs?: number;
  /** How long an update waits for a window that has not begun to load (WINDOW_WAIT_MS); shorter in tests. */
  windowWaitMs?: number;
}

/** A window that never begins to load (a harness no page opens) holds an update back no longer than this. */
const WINDOW_WAIT_MS = 3000;
/** A window that is loading is waited for this long at most: it is coming, if slowly. */
const WINDOW_LOADING_WAIT_MS = 30_000;
const BACKGROUND_DELAY_MS = 1000;
/** A pause in the window's calls this long means its first screen has been answered. */
const FIRST_SCREEN_QUIET_MS = 100;
/** A window that keeps calling does not keep the shared forums from connecting longer than this. */
const SHARING_LATEST_MS = 2_000;
/** A window that calls all the time (a running meeting) does not put the check off longer than this. */
const BACKGROUND_LATEST_MS = 30_000;

/**
 * Step 1 happens inside this call and throws what the transport must answer before the window: a
 * CorruptArchiveError (offer the restore), a ReadOnlyArchiveError or another ArchiveError. The rest
 * runs after it returns; see ready.
 */
export function beginStartup(archivePath: string, appVersion: string, options: StartupOptions = {}): StartingApp {
  refuseReadOnlyArchive(archivePath);
  const interrupted = recoverInterruptedRestore(archivePath);
  refuseDamagedArchive(archivePath, canBeOpened);
  const opening = beginOpeningArchive(archivePath);

  let progress: StartupProgress = { step: 'aabner', done: 0, total: opening.updateSteps };
  let services: AppServices | null = null;
  let stopSharing = () => {};
  let closed = false;
  const waiting = new Map<EventListener, () => void>();

  // When the window last asked for something: the background work waits for a quiet moment.
  let lastCallAt = performance.now();
  // Whether the window has asked for more than the start's progress: then it reads its first screen itself.
  let windowReads = false;
  let showWindow = () => {};
  const windowUp = new Promise<void>((resolve) => (showWindow = resolve));
  let windowLoading = () => {};
  const loading = new Promise<void>((resolve) => (windowLoading = resolve));

  const announce = (next: StartupProgress) => {
    progress = next;
    for (const listener of waiting.keys()) listener({ type: 'archive.opening', progress });
  };

  const ready = (async () => {
    if (opening.updateSteps > 0) await untilWindowShown(windowUp, loading, options.windowWaitMs ?? WINDOW_WAIT_MS);
    const archive = await finishUnlessClosed(opening, announce, () => closed);
    const { createContext, createServices, withBackgroundWork, sharingLater, useSharing } = await loadServiceLayer();
    if (closed) {
      archive.close();
      throw new ArchiveError('Samtalerum lukkede, før arkivet var åbnet. Arkivet er lukket igen.');
    }
    const ctx = createContext(archive, appVersion, options.syncStatus);
    if (interrupted) ctx.notices.push({ kind: 'afbrudt-gendannelse', message: interrupted.message, offer: null });
    // Late-bound: the day's first write starts the backup in the background, once the start has begun it.
    let backgroundStarted = false;
    const started: AppServices = withBackgroundWork(
      createServices(ctx, { dailyBackup: () => void (backgroundStarted && started.dailyBackupInBackground()) }),
      ctx,
    );
    if (archive.createdNow && options.demoOnFirstRun) installDemo(started);
    if (options.sharing) {
      const { followNetwork, ...setup } = options.sharing;
      let stopLaptop = () => {};
      const loaded = afterFirstScreen().then(async () => {
        const { startLaptopSharing } = await import('../sync/sharing/laptopSharing');
        if (closed) throw new ArchiveError('Samtalerum lukker; forbindelsen til delingsserveren startes ikke.');
        const laptop = startLaptopSharing({ services: started, ...setup });
        ctx.sync?.use(laptop.status);
        const stopFollowing = followNetwork?.(() => laptop.transport.networkChanged()) ?? (() => {});
        stopLaptop = () => {
          stopFollowing();
          ctx.sync?.use(null);
          laptop.close();
        };
        return laptop.sharing;
      });
      // A failure is told to the sharing call that waits for it; none may be waiting.
      loaded.catch(() => {});
      useSharing(ctx, sharingLater(started.sync, loaded));
      stopSharing = () => stopLaptop();
    }
    services = started;
    announce({ step: 'klar', done: progress.total, total: progress.total });
    // The windows that listened while the archive opened now hear the services.
    for (const [listener] of waiting) waiting.set(listener, started.subscribe(listener));
    void windowUp
      .then(() => whenQuiet(() => lastCallAt, options.backgroundDelayMs ?? BACKGROUND_DELAY_MS))
      .then(() => {
        if (closed) return;
        backgroundStarted = true;
        return started.runBackgroundWork();
      });
    return started;
  })();
  // The transport reports a failure from ready; this keeps it from counting as unhandled meanwhile.
  ready.catch(() => {});
  const firstScreenRead = ready.then(
    (started) => readFirstScreenAhead(started, () => windowReads || closed),
    () => false,
  );
  /** The first screen has its answers (read ahead, or the window's own reads have had a quiet moment). */
  async function afterFirstScreen(): Promise<void> {
    await firstScreenRead;
    await whenQuiet(() => lastCallAt, FIRST_SCREEN_QUIET_MS, SHARING_LATEST_MS);
  }

  async function dispatch(method: string, rawInput: unknown): Promise<Result<unknown>> {
    lastCallAt = performance.now();
    if (method !== 'app.startup') windowReads = true;
    if (services) return services.dispatch(method, rawInput);
    if (method === 'app.startup') return ok(progress);
    try {
      return await (await ready).dispatch(method, rawInput);
    } catch (error) {
      return fail('arkivfejl', error instanceof ArchiveError ? error.message : 'Arkivet kunne ikke åbnes. Intet er ændret.');
    }
  }

  return {
    ready,
    firstScreenRead,
    windowShown: () => showWindow(),
    windowLoading: () => windowLoading(),
    dispatch,
    call: (method, input) => dispatch(method, input) as ReturnType<Services['call']>,
    subscribe(listener) {
      if (services) {
        const unsubscribe = services.subscribe(listener);
        // A window that asked app.startup while the services loaded, and whose listening began only
        // after they were up (a browser holds its event stream back behind its first calls), still
        // hears that the start is done instead of waiting for an event that has already gone out.
        listener({ type: 'archive.opening', progress });
        return unsubscribe;
      }
      waiting.set(listener, () => {});
      // A window that starts listening partway still learns how far the opening has got.
      listener({ type: 'archive.opening', progress });
      return () => {
        const unsubscribe = waiting.get(listener);
        waiting.delete(listener);
        unsubscribe?.();
      };
    },
    close() {
      if (closed) return;
      closed = true;
      // The connections first: nothing arrives for an archive that is closing.
      stopSharing();
      services?.close();
    },
  };
}

/**
 * The service layer, once the transport has had its turn: beginStartup runs before the harness listens
 * and before the app makes its window, and this waits for the next turn of the event loop, so both
 * come first and the page loads while the services do.
 */
async function loadServiceLayer() {
  await new Promise((resolve) => setImmediate(resolve));
  return import('./serviceLayer');
}

/**
 * Reads the first screen once, each read in its own turn of the event loop so a call from the window
 * is never held behind more than one of them, and stops as soon as the window asks for itself (its
 * reads then do the same work). The answers are not kept: a write, also another program's, may come
 * before the window asks; what stays is the archive's pages in memory and the prepared statements.
 */
async function readFirstScreenAhead(services: Services, windowReads: () => boolean): Promise<boolean> {
  for (const read of firstScreenReads(localDay(new Date()))) {
    await new Promise((resolve) => setImmediate(resolve));
    if (windowReads()) return false;
    // A failure here is the window's to hear when it asks the same; nothing is changed by a read.
    await services.dispatch(read.method, read.input);
  }
  return true;
}

/** Finishes the opening; if the app closed meanwhile, the archive is closed again and ready rejects. */
async function finishUnlessClosed(opening: OpeningArchive, announce: (progress: StartupProgress) => void, isClosed: () => boolean) {
  if (isClosed()) {
    opening.abandon();
    throw new ArchiveError('Samtalerum lukkede, før arkivet var åbnet. Intet er ændret.');
  }
  const archive = await opening.finish(announce);
  if (isClosed()) {
    archive.close();
    throw new ArchiveError('Samtalerum lukkede, før arkivet var åbnet. Arkivet er lukket igen.');
  }
  return archive;
}

/**
 * Resolves when the window shows, or when it has not begun to load within waitMs, or has loaded for
 * WINDOW_LOADING_WAIT_MS without showing: the update then runs without it rather than never.
 */
async function untilWindowShown(shown: Promise<void>, loading: Promise<void>, waitMs: number): Promise<void> {
  const first = await Promise.race([shown.then(() => 'shown'), loading.then(() => 'loading'), delay(waitMs).then(() => 'late')]);
  if (first === 'loading') await Promise.race([shown, delay(WINDOW_LOADING_WAIT_MS)]);
}

/** Resolves once no call has come for quietMs (or BACKGROUND_LATEST_MS have passed). */
async function whenQuiet(lastCallAt: () => number, quietMs: number, latestMs = BACKGROUND_LATEST_MS): Promise<void> {
  const latest = performance.now() + latestMs;
  for (;;) {
    const now = performance.now();
    const quiet = now - lastCallAt();
    if (quiet >= quietMs || now >= latest) return;
    await delay(Math.min(quietMs - quiet, latest - now));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
