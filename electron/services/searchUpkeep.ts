import type { SqliteDb } from '../archive/open';
import { quietTimer } from './quietTimer';

/**
 * Keeps the search index compact without making a user's write wait for it.
 *
 * FTS5 adds a small segment to its index for every write; merging them is work that, left to FTS5
 * (automerge), happens inside whichever write comes along, and once in about a hundred autosaves that
 * write waited a fifth of a second for a merge of the large segments. Migration 010 turns that off.
 * Instead, when the archive has been quiet for a moment after a write, the index is merged here in
 * small steps, each its own short statement, with a pause between them so a write the user makes in
 * the meantime is never held up by more than one step. A new write puts the merging off again.
 */
export interface SearchUpkeep {
  /** A write has been made: merge once the archive has been quiet for a while. */
  wrote(): void;
  /** Stops for good (the archive is closing); a step already planned is not taken. */
  stop(): void;
}

export interface SearchUpkeepOptions {
  /** How long the archive must be quiet before merging starts. */
  quietMs?: number;
  /** Index pages merged per step: a few milliseconds of work. */
  pagesPerStep?: number;
  /** Pause between steps, so a write waiting to be made comes first. */
  pauseMs?: number;
}

const DEFAULTS: Required<SearchUpkeepOptions> = { quietMs: 2_000, pagesPerStep: 64, pauseMs: 20 };

/** `archive` is asked anew for every step: a restored backup replaces the archive under the services. */
export function searchUpkeep(archive: () => SqliteDb, options: SearchUpkeepOptions = {}): SearchUpkeep {
  const { quietMs, pagesPerStep, pauseMs } = { ...DEFAULTS, ...options };
  const next = quietTimer(() => {
    if (mergeStep(archive(), pagesPerStep)) next.plan(pauseMs);
  });

  return {
    wrote: () => next.plan(quietMs),
    stop: () => next.stop(),
  };
}

/**
 * One step of merging; true when there may be more to merge. FTS5 says it did nothing by changing
 * fewer than two rows (the documented test for the 'merge' command).
 */
export function mergeStep(db: SqliteDb, pages: number): boolean {
  if (!db.open) return false;
  try {
    const before = totalChanges(db);
    db.prepare("INSERT INTO search (search, rank) VALUES ('merge', ?)").run(pages);
    return totalChanges(db) - before >= 2;
  } catch (error) {
    // Another program holds the archive, or the disk is full: the index is still right, only less
    // compact, and the next write tries again.
    console.error('Søgeindekset kunne ikke samles i denne omgang:', error instanceof Error ? error.message : error);
    return false;
  }
}

function totalChanges(db: SqliteDb): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
