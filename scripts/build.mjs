// Builds everything that runs outside the browser: the Electron main process and preload (for the app)
// and the loopback harness (for the browser tests). The renderer is built by Vite.
import { build } from 'esbuild';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // better-sqlite3 is a native module: it is loaded from node_modules (unpacked from the asar), never bundled.
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // A sandboxed preload may only require 'electron', so everything else is bundled into it.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['tests/harness/server.ts'], outfile: 'dist/harness/server.cjs' }),
  build({ ...common, entryPoints: ['electron/cli/samtalerum.ts'], outfile: 'dist/cli/samtalerum.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['tests/bench/bench.ts'], outfile: 'dist/bench/bench.cjs' }),
]);
