import * as Y from 'yjs';
import type { AccessLoss, LocalDocuments } from '../../../electron/sync/transport/localDocuments';
import { documentName, parseDocumentName } from '../../../shared/sync/documents';

/** The origin of this laptop's own writes, so they are told apart from what the provider applies. */
const LOCAL_WRITE = Symbol('lokal skrivning');

/**
 * The laptop's documents held in memory, for the transport's tests only: the local document core stores
 * them in the archive. The forum index lists its meetings in the map 'moeder' (id → true).
 */
export class MemoryDocuments implements LocalDocuments {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly lastSeq = new Map<string, number>();
  private readonly acknowledged = new Map<string, number>();
  private readonly listeners = new Set<(name: string, update: Uint8Array, seq: number) => void>();
  /** What the transport said the server took away, in order. */
  readonly losses: { forumId: string; scope: AccessLoss; reason: string }[] = [];
  /** Remote updates in the order they were stored. */
  readonly stored: { name: string; update: Uint8Array }[] = [];

  /** withConfidential: whether this laptop asks for the meetings' confidential documents. */
  constructor(private readonly withConfidential = true) {}

  names(forumId: string): string[] {
    const meetings = [...this.docFor(documentName({ kind: 'forum', forumId })).getMap('moeder').keys()];
    return meetings.flatMap((meetingId) => [
      documentName({ kind: 'moede', forumId, meetingId }),
      ...(this.withConfidential ? [documentName({ kind: 'fortroligt', forumId, meetingId })] : []),
    ]);
  }

  docFor(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== LOCAL_WRITE) return;
        const seq = (this.lastSeq.get(name) ?? 0) + 1;
        this.lastSeq.set(name, seq);
        for (const listener of this.listeners) listener(name, update, seq);
      });
      this.docs.set(name, doc);
    }
    return doc;
  }

  /** A write made on this laptop, as a service would make it. */
  write(name: string, change: (doc: Y.Doc) => void): void {
    const doc = this.docFor(name);
    doc.transact(() => change(doc), LOCAL_WRITE);
  }

  onLocalUpdate(listener: (name: string, update: Uint8Array, seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lastLocalSeq(name: string): number {
    return this.lastSeq.get(name) ?? 0;
  }

  markAcknowledged(name: string, seq: number): void {
    this.acknowledged.set(name, Math.max(seq, this.acknowledged.get(name) ?? 0));
  }

  applyRemoteUpdate(name: string, update: Uint8Array): Promise<void> {
    this.stored.push({ name, update });
    return Promise.resolve();
  }

  copyWaiting(): boolean {
    return false;
  }

  pendingCount(forumId: string): number {
    let pending = 0;
    for (const [name, seq] of this.lastSeq) {
      if (parseDocumentName(name)?.forumId === forumId) pending += seq - (this.acknowledged.get(name) ?? 0);
    }
    return pending;
  }

  accessLost(forumId: string, scope: AccessLoss, reason: string): Promise<void> {
    this.losses.push({ forumId, scope, reason });
    return Promise.resolve();
  }
}
