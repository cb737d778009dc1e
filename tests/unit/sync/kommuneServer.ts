// The kommune's real sync server (server/app.ts) in this process on a fresh SQLite file, for the laptop's
// sign-in tests: they need its login endpoints, not a process to kill.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerOptions } from '../../../server/app';
import type { OidcSettings } from '../../../server/auth/idTokens';
import type { LogEvent } from '../../../server/log';
import { openStorage } from '../../../server/storage/open';

export interface InProcessServer {
  http: string;
  url: string;
  logs: LogEvent[];
  /** A one-time code for a kommune administrator, as `npm run server -- invite --admin` prints it. */
  adminInvitation(): Promise<string>;
  stop(): Promise<void>;
}

export async function startKommuneServer(oidc: OidcSettings | null, sessions = { tokenSeconds: 900, sessionSeconds: 12 * 3600 }): Promise<InProcessServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samtalerum-login-'));
  const db = await openStorage({ kind: 'sqlite', dataDir });
  const logs: LogEvent[] = [];
  const options: ServerOptions = {
    host: '127.0.0.1',
    port: 0,
    redis: null,
    maxMessageBytes: 8 * 1024 * 1024,
    rate: { perSecond: 300, burst: 6000 },
    maxDocumentsPerSocket: 5000,
    recheckSeconds: 5,
    oidc,
    sessions,
  };
  const server = await startServer(db, options, (entry) => logs.push(entry));
  return {
    http: `http://127.0.0.1:${server.port}`,
    url: `ws://127.0.0.1:${server.port}`,
    logs,
    adminInvitation: async () =>
      (await server.registry.createInvitation({ forumId: null, ret: null, kommuneAdmin: true, navn: 'Administrator', createdBy: null, validSeconds: 3600 })).kode,
    stop: async () => {
      await server.stop();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
