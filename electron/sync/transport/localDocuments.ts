import type * as Y from 'yjs';

/**
 * What the server took away: the whole forum (the person removed, the device revoked) or only its
 * confidential documents (the person's right lowered to læser).
 */
export type AccessLoss = 'forum' | 'fortroligt';

/**
 * The laptop's own copy of the shared documents, as the transport needs it. The local document core
 * (the codec, the mirror of the rows into Yjs, the projection back and the local update log)
 * implements it; the transport only carries updates between it and the server.
 *
 * The transport attaches one provider to each live document, so the provider both sends what is
 * written locally (the document's own 'update' event) and applies what arrives into the same document,
 * with the provider as the transaction's origin. Hence:
 * - a local write is applied once, by the core; the transport never applies or sends it itself;
 * - a remote update is already in docFor(name) when applyRemoteUpdate is called; the core stores and
 *   projects it and must not log it as a local write.
 */
export interface LocalDocuments {
  /** The names of the shared documents of one forum that this laptop holds or should hold. */
  names(forumId: string): readonly string[];
  /** The live document of that name; an empty one when the laptop has none yet (a meeting made elsewhere). */
  docFor(name: string): Y.Doc;
  /**
   * Calls listener after each local write's update has been made durable in the local log, with the
   * log's sequence number for it (increasing per document). Returns a function that stops it.
   */
  onLocalUpdate(listener: (name: string, update: Uint8Array, seq: number) => void): () => void;
  /**
   * The sequence number of the newest local write of the document in the log (0 for none): writes made
   * before the transport started (offline, in an earlier session) are acknowledged by it.
   */
  lastLocalSeq(name: string): number;
  /**
   * The server has applied every local update of the document up to seq. The log may fold them into the
   * document's stored state, but must keep their content: a server that crashes before it has written
   * them to disk has them no more, and the next handshake sends them again from the document's state.
   */
  markAcknowledged(name: string, seq: number): void;
  /** Stores and projects an update that came from the server; resolves once it is durable. */
  applyRemoteUpdate(name: string, update: Uint8Array): Promise<void>;
  /** Local updates of the forum's documents that the server has not acknowledged. */
  pendingCount(forumId: string): number;
  /** Whether a copy of the forum held before joining waits for the server's documents, to be merged in. */
  copyWaiting(forumId: string): boolean;
  /**
   * The server refused the forum or its confidential part for good (not an ended sign-in): the laptop
   * removes what it may no longer hold (SyncCore.accessLost). Resolves when that is durable.
   */
  accessLost(forumId: string, scope: AccessLoss, reason: string): Promise<void>;
}
