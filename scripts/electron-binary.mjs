// Finds the Electron executable the way the `electron` package would, but without its side effect:
// requiring `electron` from Node starts a download when the binary is missing, which would make a
// mere "is Electron here?" check (npm start, playwright.config.ts) hang on a machine without internet.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const electronPackageDir = join(projectRoot, 'node_modules', 'electron');

/** The executable's path inside an Electron dist folder, as the electron package's install.js names it. */
function executableInDist() {
  try {
    // path.txt is written by install.js once the download has been unpacked.
    return readFileSync(join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
    return process.platform === 'win32' ? 'electron.exe' : 'electron';
  }
}

/** @returns {string | null} the Electron executable, or null when it is not on this machine. */
export function findElectronBinary() {
  // Honoured like the electron package does, so a separately installed Electron 45 can be used.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executableInDist()) : join(electronPackageDir, 'dist', executableInDist());
  return existsSync(candidate) ? candidate : null;
}
