import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/** The app's name as Electron uses it for its data folder (package.json "productName"). */
export const APP_FOLDER = 'Samtalerum';
export const ARCHIVE_FILE = 'samtalerum.sqlite';

export interface Environment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

const here = (): Environment => ({ env: process.env, platform: process.platform, home: homedir() });

/**
 * The folder the app keeps its archive in, worked out without Electron: what app.getPath('userData')
 * gives for an app named Samtalerum, or SAMTALERUM_DATA_DIR when it is set, exactly as in the app.
 */
export function defaultDataDir({ env, platform, home }: Environment = here()): string {
  const override = env['SAMTALERUM_DATA_DIR'];
  if (override) return resolve(override);
  if (platform === 'win32') return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  // Linux and the other Unixes: Electron follows the XDG base directory spec.
  return posix.join(env['XDG_CONFIG_HOME'] || posix.join(home, '.config'), APP_FOLDER);
}

/** The app's own archive: what --archive defaults to. */
export function defaultArchivePath(environment: Environment = here()): string {
  const dir = defaultDataDir(environment);
  return environment.platform === 'win32' ? win32.join(dir, ARCHIVE_FILE) : posix.join(dir, ARCHIVE_FILE);
}
