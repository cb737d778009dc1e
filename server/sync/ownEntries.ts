import type * as Y from 'yjs';
import type { SharedDocument } from '../../shared/sync/documents';
import { KEPT_WORDS } from '../../shared/sync/keptWords';
import type { ChangeRefusal } from '../../shared/sync/personKeys';
import type { Registry } from '../membership/registry';
import { approvalKeysIn, keysKept } from './approvalKeys';
import type { Surroundings } from './authorship';
import { keptWordsNamed } from './keptWordsNamed';
import { followingCopy, forgetCopy, personsNamed } from './namedPerson';

/** Who writes: the server person and the device it came from. */
export interface Writer {
  personId: string;
  deviceId: string;
}

/**
 * Nobody approves, consents, comments, puts an item on or stamps the history on behalf of someone else: a change
 * to a meeting document (or its fortroligt document) that names any forum person but the writer's own as having
 * done it (namedPerson.ts, authorship.ts) is refused, and so is every such change by a member linked to no forum
 * person. The one exception is the
 * history a forum's sharer uploads once (server/membership/forumPersons.ts, «the history door»). Only meeting
 * documents are checked: they are the only ones that hold approvals and consents. Nor does anyone change or
 * delete a key of the approvals' hash in the fortroligt document (shared/sync/approvalKeys.ts): that would make
 * every approval hashed with it stale. Adding a key is for anyone who writes there. Nor does anyone put words kept for
 * the members (shared/sync/keptWords.ts) in the meeting document: a læser receives it; in the fortroligt document they
 * name the one who typed them, as approvals do (keptWordsNamed.ts).
 */
export async function refusalOfOwnEntries(
  registry: Registry,
  doc: SharedDocument,
  document: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  around: Surroundings,
): Promise<ChangeRefusal | null> {
  if (doc.kind !== 'moede' && doc.kind !== 'fortroligt') return null;
  const refusal = await decide(registry, doc, document, update, writer, around);
  // The copy took the update; the document will not.
  if (refusal) forgetCopy(document);
  return refusal;
}

async function decide(registry: Registry, doc: SharedDocument & { forumId: string }, document: Y.Doc, update: Uint8Array, writer: Writer, around: Surroundings): Promise<ChangeRefusal | null> {
  const keys = doc.kind === 'fortroligt' ? approvalKeysIn(document) : null;
  const named = personsNamed(document, update, around);
  // An update that waits for parts not sent could name anyone once they arrive, in someone else's message.
  if (named.kind === 'incomplete') return 'incomplete-update';
  // A key changed or taken away would make every approval hashed with it stale: nobody's to do.
  if (keys !== null && !keysKept(keys, followingCopy(document))) return 'approval-key-changed';
  if (doc.kind === 'moede' && followingCopy(document).getMap(KEPT_WORDS).size > 0) return 'kept-words-shared';
  // Words kept for the members are kept by the laptop of the one who typed them.
  for (const id of doc.kind === 'fortroligt' ? keptWordsNamed(document, followingCopy(document)) : []) named.ids.add(id);
  if (named.ids.size === 0) return null;
  const me = await registry.forumPerson(doc.forumId, writer.personId);
  if (me !== null && [...named.ids].every((id) => id === me)) return null;
  if (await registry.mayUploadHistory(doc.forumId, writer.deviceId)) return null;
  return 'named-other-person';
}
