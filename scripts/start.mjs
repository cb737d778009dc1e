// `npm start`: runs the built app in Electron. The Electron binary is fetched by the electron
// package's own installer only when it is missing, and a failed fetch ends in one readable Danish
// paragraph instead of a stack trace, since the person running this is often not a developer.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs';

// Long enough for a slow school network to fetch ~100 MB, short enough not to leave someone waiting.
const DOWNLOAD_TIMEOUT_MS = 180_000;

const binary = findElectronBinary() ?? downloadElectron();
if (binary === null) process.exit(1);
launch(binary);

/** @returns {string | null} */
function downloadElectron() {
  process.stderr.write('Henter Electron (første start, ca. 100 MB) ...\n');
  const result = spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], {
    cwd: electronPackageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const found = result.status === 0 ? findElectronBinary() : null;
  if (found === null) explainFailure(result);
  return found;
}

/** @param {import('node:child_process').SpawnSyncReturns<string>} result */
function explainFailure(result) {
  const reason =
    result.error?.code === 'ETIMEDOUT'
      ? `hentningen tog mere end ${DOWNLOAD_TIMEOUT_MS / 60_000} minutter`
      : firstLine(result.stderr) ?? firstLine(result.stdout) ?? result.error?.message ?? 'ukendt årsag';
  process.stderr.write(
    'Samtalerum kunne ikke starte, fordi Electron-programmet ikke kunne hentes ' +
      `(${reason}). Kør \`npm start\` igen med internetforbindelse, eller sæt ELECTRON_OVERRIDE_DIST_PATH ` +
      'til en mappe med Electron 45. Testene (`npm test`) kræver ikke Electron.\n',
  );
}

/** The error line of the installer's output, without the stack trace that follows it. */
function firstLine(text) {
  const line = text?.split('\n').find((candidate) => candidate.trim() !== '');
  return line === undefined ? undefined : line.trim().slice(0, 200);
}

/** @param {string} executable */
function launch(executable) {
  // ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, ['.'], { cwd: join(electronPackageDir, '..', '..'), stdio: 'inherit', env });
  // Ctrl+C reaches the child through the terminal too; forwarding SIGTERM lets the app close its
  // archive cleanly when this wrapper is stopped by a process manager.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => undefined);
  child.on('error', (error) => {
    process.stderr.write(`Samtalerum kunne ikke starte Electron (${error.message}).\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}
