/**
 * A small Hocuspocus server for the transport's tests, run as its own process so a test can kill it
 * (kill -9) and start it again on the same port and storage. It speaks the protocol the kommune's
 * server speaks: the token is the device credential; a member (medlem) writes, a reader (læser) only
 * reads and never gets a forum's confidential documents; anyone else is refused.
 *
 *   sync-server --db <sqlite file> --rights <json file> [--port <n>] [--max-pending <n>]
 *
 * The rights file is read at every authentication: { "<token>": { "<forumId>": "medlem" | "laeser" } }.
 * It prints "LYTTER <port>" once listening and "FORBINDELSE" for every socket that connects.
 */
import { readFileSync } from 'node:fs';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';
import { parseDocumentName } from '../../../shared/sync/documents';

type Right = 'medlem' | 'laeser';

function arg(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
}

const dbPath = arg('--db') ?? ':memory:';
const rightsPath = arg('--rights') ?? '';
const port = Number(arg('--port') ?? '0');
const maxPendingDocuments = Number(arg('--max-pending') ?? '1000');

const db = new BetterSqlite3(dbPath);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS dokumenter (navn TEXT PRIMARY KEY, tilstand BLOB NOT NULL)');
const read = db.prepare<[string], { tilstand: Buffer }>('SELECT tilstand FROM dokumenter WHERE navn = ?');
const write = db.prepare('INSERT INTO dokumenter (navn, tilstand) VALUES (?, ?) ON CONFLICT (navn) DO UPDATE SET tilstand = excluded.tilstand');

function rightOf(token: string, forumId: string): Right | undefined {
  const table = JSON.parse(readFileSync(rightsPath, 'utf8')) as Record<string, Record<string, Right>>;
  return table[token]?.[forumId];
}

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  maxPendingDocuments,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const row = read.get(documentName);
        return row ? new Uint8Array(row.tilstand) : null;
      },
      store: async ({ documentName, state }) => {
        write.run(documentName, state);
      },
    }),
  ],
  async onAuthenticate({ token, documentName, connectionConfig }) {
    const doc = parseDocumentName(documentName);
    if (!doc) throw new Error('ukendt dokument');
    const right = rightOf(token, doc.forumId);
    if (!right) throw new Error('ingen adgang');
    if (right === 'laeser') {
      if (doc.kind === 'fortroligt') throw new Error('kun for medlemmer');
      connectionConfig.readOnly = true;
    }
  },
});

server.httpServer.on('upgrade', () => console.log('FORBINDELSE'));
void server.listen().then(() => console.log(`LYTTER ${server.address.port}`));
