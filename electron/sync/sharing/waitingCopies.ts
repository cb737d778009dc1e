import type { ArchiveServices } from '../../services/dispatch';
import type { SyncLog } from '../transport/syncLog';
import type { SyncTransport } from '../transport/syncTransport';
import type { SyncCore } from '../types';

/** How long one wait for the server's documents lasts before the laptop looks again (offline, it goes on waiting). */
const ARRIVAL_WAIT_MS = 60_000;

/**
 * A forum joined with a copy of it on the laptop (electron/sync/joiningCopy.ts): once every one of its documents the
 * server holds has arrived and is stored, the copy is merged in, in the archive's order of writes. Until then the
 * laptop waits, offline too; a laptop that stops first merges after its next start (`resume`).
 */
export function waitingCopies(options: { core: SyncCore; services: ArchiveServices; transport: SyncTransport; log: SyncLog; closed: () => boolean }) {
  const { core, services, transport, log } = options;
  const merging = new Set<string>();

  async function mergeWhenArrived(forumId: string): Promise<void> {
    if (merging.has(forumId)) return;
    merging.add(forumId);
    try {
      while (!options.closed() && core.copiesWaiting().includes(forumId)) {
        const status = transport.statuses().find((s) => s.forumId === forumId);
        // Refused or no longer shared: nothing will arrive, and the copy stays the laptop's own rows.
        if (!status || status.state === 'adgang-fjernet') return;
        try {
          await transport.settled(forumId, ARRIVAL_WAIT_MS);
        } catch {
          continue;
        }
        if (options.closed()) return;
        await services.inTurn('sync.remote', () => ({ value: undefined, changes: core.mergeWaitingCopy(forumId) }));
        log('kopi-flettet', { forum: forumId });
      }
    } catch (error) {
      // The copy stays waiting in the archive; the next start tries again.
      log('kopi-ikke-flettet', { forum: forumId, aarsag: error instanceof Error ? error.name : 'ukendt' });
    } finally {
      merging.delete(forumId);
    }
  }

  return {
    /** Merges the forum's copy once its documents are here, if one waits. */
    merge(forumId: string): void {
      if (core.copiesWaiting().includes(forumId)) void mergeWhenArrived(forumId);
    },
    /** At start: every copy still waiting. */
    resume(): void {
      for (const forumId of core.copiesWaiting()) void mergeWhenArrived(forumId);
    },
  };
}
