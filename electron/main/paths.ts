import { join } from 'node:path';

// Where the built pieces sit relative to the bundled main process. scripts/build.mjs writes
// dist/electron/main.cjs and preload.cjs side by side and Vite writes dist/renderer; the same layout
// holds inside the packaged app.asar, so __dirname works in development and in the installed app.
export const PRELOAD_PATH = join(__dirname, 'preload.cjs');
export const RENDERER_DIR = join(__dirname, '..', 'renderer');
