import { isTransactionOrigin, type Document } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName, parseDocumentName } from '../../shared/sync/documents';
import { contextOf } from './context';
import { holdsLockedVersion } from './lockersWrite';

export interface MeetingKey {
  forumId: string;
  meetingId: string;
}

/** How long after the lock the locking laptop's own write of the locked version to the fortroligt document is taken. */
export const LOCK_GRACE_MS = 30_000;

/** The laptop whose update locked a meeting, while its write to the fortroligt document may still come. */
interface Locker {
  deviceId: string;
  lockedAt: string;
  until: number;
}

/**
 * Meetings whose referat is locked, as this instance has seen them. The lock is written by a laptop into the
 * meeting document (`moede.referatLaast`); the server notices it the moment the update is applied, records
 * it, and makes every open connection to the meeting's documents read-only on the spot. A meeting is keyed
 * by forum and id: locking a meeting in one forum never touches a meeting with the same id in another.
 *
 * The locking laptop writes the locked version in both documents, and the two travel as two messages that the
 * server handles side by side, so the fortroligt one may come after the lock. The rule for it: the device whose
 * update locked the meeting (the transaction's origin connection) may still write to the fortroligt document for
 * LOCK_GRACE_MS, once, and only an update that changes nothing but referat versions (and adds keys of the
 * approvals' hash) and leaves the version approved at the lock's time (lockersWrite.ts). So nobody can change a
 * locked meeting's confidential items, decisions or comments: the locker may only write the version it locked,
 * which it had just written to the meeting document anyway; every other device is refused at once. A lock seen without a connection (already
 * stored, or from another instance through Redis) grants nothing: the locker's socket is on the instance that
 * took its update.
 */
export class MeetingLocks {
  private readonly locked = new Set<string>();
  private readonly lockers = new Map<string, Locker>();

  constructor(
    private readonly onLocked: (meeting: MeetingKey) => void,
    private readonly now: () => number = Date.now,
  ) {}

  has(meeting: MeetingKey): boolean {
    return this.locked.has(documentName({ kind: 'moede', ...meeting }));
  }

  /** The lock's time, when this device locked the meeting and its write to the fortroligt document may still come. */
  lockersGrace(meeting: MeetingKey, deviceId: string): string | null {
    const name = documentName({ kind: 'moede', ...meeting });
    const locker = this.lockers.get(name);
    if (!locker) return null;
    if (this.now() > locker.until) {
      this.lockers.delete(name);
      return null;
    }
    return locker.deviceId === deviceId ? locker.lockedAt : null;
  }

  /** The locker's write to the fortroligt document was taken: the grace is over. */
  graceUsed(meeting: MeetingKey): void {
    this.lockers.delete(documentName({ kind: 'moede', ...meeting }));
  }

  /** Watches a loaded meeting document for the lock, and takes it at once if it is already there. */
  watch(document: Document, documents: ReadonlyMap<string, Document>): void {
    const doc = parseDocumentName(document.name);
    if (doc?.kind !== 'moede') return;
    const root = document.getMap(MEETING_ROOT);
    const confidential = documentName({ kind: 'fortroligt', forumId: doc.forumId, meetingId: doc.meetingId });
    const check = (transaction: Y.Transaction | null): void => {
      const lockedAt = root.get(REFERAT_LOCKED_KEY);
      if (typeof lockedAt !== 'string') return this.lifted(document.name);
      if (this.locked.has(document.name)) return;
      this.locked.add(document.name);
      const held = documents.get(confidential);
      const deviceId = lockingDevice(transaction);
      const pending = deviceId !== null && !(held && holdsLockedVersion(held, lockedAt));
      if (pending) this.lockers.set(document.name, { deviceId, lockedAt, until: this.now() + LOCK_GRACE_MS });
      for (const connection of documents.get(document.name)?.getConnections() ?? []) connection.readOnly = true;
      for (const connection of held?.getConnections() ?? []) {
        // The locker's message to it may be on its way through the guard already, checked while unlocked.
        if (!pending || contextOf(connection).deviceId !== deviceId) connection.readOnly = true;
      }
      this.onLocked({ forumId: doc.forumId, meetingId: doc.meetingId });
    };
    root.observe((event) => check(event.transaction));
    check(null);
  }

  /**
   * A new referat version has lifted the lock (the laptop removes the lock key while its latest version is a draft;
   * afterLock.ts): the version's own approval locks the meeting again. A lock lifted through another instance is
   * seen here once the meeting document is loaded again, or relayed by Redis.
   */
  private lifted(name: string): void {
    this.locked.delete(name);
    this.lockers.delete(name);
  }
}

/** The device whose message the transaction applied, or null for a lock loaded from storage or relayed by Redis. */
function lockingDevice(transaction: Y.Transaction | null): string | null {
  const origin: unknown = transaction?.origin;
  if (!isTransactionOrigin(origin) || origin.source !== 'connection') return null;
  return contextOf(origin.connection).deviceId ?? null;
}
