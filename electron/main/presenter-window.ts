import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppUrl } from './app-origin';

// The one extra window the app may open: the projector view of a meeting. It is the app's own page
// with the meeting in the hash, so it gets the same bridge and the same locked-down settings as the
// main window. This file must not import 'electron' at runtime: the unit tests run it under Node.

const PRESENTER_HASH = /^#praesentation=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True only for app://samtalerum/index.html#praesentation=<uuid>, with nothing else added. */
export function isPresenterUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === '/index.html' &&
    parsed.search === '' &&
    PRESENTER_HASH.test(parsed.hash)
  );
}

/** The projector window: projector-sized, no menu bar in the way, and the main window's hardening. */
export function presenterWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Samtalerum – projektor',
    width: 1280,
    height: 720,
    autoHideMenuBar: true,
    // The page's own background, so the window never flashes another colour while it loads.
    backgroundColor: '#FFFFFF',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    },
  };
}
