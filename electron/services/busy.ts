/**
 * Another program may hold the archive's write lock for a while: the command line, a second
 * Samtalerum on a shared drive, a backup tool. better-sqlite3 waits synchronously, so a long
 * busy_timeout would freeze the window; the archive waits only briefly (see open.ts) and the waiting
 * happens here, between attempts, with the event loop free.
 */

/** How long a call waits in all for the archive before it gives up with a message. */
export const ARCHIVE_WAIT_MS = 10_000;
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 250;

/** The archive could not be used in time (or the app closed meanwhile); nothing was changed. */
export class ArchiveWaitError extends Error {
  override readonly name = 'ArchiveWaitError';
}

export const ARCHIVE_BUSY_MESSAGE =
  'Arkivet bruges af et andet program lige nu, fx kommandolinjen eller Samtalerum på en anden computer. Intet blev ændret. Prøv igen om lidt.';
const CLOSING_MESSAGE = 'Samtalerum er ved at lukke. Ændringen blev ikke gemt.';

export function isArchiveBusy(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

export interface ArchiveWaiter {
  /**
   * Runs the attempt now and again after growing pauses while the archive is busy. Ordered attempts
   * (writes) run one after another in the order given, so a later write never lands before an
   * earlier one that had to wait, e.g. two autosaves of the same notes.
   */
  run<T>(attempt: () => T | Promise<T>, ordered: boolean): Promise<T>;
}

export function archiveWaiter(isClosed: () => boolean, waitMs = ARCHIVE_WAIT_MS): ArchiveWaiter {
  let tail: Promise<void> | null = null;

  async function withRetries<T>(attempt: () => T | Promise<T>): Promise<T> {
    const started = Date.now();
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      if (isClosed()) throw new ArchiveWaitError(CLOSING_MESSAGE);
      try {
        // The first attempt runs synchronously: without contention a write is done within the call.
        return await attempt();
      } catch (error) {
        if (!isArchiveBusy(error)) throw error;
        if (Date.now() - started + pause > waitMs) throw new ArchiveWaitError(ARCHIVE_BUSY_MESSAGE);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  return {
    run(attempt, ordered) {
      if (!ordered) return withRetries(attempt);
      const turn = tail === null ? withRetries(attempt) : tail.then(() => withRetries(attempt));
      const settled = turn.then(
        () => undefined,
        () => undefined,
      );
      tail = settled;
      void settled.then(() => {
        if (tail === settled) tail = null;
      });
      return turn;
    },
  };
}
