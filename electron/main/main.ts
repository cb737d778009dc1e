import { hostname } from 'node:os';
import { join } from 'node:path';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { restoreBackup } from '../archive/backup';
import { ArchiveError, ReadOnlyArchiveError } from '../archive/open';
// Not the services' index: the window is made before the service layer loads (startup.ts).
import { CorruptArchiveError } from '../services/startChecks';
import { beginStartup, type StartingApp } from '../services/startup';
import { deviceCredentialsFile } from '../sync/device/deviceCredentials';
import { deviceNameOf } from '../sync/sharing/deviceName';
import { signInStoreFile } from '../sync/signin/signInStore';
import { registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { followNetworkChanges } from './networkChanges';
import { registerAppScheme, serveRenderer } from './protocol';
import { safeStorageSealer } from './safeStorageSealer';
import { applySecurityPolicy } from './security';
import { createMainWindow } from './window';

// Entry point of the Electron main process: owns the one archive connection for the app's lifetime.
// Node's compile cache stays off (the test harness turns it on): compiled code kept in a folder the user can
// write would run here unchecked, past the fuse that checks app.asar's integrity.

// Scheme privileges can only be granted before 'ready'.
registerAppScheme();

// SAMTALERUM_DATA_DIR moves the app's data (and so the archive) elsewhere, e.g. for a school's own
// backup location or for a test run that must not touch the user's real archive.
const dataDir = process.env['SAMTALERUM_DATA_DIR'];
if (dataDir) app.setPath('userData', dataDir);

// One archive file, one writer: a second copy of the app would open the same SQLite file from
// another process. Instead the second launch hands over to the window that is already open.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusOrOpenWindow);
  app.whenReady().then(start).catch(failStartup);
}

function start(): void {
  // Only what must refuse the archive happens before the window (see services/startup.ts); an old
  // archive is brought up to date while the window shows how far it has got.
  const services = openArchive();
  if (services === null) return;
  services.ready.catch(failStartup);

  closeOnQuit(services);
  applySecurityPolicy();
  serveRenderer();
  registerIpc(services);
  installApplicationMenu();
  const window = createMainWindow();
  // It loads now: an update waits for it to show, even when a busy computer takes a while.
  services.windowLoading();
  // The update, and after it the full check and the day's backup, wait until the window is up: what
  // they find is shown in the window (and a restore offered there).
  window.once('ready-to-show', () => services.windowShown());

  // macOS keeps the app alive without windows and reopens one from the Dock.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function openArchive(): StartingApp | null {
  const archivePath = join(app.getPath('userData'), 'samtalerum.sqlite');
  // The device credentials for the kommune's sharing server, sealed with the operating system's key store.
  const sharing = {
    credentials: deviceCredentialsFile(join(app.getPath('userData'), 'enhedsnoegler'), safeStorageSealer),
    deviceName: deviceNameOf(hostname()),
    // The kommune's login: the renewal secrets sealed as the keys are; the provider's page in the system browser.
    signIns: { store: signInStoreFile(join(app.getPath('userData'), 'login'), safeStorageSealer), openBrowser: openLoginPage },
    followNetwork: followNetworkChanges,
  };
  const startOn = () => beginStartup(archivePath, app.getVersion(), { demoOnFirstRun: true, sharing });
  try {
    return startOn();
  } catch (error) {
    if (!(error instanceof CorruptArchiveError && error.newestBackup)) {
      failStartup(error);
      return null;
    }
    if (!userChoosesRestore(error, error.newestBackup.createdAt)) {
      app.quit();
      return null;
    }
    try {
      // The damaged file is kept beside the archive, renamed; it is never overwritten.
      restoreBackup(archivePath, error.newestBackup.fileName);
      return startOn();
    } catch (restoreError) {
      failStartup(restoreError);
      return null;
    }
  }
}

/**
 * Opens the identity provider's login page in the system browser. The address comes from the provider the
 * server names, so only a web address is opened: never a file or another program's scheme.
 */
async function openLoginPage(url: string): Promise<void> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error('Login-adressen er ikke en webadresse.');
  await shell.openExternal(url);
}

/** Asks before anything is changed: restore the newest good backup, or quit and leave the file as it is. */
function userChoosesRestore(error: CorruptArchiveError, backupTakenAt: string): boolean {
  const when = format(new Date(backupTakenAt), "d. MMMM yyyy 'kl.' HH.mm", { locale: da });
  const answer = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Samtalerum',
    message: 'Arkivet er beskadiget',
    detail:
      `${error.message}\n\n` +
      `Samtalerum kan gendanne den nyeste gode sikkerhedskopi fra ${when}. Det beskadigede arkiv bliver ikke slettet: ` +
      'det gemmes som en fil ved siden af arkivet (samtalerum-FØR-GENDANNELSE-…), så det kan undersøges senere. ' +
      'Ændringer efter sikkerhedskopien er ikke med i den.',
    buttons: [`Gendan den nyeste sikkerhedskopi (${when})`, 'Afslut'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return answer === 0;
}

function closeOnQuit(services: StartingApp): void {
  // 'will-quit' rather than 'before-quit': before-quit still lets a window cancel the quit, and the
  // app would then run on with a closed archive. better-sqlite3 is synchronous, so any write that
  // began has finished before this runs; close() checkpoints the WAL into the main file.
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    services.close();
  });
  // A terminal's Ctrl+C or the session manager's SIGTERM would otherwise kill the process without
  // closing the archive; routing them through app.quit() runs the normal shutdown above.
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
}

function focusOrOpenWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) {
    // On macOS the app may be running with no window; wait for the startup to have finished.
    if (app.isReady()) createMainWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

function failStartup(error: unknown): void {
  // An ArchiveError already says in Danish what is wrong (e.g. an archive from a newer version).
  const message =
    error instanceof ArchiveError
      ? error.message
      : `Der skete en uventet fejl, da Samtalerum startede: ${error instanceof Error ? error.message : String(error)}`;
  // A write-protected archive is not damaged: its own title, and (as for every error here) no restore.
  dialog.showErrorBox(error instanceof ReadOnlyArchiveError ? 'Arkivet kan kun læses' : 'Samtalerum kan ikke åbne arkivet', message);
  app.quit();
}
