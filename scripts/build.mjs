// Builds everything that runs outside the browser: the Electron main process and preload (for the app),
// the loopback harness (for the browser tests) and the kommune's sync server. The renderer is built by Vite.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  logLevel: 'warning',
  // better-sqlite3 is a native module: it is loaded from node_modules (unpacked from the asar), never bundled.
  external: ['electron', 'better-sqlite3'],
};

// What electron-builder packages (dist/electron) gets no source map: it would carry the app's source.
// The tools that run from the checkout keep theirs, for readable stack traces.
const packaged = { ...common, sourcemap: false };
const tool = { ...common, sourcemap: true };

// The kommune's sync server runs from the checkout with its node_modules (better-sqlite3, pg, ioredis).
const server = () =>
  build({ ...tool, packages: 'external', entryPoints: ['server/main.ts'], outfile: 'dist/server/server.cjs', banner: { js: '#!/usr/bin/env node' } });

// `node scripts/build.mjs server` builds the sync server alone (npm run server).
if (process.argv[2] === 'server') {
  await server();
  process.exit(0);
}

// electron-builder packs the whole folder, so it starts empty: nothing left from an earlier build goes along.
rmSync('dist/electron', { recursive: true, force: true });

await Promise.all([
  build({ ...packaged, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // A sandboxed preload may only require 'electron', so everything else is bundled into it.
  build({ ...packaged, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  // The harness starts from a small entry that turns on Node's compile cache before the harness is compiled.
  build({ ...tool, entryPoints: ['tests/harness/entry.ts'], outfile: 'dist/harness/server.cjs', external: ['./service.cjs'] }),
  build({ ...tool, entryPoints: ['tests/harness/server.ts'], outfile: 'dist/harness/service.cjs' }),
  build({ ...tool, entryPoints: ['electron/cli/samtalerum.ts'], outfile: 'dist/cli/samtalerum.cjs', banner: { js: '#!/usr/bin/env node' } }),
  server(),
  // The start-up benchmark drives Chromium through Playwright, and the sharing benchmark bundles its test
  // server with esbuild; both are loaded from node_modules.
  build({ ...tool, entryPoints: ['tests/bench/bench.ts'], outfile: 'dist/bench/bench.cjs', external: [...common.external, '@playwright/test', 'esbuild'] }),
]);
