import type { Document } from '@hocuspocus/server';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName, parseDocumentName } from '../../shared/sync/documents';

export interface MeetingKey {
  forumId: string;
  meetingId: string;
}

/**
 * Meetings whose referat is locked, as this instance has seen them. The lock is written by a laptop into the
 * meeting document (`moede.referatLaast`); the server notices it the moment the update is applied, records
 * it, and makes every open connection to the meeting's documents read-only on the spot. A meeting is keyed
 * by forum and id: locking a meeting in one forum never touches a meeting with the same id in another.
 */
export class MeetingLocks {
  private readonly locked = new Set<string>();

  constructor(private readonly onLocked: (meeting: MeetingKey) => void) {}

  has(meeting: MeetingKey): boolean {
    return this.locked.has(documentName({ kind: 'moede', ...meeting }));
  }

  /** Watches a loaded meeting document for the lock, and takes it at once if it is already there. */
  watch(document: Document, documents: ReadonlyMap<string, Document>): void {
    const doc = parseDocumentName(document.name);
    if (doc?.kind !== 'moede') return;
    const root = document.getMap(MEETING_ROOT);
    const check = (): void => {
      const lockedAt = root.get(REFERAT_LOCKED_KEY);
      if (typeof lockedAt !== 'string' || this.locked.has(document.name)) return;
      this.locked.add(document.name);
      for (const name of [document.name, documentName({ kind: 'fortroligt', forumId: doc.forumId, meetingId: doc.meetingId })]) {
        for (const connection of documents.get(name)?.getConnections() ?? []) connection.readOnly = true;
      }
      this.onLocked({ forumId: doc.forumId, meetingId: doc.meetingId });
    };
    root.observe(check);
    check();
  }
}
