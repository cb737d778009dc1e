import * as Y from 'yjs';
import { writableInboxParts, type InboxPart } from '../../shared/sync/inbox';

/** Why an update to an inbox document is refused, as logged. */
/** A Yjs shared type as the document holds it (root or nested). */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

export type InboxRefusal = 'inbox-foreign-part' | 'inbox-incomplete-update';

/**
 * The root names an update changes in a document, found by applying it to a copy (an inbox document is small:
 * a few submissions and answers). Every change, also a deletion deep inside a record, marks its type as
 * changed, and each changed type is followed up to its root. An update that depends on changes the server
 * has not got is refused whole: once they arrived, it would change parts nobody checked.
 */
export function rootsChangedBy(document: Y.Doc, update: Uint8Array): Set<string> | 'incomplete' {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  const changed = new Set<SharedType>();
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) changed.add(type);
  });
  Y.applyUpdate(copy, update);
  const incomplete = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  const roots = new Set<string>();
  const names = new Map<SharedType, string>([...copy.share].map(([name, type]) => [type, name]));
  for (const type of changed) {
    let root: SharedType = type;
    while (root._item !== null) root = root._item.parent as SharedType;
    roots.add(names.get(root) ?? '');
  }
  copy.destroy();
  return incomplete ? 'incomplete' : roots;
}

/**
 * Whether a person may make this change to an inbox document: the sender only to their submissions, a
 * member of the forum only to the answers. Null when allowed, otherwise the logged reason.
 */
export function checkInboxWrite(document: Y.Doc, update: Uint8Array, isSender: boolean, isMember: boolean): InboxRefusal | null {
  const roots = rootsChangedBy(document, update);
  if (roots === 'incomplete') return 'inbox-incomplete-update';
  const allowed = writableInboxParts(isSender, isMember);
  for (const root of roots) if (!allowed.has(root as InboxPart)) return 'inbox-foreign-part';
  return null;
}
