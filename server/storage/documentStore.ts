import * as Y from 'yjs';
import type { Database, Queries } from './database';
import { GroupCommit } from './groupCommit';

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on parameters in one statement. */
const ROWS_PER_INSERT = 200;

interface Appended {
  documentName: string;
  update: Uint8Array;
}

interface UpdateRow {
  id: number | string;
  update_bytes: Uint8Array;
}

/**
 * A document is stored as its last compacted state plus every update acknowledged since. An update is
 * appended before the server acknowledges it to the laptop, so an acknowledged change survives a crash
 * however soon it comes; compaction later folds the appended updates into the state in one transaction.
 */
export class DocumentStore {
  private readonly appends: GroupCommit<Appended>;

  constructor(
    private readonly db: Database,
    private readonly onDamagedUpdate: (documentName: string) => void,
  ) {
    this.appends = new GroupCommit((batch) => this.insert(batch));
  }

  /**
   * Called before the update is applied and acknowledged: once this resolves, the update is on disk.
   * Updates appended at the same time, from any laptop and document, share one transaction.
   */
  append(documentName: string, update: Uint8Array): Promise<void> {
    return this.appends.add({ documentName, update });
  }

  /** The document's whole state: the compacted state with every update appended since, or null if new. */
  async load(documentName: string): Promise<Uint8Array | null> {
    return this.db.transaction(async (tx) => {
      const { parts } = await this.read(tx, documentName);
      return parts.length === 0 ? null : this.fold(documentName, parts);
    });
  }

  /** The names of the stored documents that begin with `prefix` (made of ids and slashes only, no wildcards). */
  async namesUnder(prefix: string): Promise<string[]> {
    const pattern = `${prefix}%`;
    const rows = await this.db.all<{ name: string }>(
      'SELECT name FROM documents WHERE name LIKE ? UNION SELECT name FROM document_updates WHERE name LIKE ? ORDER BY name',
      [pattern, pattern],
    );
    return rows.map((row) => row.name);
  }

  /**
   * Folds the stored state, the appended updates and what the server holds in memory into one state and
   * removes the appended updates it now contains. Every part is a set of Yjs changes, so the fold keeps
   * everything any of them holds, also when two instances compact the same document at once.
   */
  async compact(documentName: string, inMemory: Uint8Array): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (this.db.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(hashtext(?))', [documentName]);
      const { parts, updateIds } = await this.read(tx, documentName);
      const state = this.fold(documentName, [...parts, inMemory]);
      const now = new Date().toISOString();
      await tx.run(
        `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [documentName, Buffer.from(state), now],
      );
      // Exactly the updates that were read: one committed later with a lower id (PostgreSQL hands out ids
      // before commit) stays until the next compaction.
      for (let start = 0; start < updateIds.length; start += 500) {
        const ids = updateIds.slice(start, start + 500);
        await tx.run(`DELETE FROM document_updates WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
      }
      // Everything folded in is already on disk (appended before it was applied), so the compaction need
      // not wait for the disk: rolled back by a power cut, the appended updates are simply still there.
    }, { durable: false });
  }

  private async insert(batch: Appended[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
        const rows = batch.slice(start, start + ROWS_PER_INSERT);
        await tx.run(
          `INSERT INTO document_updates (name, update_bytes) VALUES ${rows.map(() => '(?, ?)').join(', ')}`,
          rows.flatMap((row) => [row.documentName, Buffer.from(row.update)]),
        );
      }
    });
  }

  private async read(tx: Queries, documentName: string): Promise<{ parts: Uint8Array[]; updateIds: (number | string)[] }> {
    const stored = await tx.all<{ state: Uint8Array }>('SELECT state FROM documents WHERE name = ?', [documentName]);
    const updates = await tx.all<UpdateRow>('SELECT id, update_bytes FROM document_updates WHERE name = ? ORDER BY id', [documentName]);
    return {
      parts: [...stored.map((row) => row.state), ...updates.map((row) => row.update_bytes)],
      updateIds: updates.map((row) => row.id),
    };
  }

  /** Applied one by one to a fresh document, so deleted content is collected and one bad part cannot block the rest. */
  private fold(documentName: string, parts: Uint8Array[]): Uint8Array {
    const doc = new Y.Doc();
    for (const part of parts) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        this.onDamagedUpdate(documentName);
      }
    }
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  }
}
