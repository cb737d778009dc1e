import { randomUUID } from 'node:crypto';
import type { Backoff } from '../../../electron/sync/transport/backoff';
import { createSyncTransport, type SyncTransport } from '../../../electron/sync/transport/syncTransport';
import type { WebSocketClass } from '../../../electron/sync/transport/serverConnection';
import { documentName } from '../../../shared/sync/documents';
import { MemoryDocuments } from './memoryDocuments';

/** Short delays, so a test sees several attempts in seconds; the shape (doubling, jitter, cap) is the app's. */
export const TEST_BACKOFF: Backoff = { firstDelayMs: 200, minDelayMs: 100, maxDelayMs: 2000 };

export interface Laptop {
  docs: MemoryDocuments;
  transport: SyncTransport;
  /** What the transport logged: event and fields, as the log file would hold them. */
  logged: string[];
  /** A new device credential, as when an invitation has been redeemed again. */
  setToken(token: string): void;
}

export function laptop(
  serverUrl: string,
  token: string,
  options: { withConfidential?: boolean; webSocket?: WebSocketClass; backoff?: Backoff } = {},
): Laptop {
  const docs = new MemoryDocuments(options.withConfidential ?? true);
  const logged: string[] = [];
  let credential = token;
  const transport = createSyncTransport({
    local: docs,
    credentialFor: (url) => (url === serverUrl ? credential : null),
    backoff: options.backoff ?? TEST_BACKOFF,
    log: (event, fields) => logged.push(`${event} ${JSON.stringify(fields)}`),
    webSocket: options.webSocket,
  });
  return { docs, transport, logged, setToken: (next) => (credential = next) };
}

export const forumIndex = (forumId: string) => documentName({ kind: 'forum', forumId });
export const meetingDoc = (forumId: string, meetingId: string) => documentName({ kind: 'moede', forumId, meetingId });
export const confidentialDoc = (forumId: string, meetingId: string) => documentName({ kind: 'fortroligt', forumId, meetingId });

/** Adds a meeting to the forum index on this laptop, as creating a meeting does. */
export function addMeeting(docs: MemoryDocuments, forumId: string, meetingId: string = randomUUID()): string {
  docs.write(forumIndex(forumId), (doc) => doc.getMap('moeder').set(meetingId, true));
  return meetingId;
}

/** Resolves when the predicate holds; checks after every status change and every 50 ms. */
export async function until(what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Ventede forgæves på: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
