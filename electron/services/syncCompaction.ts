import type { SyncCore } from '../sync/types';
import { quietTimer } from './quietTimer';

/**
 * Keeps the laptop's log of a shared forum's updates short (sync_update, electron/sync/README.md).
 *
 * Every write to a shared forum and every update the server sends is one more row in the log, and a document
 * is loaded from its stored state plus every row after it: left alone, the log grows for as long as the forum
 * is used, and so does the time to open each document. Here a document whose log holds `leastUpdates` rows is
 * folded into its state (SyncCore.compactDocument), one document per turn in the archive's order of writes,
 * so it never lands inside a write or an update being stored; once the archive has been quiet for a moment,
 * or after `mostWrites` writes even when it never is. What the server has not yet taken stays in the log.
 */
export interface SyncCompaction {
  /** A write was made, or the server's update stored. */
  wrote(): void;
  /** Stops for good (the archive is closing); a document already being folded is finished first. */
  stop(): void;
}

export interface SyncCompactionOptions {
  /** How long the archive must be quiet before the log is compacted; after the archive's own checkpoint (logCheckpoint.ts). */
  quietMs?: number;
  /** Writes after which the log is compacted even if the archive has not been quiet. */
  mostWrites?: number;
  /** Rows in a document's log that make it worth folding. */
  leastUpdates?: number;
  /** The pause between two documents, so a write waiting to be made comes first. */
  pauseMs?: number;
}

const DEFAULTS: Required<SyncCompactionOptions> = { quietMs: 4_000, mostWrites: 200, leastUpdates: 50, pauseMs: 20 };

/** `inTurn` runs the compaction of one document in the archive's order of writes (dispatch's waiter). */
export function syncCompaction(sync: () => SyncCore, inTurn: (compact: () => void) => Promise<void>, options: SyncCompactionOptions = {}): SyncCompaction {
  const { quietMs, mostWrites, leastUpdates, pauseMs } = { ...DEFAULTS, ...options };
  const next = quietTimer(() => void step());
  let writes = 0;
  let running: Promise<void> | null = null;
  /** Documents whose log could not be folded this session (an update that does not read); they are not tried again. */
  const failed = new Set<string>();

  function step(): Promise<void> {
    // One at a time; the writes made meanwhile plan the next.
    if (running) return running;
    writes = 0;
    running = inTurn(() => {
      const name = sync().documentsToCompact(leastUpdates).find((candidate) => !failed.has(candidate));
      if (name === undefined) return;
      try {
        sync().compactDocument(name);
        next.plan(pauseMs);
      } catch (error) {
        // The log is as it was, and the document loads from it as before; only its start stays slower.
        failed.add(name);
        console.error(`[deling] ${name}: loggen kunne ikke samles:`, error instanceof Error ? error.message : error);
        next.plan(pauseMs);
      }
    })
      .catch((error: unknown) => {
        // The archive is busy or closing: the next write plans it again.
        console.error('[deling] Loggen over delte dokumenter kunne ikke samles i denne omgang:', error instanceof Error ? error.message : error);
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    wrote() {
      writes += 1;
      next.plan(writes >= mostWrites ? pauseMs : quietMs);
    },
    stop: () => next.stop(),
  };
}
