import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Backoff } from './backoff';
import { DocumentLink, type DocumentLinkEvents, type SyncToken } from './documentLink';
import type { LocalDocuments } from './localDocuments';
import type { SyncLog } from './syncLog';

/** The WebSocket class the socket is opened with: `ws` in Node; a test may pass one that records what arrives. */
export type WebSocketClass = new (address: string) => WebSocket;

export interface ServerConnectionOptions {
  url: string;
  /** Sent as the token of every document. */
  token: SyncToken;
  backoff: Backoff;
  local: LocalDocuments;
  events: DocumentLinkEvents;
  log: SyncLog;
  /** Called when the socket opens or closes. */
  onSocketStatus(): void;
  webSocket?: WebSocketClass;
}

/**
 * One socket to one server, carrying every shared document the laptop holds there (Hocuspocus
 * multiplexes them; each is authenticated on its own). It retries with the backoff for as long as it
 * carries a document, and closes when it carries none.
 */
export class ServerConnection {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly links = new Map<string, DocumentLink>();
  private wasConnected = false;

  constructor(private readonly options: ServerConnectionOptions) {
    const { backoff } = options;
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: withErrorsHeard(options.webSocket ?? WebSocket),
      // Connects when the first document is attached.
      autoConnect: false,
      initialDelay: 0,
      delay: backoff.firstDelayMs,
      factor: 2,
      minDelay: backoff.minDelayMs,
      maxDelay: backoff.maxDelayMs,
      jitter: true,
      maxAttempts: 0,
      onStatus: ({ status }) => this.statusChanged(status),
    });
  }

  get url(): string {
    return this.options.url;
  }

  get token(): SyncToken {
    return this.options.token;
  }

  get connected(): boolean {
    return this.socket.status === WebSocketStatus.Connected;
  }

  link(name: string): DocumentLink | undefined {
    return this.links.get(name);
  }

  /** withPresence: see DocumentLink; the transport gives it to each forum index. */
  attach(name: string, withPresence: boolean): DocumentLink {
    const existing = this.links.get(name);
    if (existing) return existing;
    const { token, local, events, log } = this.options;
    const link = new DocumentLink(name, this.socket, token, local, events, log, withPresence);
    const first = this.links.size === 0;
    this.links.set(name, link);
    if (first) void this.socket.connect();
    return link;
  }

  /** Stops a document; the socket closes when it was the last one. */
  detach(name: string): void {
    const link = this.links.get(name);
    if (!link) return;
    this.links.delete(name);
    link.stop();
    if (this.links.size === 0) this.socket.disconnect();
  }

  /** Stops every document whose name passes the test (e.g. all of one forum's). */
  detachWhere(test: (name: string) => boolean): void {
    for (const name of [...this.links.keys()]) if (test(name)) this.detach(name);
  }

  /** The network came back (or changed): try now instead of when the backoff says. */
  retryNow(): void {
    if (this.links.size > 0 && !this.connected) void this.socket.connect();
  }

  close(): void {
    for (const link of this.links.values()) link.stop();
    this.links.clear();
    this.socket.destroy();
  }

  private statusChanged(status: WebSocketStatus): void {
    const connected = status === WebSocketStatus.Connected;
    if (connected !== this.wasConnected) {
      this.wasConnected = connected;
      this.options.log(connected ? 'forbundet' : 'forbindelse-tabt', { server: this.options.url });
    }
    this.options.onSocketStatus();
  }
}

/**
 * The provider stops listening to a socket it gives up (cleanupWebSocket) and then closes it; a socket
 * still connecting then emits 'error', and an 'error' nobody hears ends the Node process, which in the
 * app is the main process. Every socket therefore always has a listener that lets it pass: while the
 * provider listens, it hears the error too and acts on it.
 */
function withErrorsHeard(Base: WebSocketClass): WebSocketClass {
  return class extends Base {
    constructor(address: string) {
      super(address);
      this.on('error', () => {});
    }
  };
}
