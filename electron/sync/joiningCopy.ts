import type { SqliteDb } from '../archive/open';
import { readExchange, writeExchange } from '../archive/queries/exchange';
import { closeCarriedCopies, closedItemIds } from '../archive/queries/items';
import { statement } from '../archive/statements';
import { mergeSharedCopy, readSharedCopy } from './importMerge';

/**
 * A forum this laptop already holds when it joins the shared forum (a copy from an exchange file, a member who
 * rejoins). Mirroring its rows into the documents at once would set each record beside the server's record of the
 * same key, and Yjs keeps one of two concurrent sets of a key whole: a member's rename or notes, or the copy's,
 * would be lost on every laptop. So the copy waits as the rows it is, marked in `shared_forum`
 * (`copy_waiting_since`, migration 027): the server's documents are stored as they arrive but not projected, and
 * writes to the forum stay in the rows. Once they have all arrived, the copy is merged with the rules of an
 * exchange file imported into a shared forum (importMerge.ts) and mirrored as this laptop's ordinary update.
 * The caller holds the transaction.
 */

export function keepCopy(db: SqliteDb, forumId: string, at: string): void {
  statement(db, 'UPDATE shared_forum SET copy_waiting_since = ? WHERE forum_id = ?').run(at, forumId);
}

/**
 * Merges the waiting copy into what the documents hold: the copy is read from the rows, `projectDocuments` writes the
 * documents into the rows, and the copy is then written over them as an imported file is, and merged back. Texts keep
 * every word of both, a single value keeps the shared one unless it has none, nothing is removed, new records arrive.
 */
export function mergeCopy(db: SqliteDb, forumId: string, projectDocuments: () => void): void {
  const copy = readExchange(db, 'forum', forumId);
  projectDocuments();
  if (copy) {
    const shared = readSharedCopy(db, { forumIds: [forumId], meetings: copy.meetings.map((m) => ({ id: m.id, forumId: m.forumId })) });
    writeExchange(db, copy);
    if (shared) mergeSharedCopy(db, shared);
    // An item the copy holds open that another laptop closed meanwhile: the copies it was carried to close too.
    const openInCopy = copy.meetings.flatMap((m) => m.items.filter((i) => !i.confidential).map((i) => i.id));
    for (const id of closedItemIds(db, openInCopy)) closeCarriedCopies(db, id);
  }
  dropCopy(db, forumId);
}

/** The copy is merged, or no longer to be: a læser's copy is not shared, and the documents' rows replace it, as at a læser's join. */
export function dropCopy(db: SqliteDb, forumId: string): void {
  statement(db, 'UPDATE shared_forum SET copy_waiting_since = NULL WHERE forum_id = ?').run(forumId);
}
