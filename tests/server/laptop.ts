// A laptop as the sync server sees it: real Hocuspocus providers over one real WebSocket, recording
// every byte the server sends, and the administration API over HTTP.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { LAPTOP_SOCKET_COMPRESSION } from '../../shared/sync/socketCompression';

export interface Received {
  /** Every message the server sent this laptop, as raw bytes (as the socket hands them over, decompressed). */
  bytes: Buffer[];
}

export function recordingSocket(received: Received): new (address: string) => WebSocket {
  return class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      // Compressed as the app's laptop is, so the server's decompression is in every test.
      super(address, protocols, { perMessageDeflate: LAPTOP_SOCKET_COMPRESSION });
      this.on('message', (data: Buffer) => received.bytes.push(Buffer.from(data)));
    }
  };
}

export interface Opened {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves with 'synced' or the server's reason for refusing the document. */
  outcome: Promise<{ kind: 'synced' } | { kind: 'denied'; reason: string }>;
}

export class Laptop {
  readonly received: Received = { bytes: [] };
  readonly socket: HocuspocusProviderWebsocket;
  private readonly providers: HocuspocusProvider[] = [];

  constructor(
    url: string,
    readonly credential: string,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: recordingSocket(this.received), delay: 100, minDelay: 100, maxDelay: 1000 });
  }

  open(name: string, doc = new Y.Doc()): Opened {
    const provider = new HocuspocusProvider({ websocketProvider: this.socket, name, document: doc, token: this.credential });
    const outcome = new Promise<{ kind: 'synced' } | { kind: 'denied'; reason: string }>((resolve) => {
      provider.on('synced', () => resolve({ kind: 'synced' }));
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve({ kind: 'denied', reason }));
    });
    provider.attach();
    this.providers.push(provider);
    return { provider, doc, outcome };
  }

  /** Opens a document and fails the test unless the server lets the laptop in. */
  async sync(name: string): Promise<Opened> {
    const opened = this.open(name);
    const outcome = await within(opened.outcome, 10_000, `synkronisering af ${name}`);
    if (outcome.kind !== 'synced') throw new Error(`${name} blev afvist: ${outcome.reason}`);
    return opened;
  }

  receivedText(): string {
    return Buffer.concat(this.received.bytes).toString('latin1');
  }

  close(): void {
    this.providers.forEach((provider) => provider.destroy());
    this.socket.destroy();
  }
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Tiden løb ud: ${what}`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** Resolves once the server has acknowledged every change the provider sent; a bench of hundreds waits longer. */
export function acknowledged(provider: HocuspocusProvider, timeoutMs = 10_000): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      if (!provider.hasUnsyncedChanges) return resolve();
      const check = ({ number }: { number: number }): void => {
        if (number === 0) {
          provider.off('unsyncedChanges', check);
          resolve();
        }
      };
      provider.on('unsyncedChanges', check);
    }),
    timeoutMs,
    'kvittering fra serveren',
  );
}

export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'betingelsen'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Tiden løb ud: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function api<T = Record<string, unknown>>(
  http: string,
  method: string,
  path: string,
  options: { credential?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${http}${path}`, {
    method,
    headers: {
      ...(options.credential && { Authorization: `Bearer ${options.credential}` }),
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}
