import * as Y from 'yjs';
import { FORUM_KINDS, type ForumKind } from '../../shared/domain/forums';
import { documentName } from '../../shared/sync/documents';
import type { DocumentStore } from '../storage/documentStore';

/** The forum index's root map, where the laptops keep the forum's own row (electron/sync/codec/forumRecords.ts). */
const FORUM_ROOT = 'forum';

/**
 * Which kind of forum each shared forum is (a TRIO, a praksisforum …), read from the forum's own stored index
 * document, so that a sender's laptop can offer the right forums: a TRIO's item goes to a praksisforum. A
 * forum's kind is set when it is created and never changes, so once read it is kept for the server's life; a
 * forum whose index has not arrived yet (or names no known kind) is null and asked again next time.
 */
export class ForumKinds {
  private readonly known = new Map<string, ForumKind>();

  constructor(private readonly documents: DocumentStore) {}

  async of(forumIds: readonly string[]): Promise<Map<string, ForumKind | null>> {
    const kinds = new Map<string, ForumKind | null>();
    for (const forumId of forumIds) {
      let kind = this.known.get(forumId) ?? null;
      if (kind === null) {
        kind = await this.read(forumId);
        if (kind !== null) this.known.set(forumId, kind);
      }
      kinds.set(forumId, kind);
    }
    return kinds;
  }

  private async read(forumId: string): Promise<ForumKind | null> {
    const state = await this.documents.load(documentName({ kind: 'forum', forumId }));
    if (!state) return null;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const kind = doc.getMap(FORUM_ROOT).get('kind');
      return FORUM_KINDS.find((known) => known === kind) ?? null;
    } finally {
      doc.destroy();
    }
  }
}
