// A referat version in a meeting's documents, as the laptops write them (electron/sync/README.md), for the tests
// that write the lock's messages by hand.
import * as Y from 'yjs';

/** The version `versionId` in `doc`, made as a draft (status udkast, not approved) when the document lacks it. */
export function versionIn(doc: Y.Doc, versionId: string): Y.Map<unknown> {
  const version = doc.getMap('referatversioner').get(versionId);
  if (version instanceof Y.Map) return version;
  const made = new Y.Map<unknown>();
  doc.getMap('referatversioner').set(versionId, made);
  made.set('status', 'udkast');
  made.set('approvedAt', null);
  return made;
}
