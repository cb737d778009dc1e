// The sync server's command line (`npm run server`): plain Node, no Electron. Built to dist/server/server.cjs.
import { routeLibraryConsole } from './libraryConsole';
import { jsonLinesLog } from './log';
import { Registry } from './membership/registry';
import { USAGE, UsageError, parseCommand, type Command } from './options';
import { openStorage, type Storage } from './storage/open';

const FIRST_ADMIN_VALID_SECONDS = 7 * 24 * 3600;

function describe(storage: Storage): string {
  return storage.kind === 'postgres' ? 'PostgreSQL' : `SQLite-fil i ${storage.dataDir}`;
}

async function invite(command: Extract<Command, { kind: 'invite' }>): Promise<void> {
  const db = await openStorage(command.storage);
  try {
    const registry = new Registry(db);
    if (command.forumId !== null && !(await registry.forumExists(command.forumId))) throw new UsageError('Forummet er ikke delt på serveren.');
    const { kode, udloeber } = await registry.createInvitation({
      forumId: command.forumId,
      ret: command.ret,
      kommuneAdmin: command.kommuneAdmin,
      navn: command.navn,
      createdBy: null,
      validSeconds: command.validDays * 24 * 3600,
      forumPersonId: command.forumPersonId,
    });
    process.stdout.write(`Invitationskode: ${kode}\nGælder til: ${udloeber}\n`);
  } finally {
    await db.close();
  }
}

async function start(command: Extract<Command, { kind: 'start' }>): Promise<void> {
  const db = await openStorage(command.storage);
  routeLibraryConsole(jsonLinesLog);
  // Loaded here, not at the top: `invite` and `--help` need none of Hocuspocus, Redis or ws.
  const { startServer } = await import('./app');
  const server = await startServer(db, command.server, jsonLinesLog);
  const url = `ws://${command.server.host}:${server.port}`;
  process.stdout.write(`Samtalerum-server lytter på ${url} (administration: http://${command.server.host}:${server.port}/api)\n`);
  process.stdout.write(`Lager: ${describe(command.storage)}\n`);
  if (!(await server.registry.hasPersons())) {
    const { kode, udloeber } = await server.registry.createInvitation({
      forumId: null,
      ret: null,
      kommuneAdmin: true,
      navn: 'Administrator',
      createdBy: null,
      validSeconds: FIRST_ADMIN_VALID_SECONDS,
    });
    process.stdout.write(`Første administrators invitationskode: ${kode} (gælder til ${udloeber}, kan bruges én gang)\n`);
  }
  jsonLinesLog({ event: 'started', url, storage: command.storage.kind });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.close();
    jsonLinesLog({ event: 'stopped' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

// One bad connection or a database hiccup must not take the server down for everyone: log it and go on.
process.on('unhandledRejection', (error) => jsonLinesLog({ event: 'internal-error', reason: error instanceof Error ? error.name : 'unknown' }));

async function main(): Promise<void> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  try {
    await (command.kind === 'invite' ? invite(command) : start(command));
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `Serveren kunne ikke starte: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

void main();
