import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database as DatabaseExtension } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { documentName } from '../shared/sync/documents';
import { SERVER_SOCKET_COMPRESSION } from '../shared/sync/socketCompression';
import { Callers } from './auth/callers';
import { IdTokenVerifier, type OidcSettings } from './auth/idTokens';
import { Sessions, type SessionLifetimes } from './auth/sessions';
import { administrationApi } from './http/api';
import { inboxRoutes } from './http/inboxRoutes';
import { loginRoutes } from './http/loginRoutes';
import type { Log } from './log';
import { Registry } from './membership/registry';
import type { Database } from './storage/database';
import { DocumentStore } from './storage/documentStore';
import { CLOSE_POLICY, type ConnectionContext, type SocketSession } from './sync/context';
import { enforceAccess, type Scope } from './sync/enforcement';
import { guard } from './sync/guard';
import { MeetingLocks } from './sync/meetingLocks';
import { RateLimit } from './sync/rateLimit';

const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ServerOptions {
  host: string;
  port: number;
  redis: { host: string; port: number } | null;
  /** The largest WebSocket message accepted; a bigger one closes the socket (1009). */
  maxMessageBytes: number;
  rate: { perSecond: number; burst: number };
  /** How many documents one socket may hold open (a laptop opens every meeting of its forums). */
  maxDocumentsPerSocket: number;
  /** How often, with several instances, open connections are checked against the membership table. */
  recheckSeconds: number;
  /** The kommune's identity provider, or null: then laptops join with invitation codes only. */
  oidc: OidcSettings | null;
  sessions: SessionLifetimes;
}

export interface RunningServer {
  port: number;
  registry: Registry;
  stop(): Promise<void>;
}

function requestOf(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(`http://server${incoming.url ?? '/'}`, { headers });
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The kommune's sync server: Hocuspocus behind our own HTTP and WebSocket server, so that every socket is
 * rate limited and size limited before a byte reaches Hocuspocus, and the administration API shares the port.
 */
export async function startServer(db: Database, options: ServerOptions, log: Log): Promise<RunningServer> {
  const registry = new Registry(db);
  const sessions = new Sessions(db, options.sessions);
  const callers = new Callers(registry, sessions);
  const documents = new DocumentStore(db, (document) => log({ event: 'damaged-update', document }));
  const locks = new MeetingLocks(({ forumId, meetingId }) => {
    log({ event: 'referat-locked', forum: forumId, document: documentName({ kind: 'moede', forumId, meetingId }) });
    registry.lockMeeting(forumId, meetingId, new Date().toISOString()).catch(() => log({ event: 'store-failed', reason: 'lock', forum: forumId }));
  });

  const extensions: Extension[] = [
    new DatabaseExtension({
      fetch: ({ documentName }) => documents.load(documentName),
      store: ({ documentName, state }) => documents.compact(documentName, state),
    }),
    guard(registry, callers, documents, locks, log, options.maxDocumentsPerSocket),
  ];
  if (options.redis) extensions.unshift(new Redis({ host: options.redis.host, port: options.redis.port }));

  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions,
    // A laptop opens every meeting of its forums on one socket before the first is authenticated.
    maxPendingDocuments: 5000,
    maxUnauthenticatedQueueMessages: 20_000,
  });

  const enforce = (scope: Scope) => enforceAccess(hocuspocus, registry, sessions, locks, log, scope);
  const login = options.oidc && { settings: options.oidc, verifier: new IdTokenVerifier(options.oidc) };
  const api = administrationApi(registry, callers, log, enforce, [...loginRoutes(login, sessions, registry, log, enforce), ...inboxRoutes(registry, documents)]);
  // A client that trickles its headers or body (slowloris) would hold a socket for minutes with Node's
  // defaults; these bounds are generous for a laptop's small JSON calls and checked every second.
  const http = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    (request, response) => void api(request, response),
  );
  // maxPayload bounds a compressed message by its size after inflating: ws counts the inflated bytes.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: SERVER_SOCKET_COMPRESSION });
  http.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, request)));

  const accept = (ws: WebSocket, request: IncomingMessage): void => {
    const session: SocketSession = {
      id: randomUUID(),
      documents: new Set(),
      close: (code, reason) => {
        if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
      },
    };
    const client = hocuspocus.handleConnection(ws, requestOf(request), { socket: session } satisfies ConnectionContext);
    const limit = new RateLimit(options.rate.perSecond, options.rate.burst);
    let refused = false;
    const refuse = (reason: string): void => {
      if (refused) return;
      refused = true;
      log({ event: 'refused', reason, socket: session.id });
      session.close(CLOSE_POLICY, reason);
    };
    ws.on('message', (data, isBinary) => {
      if (refused) return;
      if (!isBinary) return refuse('unknown-message-type');
      if (!limit.take()) return refuse('flood');
      client.handleMessage(bytesOf(data));
    });
    // ws reports a message over maxPayload as an error, then closes the socket with 1009.
    ws.on('error', (error: Error & { code?: string }) => {
      log({ event: 'refused', reason: error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'oversized' : 'socket-error', socket: session.id });
    });
    ws.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
  };

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const recheck = options.redis
    ? setInterval(() => void enforce({}).catch(() => log({ event: 'recheck-failed' })), options.recheckSeconds * 1000)
    : null;

  return {
    port: (http.address() as AddressInfo).port,
    registry,
    stop: async () => {
      if (recheck) clearInterval(recheck);
      sockets.clients.forEach((ws) => ws.close(1001, 'server-stopping'));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      hocuspocus.flushPendingStores();
      const deadline = Date.now() + 5000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
