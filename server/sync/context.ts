import type { Connection } from '@hocuspocus/server';

/** One laptop's WebSocket: the server closes it whole when its device is revoked or it misbehaves. */
export interface SocketSession {
  id: string;
  /** The documents this socket has open or is opening, by name. */
  documents: Set<string>;
  close(code: number, reason: string): void;
}

/**
 * What the server knows about one document on one socket, set in onAuthenticate. Hocuspocus copies the
 * socket's context into each document's, so `socket` is shared by all documents of a laptop.
 */
export interface ConnectionContext {
  socket: SocketSession;
  personId?: string;
  deviceId?: string;
  /** Set when the laptop signed in with the kommune's identity provider (server/auth/sessions.ts). */
  sessionId?: string;
  forumId?: string;
}

export function contextOf(connection: Connection): ConnectionContext {
  return connection.context as ConnectionContext;
}

/** WebSocket close codes the laptop can act on (4000–4999 are the application's own). */
// 4410, not Hocuspocus's own 4401 (Unauthorized), so a laptop can tell «this device is revoked» apart.
export const CLOSE_REVOKED = 4410;
export const CLOSE_FORBIDDEN = 4403;
/** The sign-in this socket was opened with was ended (signed out, or revoked): sign in again, nothing is lost. */
export const CLOSE_SIGNED_OUT = 4411;
export const CLOSE_POLICY = 1008;
/** A change the writer may not make (an approval or consent for another person): the document is closed, the socket stays. */
export const CLOSE_REFUSED_CHANGE = 4422;
export const CLOSE_STORE_FAILED = 1011;
