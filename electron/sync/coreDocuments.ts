import type { LocalDocuments } from './transport/localDocuments';
import type { SyncCore } from './types';

/**
 * The transport's view of the local document core. A remote update is stored through `applyRemote`,
 * which the services give: it runs in the archive's order of writes and tells the windows what changed.
 */
export function coreDocuments(core: SyncCore, applyRemote: (name: string, update: Uint8Array) => Promise<void>): LocalDocuments {
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
      }
    },
    applyRemoteUpdate: applyRemote,
    pendingCount: (forumId) => core.pendingCount(forumId),
  };
}
