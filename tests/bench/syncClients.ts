/**
 * Simulated laptops for the sync benchmarks: one real `HocuspocusProviderWebsocket` per laptop over `ws`,
 * one `HocuspocusProvider` per document, and a count of the raw bytes its TCP socket read and wrote
 * (WebSocket frames and all, compressed as the app's laptop compresses them). Members and devices are made
 * through the server's own HTTP API.
 */
import { connect, type NetConnectOpts, type Socket } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket, { type ClientOptions } from 'ws';
import * as Y from 'yjs';
import { LAPTOP_SOCKET_COMPRESSION } from '../../shared/sync/socketCompression';
import { acknowledged, api, within } from '../server/laptop';
import type { ServerProcess } from '../server/serverProcess';

export interface Device {
  personId: string;
  deviceId: string;
  credential: string;
}

export class BenchLaptop {
  readonly socket: HocuspocusProviderWebsocket;
  private readonly tcp: Socket[] = [];
  private readonly providers: HocuspocusProvider[] = [];

  constructor(url: string, readonly credential: string) {
    const sockets = this.tcp;
    class CountingWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
        super(address, protocols, {
          ...options,
          // As the app's laptop opens its socket (electron/sync/transport/serverConnection.ts).
          perMessageDeflate: LAPTOP_SOCKET_COMPRESSION,
          // ws only ever calls it with options; the type is net's overloaded connect.
          createConnection: ((opts: NetConnectOpts) => {
            const socket = connect(opts);
            sockets.push(socket);
            return socket;
          }) as typeof connect,
        });
      }
    }
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CountingWebSocket, delay: 50, minDelay: 50, maxDelay: 500 });
  }

  /** Opens a document (with the content it already holds) and resolves once it is synced. */
  open(name: string, doc = new Y.Doc()): Promise<HocuspocusProvider> {
    const provider = new HocuspocusProvider({ websocketProvider: this.socket, name, document: doc, token: this.credential });
    this.providers.push(provider);
    const synced = new Promise<HocuspocusProvider>((resolve, reject) => {
      provider.on('synced', () => resolve(provider));
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(`${name} blev afvist: ${reason}`)));
    });
    provider.attach();
    return within(synced, 120_000, `synkronisering af ${name}`);
  }

  /** Bytes read and written on the laptop's TCP connections so far. */
  wireBytes(): number {
    return this.tcp.reduce((sum, socket) => sum + socket.bytesRead + socket.bytesWritten, 0);
  }

  close(): void {
    this.providers.splice(0).forEach((provider) => provider.destroy());
    this.socket.destroy();
  }
}

/** Resolves once the server has acknowledged (stored) everything the providers sent. */
export function allAcknowledged(providers: HocuspocusProvider[]): Promise<void[]> {
  // Long enough for hundreds of documents on a busy machine.
  return Promise.all(providers.map((provider) => acknowledged(provider, 120_000)));
}


async function post<T>(server: ServerProcess, path: string, body: unknown, credential?: string): Promise<T> {
  const { status, body: answer } = await api<T & { fejl?: string }>(server.http, 'POST', path, { body, credential });
  if (status !== 201) throw new Error(`POST ${path} gav ${status}: ${answer.fejl ?? ''}`);
  return answer;
}

/** The kommune's first administrator's device, from the code the server printed. */
export function firstAdmin(server: ServerProcess): Promise<Device> {
  if (!server.firstAdminCode) throw new Error('Serveren skrev ingen invitationskode til den første administrator.');
  return post<Device>(server, '/api/invitationer/indloes', { kode: server.firstAdminCode, enhedsnavn: 'Kommunens bærbar' });
}

/** Shares a forum under its archive id; the one who shares becomes its administrator and member. */
export async function shareForum(server: ServerProcess, admin: Device, forumId: string, navn: string): Promise<void> {
  await post(server, '/api/fora', { forumId, navn }, admin.credential);
}

/** A new member's new laptop in the forum: an invitation from the administrator, redeemed. */
export async function newMember(server: ServerProcess, admin: Device, forumId: string, enhedsnavn: string): Promise<Device> {
  const { kode } = await post<{ kode: string }>(server, `/api/fora/${forumId}/invitationer`, { ret: 'medlem', navn: enhedsnavn }, admin.credential);
  return post<Device>(server, '/api/invitationer/indloes', { kode, enhedsnavn });
}
