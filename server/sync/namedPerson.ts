import * as Y from 'yjs';
import { APPROVAL_RECORDS, PERSON_RECORDS, parseApprovalKey, parseConsentKey, personOfKey } from '../../shared/sync/personKeys';

// The records approvals and consents belong to, as the meeting and fortroligt documents name them (electron/sync/README.md).
const ITEM_RECORDS = 'punkter';
const REFERAT_VERSION_RECORDS = 'referatversioner';
const CONFIDENTIAL_FIELD = 'confidential';

/**
 * Which forum persons an update speaks for: the persons named by the keys of the approval and consent
 * entries (shared/sync/personKeys.ts) it adds, changes or deletes. Read from what the update does, not
 * guessed from its bytes: it is applied to a copy of the server's document, and every type the transaction
 * changed is followed up to its root map and the key under it (a field of an approval is a nested map whose
 * item hangs under the entry's key). The server's own document is not touched.
 *
 * The copy is made once per loaded document and follows it (every update the document takes, from any
 * connection or another instance, is applied to the copy too), so a check costs applying one update, not
 * copying the document. An update the copy took but the document did not (refused, or not stored) makes
 * the copy differ: forgetCopy drops it, and the next check makes it anew.
 */
export type NamedPersons =
  | { kind: 'persons'; ids: Set<string> }
  /**
   * Part of the update waits for another writer's changes that have not been made yet: it would take effect in
   * that writer's later message, so it could speak for them without them. (Waiting for the writer's own earlier
   * changes is normal after a reconnect: they come in the same exchange.)
   */
  | { kind: 'incomplete' };

const copies = new WeakMap<Y.Doc, { copy: Y.Doc; stop(): void }>();

function copyOf(current: Y.Doc): Y.Doc {
  const held = copies.get(current);
  if (held) return held.copy;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
  const follow = (update: Uint8Array): void => Y.applyUpdate(copy, update);
  current.on('update', follow);
  copies.set(current, {
    copy,
    stop() {
      current.off('update', follow);
      copy.destroy();
    },
  });
  return copy;
}

/** The document did not take the update its copy took: the copy is made anew at the next check. */
export function forgetCopy(current: Y.Doc): void {
  copies.get(current)?.stop();
  copies.delete(current);
}

export function personsNamed(current: Y.Doc, update: Uint8Array): NamedPersons {
  const copy = copyOf(current);
  const waitedFor = new Set([...waitingFor(copy), ...Y.decodeUpdate(update).structs.map((struct) => struct.id.client)]);
  const roots = new Map<object, string>();
  for (const name of PERSON_RECORDS) roots.set(copy.getMap(name), name);
  const touched: { recordType: string; key: string }[] = [];
  // What this update did to the records entries belong to: removed them, or changed whether an item is confidential.
  const moved = new Set<string>();
  const items: object = copy.getMap(ITEM_RECORDS);
  const versions: object = copy.getMap(REFERAT_VERSION_RECORDS);
  const observe = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      const found = entryOf(type, keys, roots);
      if (found) for (const key of found.keys) touched.push({ recordType: found.recordType, key });
      if (type === items || type === versions) for (const key of keys) if (key !== null) moved.add(key);
      const item = type._item;
      if (item !== null && item.parent === items && item.parentSub !== null && keys.has(CONFIDENTIAL_FIELD)) moved.add(item.parentSub);
    }
  };
  copy.on('afterTransaction', observe);
  try {
    Y.applyUpdate(copy, update);
  } finally {
    copy.off('afterTransaction', observe);
  }
  const ids = new Set<string>();
  for (const { recordType, key } of touched) {
    if (goesWithItsRecord(copy, recordType, key, moved)) continue;
    const person = personOfKey(recordType, key);
    if (person !== null) ids.add(person);
  }
  const others = waitingFor(copy).filter((client) => !waitedFor.has(client));
  return others.length > 0 ? { kind: 'incomplete' } : { kind: 'persons', ids };
}

/**
 * An entry removed by the same update as what it belongs to speaks for nobody: a consent goes when its item is
 * removed, or moves to the other document when the item becomes (or stops being) confidential; an approval
 * goes with its referat version. Whoever may change the item may do that; adding or changing another's entry
 * is still theirs alone.
 */
function goesWithItsRecord(doc: Y.Doc, recordType: string, key: string, moved: ReadonlySet<string>): boolean {
  if (doc.getMap(recordType).has(key)) return false;
  if (recordType === APPROVAL_RECORDS) {
    const approval = parseApprovalKey(key);
    return approval !== null && moved.has(approval.versionId) && !doc.getMap(REFERAT_VERSION_RECORDS).has(approval.versionId);
  }
  const consent = parseConsentKey(key);
  if (consent === null || !moved.has(consent.itemId)) return false;
  const item = doc.getMap(ITEM_RECORDS).get(consent.itemId);
  return !(item instanceof Y.Map) || item.get(CONFIDENTIAL_FIELD) === 1;
}

/** The writers (Yjs clients) whose changes the document's pending parts wait for. */
function waitingFor(doc: Y.Doc): number[] {
  const clients = [...(doc.store.pendingStructs?.missing.keys() ?? [])];
  if (doc.store.pendingDs) clients.push(...Y.decodeUpdate(doc.store.pendingDs).ds.clients.keys());
  return clients;
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
