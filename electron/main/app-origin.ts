// The one origin the app's own pages come from. Navigation guards and the IPC sender check both
// compare against it, so it lives here once. This file must not import 'electron': the HTTP
// harness and unit tests may use it outside Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'samtalerum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when url belongs to the app origin. Node's URL reports origin "null" for schemes it does not
 * know, so scheme and host are compared instead of `url.origin`.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
