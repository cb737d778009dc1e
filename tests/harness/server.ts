/**
 * Loopback HTTP transport for the browser tests: the same dispatch as Electron's IPC, over a real
 * SQLite file, and the built renderer with the same CSP. Binds 127.0.0.1 only.
 *
 *   node dist/harness/server.cjs --db <file.sqlite> [--port 0] [--renderer dist/renderer] [--demo]
 *                                [--restore-newest-if-corrupt] [--sync-dir <dir>] [--device-name <name>]
 *
 * Sharing runs as in the app: the device credentials for the kommune's sharing server lie in
 * <sync-dir>/enhedsnoegler.json and the sign-ins with the kommune's login in <sync-dir>/login.json (mode
 * 0600, not sealed; default: a folder beside the archive, <file.sqlite>.deling), so two harnesses with two
 * archives and two sync dirs are two laptops. The harness has no browser to open: when it signs in, it
 * prints "HARNESS_LOGIN <the provider's login address>", and whoever drives it (a browser test) opens it.
 *
 * With --restore-newest-if-corrupt a damaged archive is answered as the app's startup dialog does when
 * the user chooses to restore: the newest good backup is put in its place, the damaged file kept.
 * Any other problem with the archive (e.g. a write-protected one) is printed and the harness exits 1.
 * Prints "HARNESS_READY http://127.0.0.1:<port>" when it listens, which is before the archive is open:
 * it starts as the app does (electron/services/startup.ts), and the first page that connects plays
 * the window, which shows the progress of an update and after which the background work runs.
 */
import { createReadStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fail } from '../../shared/api/envelope';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { mimeTypeFor } from '../../electron/main/static-files';
import { ArchiveError } from '../../electron/archive/open';
// Not the services' index: what the start needs before it listens, and no more (startup.ts loads the rest).
import { restoreBackup } from '../../electron/archive/backup';
import { CorruptArchiveError } from '../../electron/services/startChecks';
import { beginStartup, type SharingSetup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import { deviceNameOf } from '../../electron/sync/sharing/deviceName';
import { signInStoreFile } from '../../electron/sync/signin/signInStore';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: 'dist/renderer' },
    demo: { type: 'boolean', default: false },
    'restore-newest-if-corrupt': { type: 'boolean', default: false },
    'sync-dir': { type: 'string' },
    'device-name': { type: 'string' },
    'indbakke-ms': { type: 'string' },
  },
});
if (!values.db) {
  console.error(
    'Brug: server.cjs --db <arkiv.sqlite> [--port 0] [--renderer dist/renderer] [--demo] [--restore-newest-if-corrupt] [--sync-dir <mappe>] [--device-name <navn>] [--indbakke-ms <ms>]',
  );
  process.exit(2);
}

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const services = start(values.db);

function sharingIn(archivePath: string): SharingSetup {
  const dir = resolve(values['sync-dir'] ?? `${archivePath}.deling`);
  // The folder is made when the first credential or sign-in is stored: a harness that never joins a server leaves none.
  const inFolder = <T extends { write(...args: never[]): void }>(file: T): T => ({
    ...file,
    write: (...args: Parameters<T['write']>) => (mkdirSync(dir, { recursive: true, mode: 0o700 }), file.write(...args)),
  });
  // How often a member's laptop looks for new senders to its forums' inboxes; shorter in the browser tests.
  const inboxPollMs = values['indbakke-ms'] === undefined ? undefined : Number(values['indbakke-ms']);
  return {
    credentials: inFolder(deviceCredentialsFile(join(dir, 'enhedsnoegler.json'))),
    signIns: { store: inFolder(signInStoreFile(join(dir, 'login.json'))), openBrowser: (url) => console.log(`HARNESS_LOGIN ${url}`) },
    deviceName: deviceNameOf(values['device-name'] ?? hostname()),
    ...(inboxPollMs ? { inboxPollMs } : {}),
  };
}

function start(archivePath: string): StartingApp {
  const sharing = sharingIn(archivePath);
  const startOn = () => beginStartup(archivePath, version, { demoOnFirstRun: values.demo, sharing });
  try {
    return startOn();
  } catch (error) {
    if (!(error instanceof CorruptArchiveError && error.newestBackup && values['restore-newest-if-corrupt'])) {
      // As the app's startup dialog: the Danish message, and no restore for anything but damage.
      if (!(error instanceof ArchiveError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
    const { keptAs } = restoreBackup(archivePath, error.newestBackup.fileName);
    console.error(
      `Arkivet er beskadiget; den nyeste gode sikkerhedskopi, ${error.newestBackup.fileName}, er gendannet. Det beskadigede arkiv er gemt som ${keptAs}.`,
    );
    return startOn();
  }
}
services.ready.then(
  () => console.log('HARNESS_ARCHIVE_OPEN'),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
const rendererRoot = resolve(values.renderer);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(res);
  if (url.pathname.startsWith('/api/') && req.method === 'POST') return invoke(url.pathname.slice(5), req, res);
  if (req.method === 'GET') return serveFile(url.pathname, res);
  res.writeHead(405).end();
});

function invoke(method: string, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', async () => {
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (size > MAX_BODY_BYTES) return reply(fail('ugyldigt_input', 'Forespørgslen er for stor.'));
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      return reply(fail('ugyldigt_input', 'Forespørgslen er ikke gyldig JSON.'));
    }
    reply(await services.dispatch(decodeURIComponent(method), input));
  });
}

function streamEvents(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': forbundet\n\n');
  const unsubscribe = services.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  res.on('close', unsubscribe);
  // As the app's window on 'ready-to-show': the first page that listens for events can show an
  // update's progress and what the background check finds; a harness no page opens never runs it.
  services.windowShown();
}

function serveFile(pathname: string, res: ServerResponse): void {
  const file = resolve(rendererRoot, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
  if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return void res.writeHead(404).end();
  // As the app's protocol (electron/main/protocol.ts): no page for a file that is not there. The
  // browser's own request for /favicon.ico then costs the start nothing, and is no window loading.
  if (!isFile(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Siden findes ikke.');
  // As the app's window once created: a page is loading, and an update waits for it to show.
  if (file === join(rendererRoot, 'index.html')) services.windowLoading();
  res.writeHead(200, {
    'content-type': mimeTypeFor(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function shutdown(): void {
  server.close();
  services.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`HARNESS_READY http://127.0.0.1:${port}`);
});
