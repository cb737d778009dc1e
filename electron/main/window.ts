import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { PRELOAD_PATH } from './paths';

/** Opens the main Samtalerum window on the app's own page. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Samtalerum',
    width: 1280,
    height: 800,
    // Below this the agenda and the decision panel no longer fit side by side.
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame while the page loads.
    show: false,
    webPreferences: {
      // The renderer gets window.samtalerum from the preload and nothing else of Node or Electron.
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      // Minutes and decisions are written in Danish; typos there end up in official records.
      spellcheck: true,
    },
  });

  useDanishSpellChecker(window);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Kunne ikke indlæse Samtalerum:', error));
  return window;
}

function useDanishSpellChecker(window: BrowserWindow): void {
  try {
    window.webContents.session.setSpellCheckerLanguages(['da']);
  } catch (error) {
    // macOS uses the system spell checker and some Linux builds lack the Danish dictionary;
    // the app works without it, so this is only logged.
    console.warn('Dansk stavekontrol er ikke tilgængelig:', error);
  }
}
