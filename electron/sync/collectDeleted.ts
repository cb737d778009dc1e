import * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { loadDocument, saveCompacted } from './updateLog';

/**
 * Rewrites a document's stored log without the content of anything deleted in it. A logged update keeps the words
 * that a later one deletes (and so does a merge of the two); a document that applies both collects them. A laptop
 * lowered to læser keeps its meeting documents, and an item it wrote and closed before the server took it left its
 * words in them a moment, though no læser ever received them.
 *
 * The state becomes the whole document, collected. What the server has not taken stays counted as not taken: one
 * update, the same collected document (applying it again changes nothing), in place of those it had not taken.
 * The caller holds the transaction.
 */
export function collectDeleted(db: SqliteDb, document: string): void {
  const stored = loadDocument(db, document);
  const doc = new Y.Doc();
  for (const part of [stored.state, ...stored.updates.map((u) => u.update)]) {
    // A part that cannot be read is not in the live document either (core.ts docFor): it adds nothing here.
    if (part.length === 0) continue;
    try {
      Y.applyUpdate(doc, part);
    } catch {
      continue;
    }
  }
  const collected = Buffer.from(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  saveCompacted(db, document, collected, stored.updates.at(-1)?.seq ?? stored.stateSeq);
  const unsent = statement(db, "SELECT seq FROM sync_update WHERE document = ? AND origin = 'lokal' AND acknowledged = 0 ORDER BY seq DESC").pluck().all(document) as number[];
  const [last, ...earlier] = unsent;
  if (last === undefined) return;
  statement(db, 'UPDATE sync_update SET update_blob = ? WHERE seq = ?').run(collected, last);
  for (const seq of earlier) statement(db, 'DELETE FROM sync_update WHERE seq = ?').run(seq);
}
