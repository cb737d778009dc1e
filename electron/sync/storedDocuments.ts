import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import type { SqliteDb } from '../archive/open';
import { loadDocument } from './updateLog';

/**
 * A meeting's documents as this laptop has stored them (the same log the live documents load from), for
 * reading what only the documents hold, such as the records' history. A læser's laptop holds no fortroligt
 * document, so it reads nothing of a confidential item's history.
 */
export function storedMeetingDocuments(db: SqliteDb, forumId: string, meetingId: string): Y.Doc[] {
  return (['moede', 'fortroligt'] as const).map((kind) => storedDocument(db, documentName({ kind, forumId, meetingId })));
}

/**
 * One document as its log holds it. Before a remote update is logged, that is the document without it: the transport's
 * provider has already applied it to the live document.
 */
export function storedDocument(db: SqliteDb, name: string): Y.Doc {
  const doc = new Y.Doc();
  const stored = loadDocument(db, name);
  for (const update of [stored.state, ...stored.updates.map((u) => u.update)]) {
    if (update.length === 0) continue;
    try {
      Y.applyUpdate(doc, update);
    } catch {
      // The live document skips the same update with a logged reason (core.ts); it is read without it.
    }
  }
  return doc;
}
