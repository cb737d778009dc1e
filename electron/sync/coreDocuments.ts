import type { AccessLoss, LocalDocuments } from './transport/localDocuments';
import type { SyncCore } from './types';

/** What the services give the transport: both run in the archive's order of writes and tell the windows what changed. */
export interface InTurn {
  applyRemote(name: string, update: Uint8Array): Promise<void>;
  loseAccess(forumId: string, scope: AccessLoss, reason: string): Promise<void>;
  /** Locks the referat of the document's meeting if its lock waited for the server to take this laptop's updates. */
  lockAwaited(name: string): Promise<void>;
}

/**
 * The transport's view of the local document core. A remote update and a refusal that takes content away go
 * through the services (`InTurn`), never straight into the core, so neither lands inside a local write.
 */
export function coreDocuments(core: SyncCore, services: InTurn): LocalDocuments {
  return {
    names: (forumId) => core.documentNames(forumId),
    docFor: (name) => core.docFor(name),
    // The core calls its listeners after the write's transaction has committed, with the log's seq.
    onLocalUpdate: (listener) => core.onLocalUpdate(({ name, update, seq }) => listener(name, update, seq)),
    lastLocalSeq: (name) => core.lastLocalSeq(name),
    markAcknowledged(name, seq) {
      try {
        core.markAcknowledged(name, seq);
      } catch (error) {
        // The archive was busy for a moment: the update still counts as waiting, and the next acknowledgement covers it.
        console.error(`[deling] kvittering-ikke-gemt dokument=${name} aarsag=${error instanceof Error ? error.name : 'ukendt'}`);
        return;
      }
      // The server now holds what was written here: a referat approved by all may be locked (awaitedLock.ts).
      services.lockAwaited(name).catch((error: unknown) => {
        // The next acknowledgement, remote update or start tries again.
        console.error(`[deling] laas-ikke-skrevet dokument=${name} aarsag=${error instanceof Error ? error.name : 'ukendt'}`);
      });
    },
    applyRemoteUpdate: (name, update) => services.applyRemote(name, update),
    accessLost: (forumId, scope, reason) => services.loseAccess(forumId, scope, reason),
    pendingCount: (forumId) => core.pendingCount(forumId),
    copyWaiting: (forumId) => core.copiesWaiting().includes(forumId),
  };
}
