import * as Y from 'yjs';
import { PERSON_RECORDS, personOfKey } from '../../shared/sync/personKeys';

/**
 * Which forum persons an update speaks for: the persons named by the keys of the approval and consent
 * entries (shared/sync/personKeys.ts) it adds, changes or deletes. Read from what the update does, not
 * guessed from its bytes: it is applied to a throw-away copy of the server's document, and every type the
 * transaction changed is followed up to its root map and the key under it (a field of an approval is a
 * nested map whose item hangs under the entry's key). The server's own document is not touched.
 */
export type NamedPersons =
  | { kind: 'persons'; ids: Set<string> }
  /** The update does not integrate on its own (it waits for something not sent): it could name anyone once it does. */
  | { kind: 'incomplete' };

export function personsNamed(current: Y.Doc, update: Uint8Array): NamedPersons {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
  const waitingBefore = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  const roots = new Map<object, string>();
  for (const name of PERSON_RECORDS) roots.set(copy.getMap(name), name);
  const ids = new Set<string>();
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      const found = entryOf(type, keys, roots);
      if (!found) continue;
      for (const key of found.keys) {
        const person = personOfKey(found.recordType, key);
        if (person !== null) ids.add(person);
      }
    }
  });
  Y.applyUpdate(copy, update);
  const waitingAfter = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  copy.destroy();
  return !waitingBefore && waitingAfter ? { kind: 'incomplete' } : { kind: 'persons', ids };
}

/** The person record and the entry keys a changed type belongs to, or null for a type outside them. */
function entryOf(type: { _item: Y.Item | null }, keys: Set<string | null>, roots: ReadonlyMap<object, string>): { recordType: string; keys: string[] } | null {
  const direct = roots.get(type);
  // A change to the root map itself: its changed keys are the entries added, replaced or deleted.
  if (direct !== undefined) return { recordType: direct, keys: [...keys].filter((key): key is string => key !== null) };
  // A change inside an entry: climb to the item that hangs directly under a root map; its key is the entry's.
  let item = type._item;
  while (item !== null) {
    const parent = item.parent;
    if (parent instanceof Y.AbstractType) {
      const recordType = roots.get(parent);
      if (recordType !== undefined) return { recordType, keys: item.parentSub === null ? [''] : [item.parentSub] };
      item = parent._item;
    } else {
      return null;
    }
  }
  return null;
}
