import { join } from 'node:path';
import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isExternalWebUrl } from './external-links';
import { PRELOAD_PATH } from './paths';
import { isPresenterUrl, presenterWindowOptions } from './presenter-window';

// App-wide hardening from Electron's security checklist. It hangs on 'web-contents-created' so that
// every webContents gets it, including any a future feature creates, not only the main window.

/** Call once the app is ready (the default session only exists then) and before any window opens. */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  // The archive needs no camera, microphone, location, notifications or clipboard reads; a denied
  // request cannot be abused by injected content.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  // Documents (dagsorden, referat) reach the disk only through a save dialog the user answers.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Gem dokument',
      buttonLabel: 'Gem',
      defaultPath: join(app.getPath('documents'), item.getFilename()),
    });
  });
}

function guardWebContents(contents: WebContents): void {
  // The window must only ever show the app's own pages: a page from elsewhere would get the bridge.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });

  // One new Electron window only: the projector view of a meeting, on the app's own page and with the
  // main window's hardening. A web link (e.g. a link in meeting notes) opens in the user's browser
  // instead, where it has none of the app's privileges; anything else is refused.
  contents.setWindowOpenHandler(({ url }) => {
    if (isPresenterUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: presenterWindowOptions(PRELOAD_PATH) };
    if (isExternalWebUrl(url)) shell.openExternal(url).catch((error: unknown) => console.error('Kunne ikke åbne link:', error));
    return { action: 'deny' };
  });

  // <webview> is disabled in webPreferences; this also stops one being attached if that ever changes.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
