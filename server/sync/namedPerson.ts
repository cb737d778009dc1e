import * as Y from 'yjs';
import {
  APPROVAL_RECORDS,
  COMMENT_RECORDS,
  ENTRY_PERSON_FIELD,
  HISTORY_MAP,
  ITEM_RECORDS,
  PERSON_RECORDS,
  parseApprovalKey,
  parseConsentKey,
  personOfKey,
} from '../../shared/sync/personKeys';
import { ALONE, authorsNamed, authorshipBefore, leftWithItem, stampsAdded, type Surroundings, type Touched } from './authorship';

// The records approvals and consents belong to, as the meeting and fortroligt documents name them (electron/sync/README.md).
const REFERAT_VERSION_RECORDS = 'referatversioner';
const CONFIDENTIAL_FIELD = 'confidential';

/**
 * Which forum persons an update speaks for: the persons named by the keys (and person fields) of the approval
 * and consent entries (shared/sync/personKeys.ts) it adds, changes or deletes, the authors of the comments it
 * adds, changes or deletes, whom it says put an item on, and whom its new history entries name
 * (server/sync/authorship.ts). Read from what the update does, not guessed from its bytes: it is applied to a
 * copy of the server's document, and every type the transaction changed is followed up to its root map and
 * the key under it (a field of an approval is a nested map whose item hangs under the entry's key). The
 * server's own document is not touched.
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

/** The record types whose entries an update is followed into. */
const WATCHED: readonly string[] = [...PERSON_RECORDS, COMMENT_RECORDS, ITEM_RECORDS, HISTORY_MAP];

const copies = new WeakMap<Y.Doc, { copy: Y.Doc; stop(): void }>();

/** The document's copy as it follows it: after a check, it holds the update the check applied to it. */
export function followingCopy(current: Y.Doc): Y.Doc {
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

export function personsNamed(current: Y.Doc, update: Uint8Array, around: Surroundings = ALONE): NamedPersons {
  const copy = followingCopy(current);
  const waitedFor = new Set([...waitingFor(copy), ...Y.decodeUpdate(update).structs.map((struct) => struct.id.client)]);
  const roots = new Map<object, string>();
  for (const name of WATCHED) roots.set(copy.getMap(name), name);
  const before = authorshipBefore(copy);
  const touched: Touched[] = [];
  const stamped: (string | null)[] = [];
  // What this update did to the records entries belong to: removed them, or changed whether an item is confidential.
  const moved = new Set<string>();
  const items: object = copy.getMap(ITEM_RECORDS);
  const versions: object = copy.getMap(REFERAT_VERSION_RECORDS);
  const observe = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      for (const found of entriesOf(type, keys, roots)) {
        // A history entry is added once and never changed: only what this transaction added names anyone.
        if (found.recordType === HISTORY_MAP) stamped.push(...stampsAdded(copy, found.key, transaction));
        else touched.push(found);
      }
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
  for (const who of stamped) if (who !== null) ids.add(who);
  for (const entry of touched) {
    if (entry.recordType === COMMENT_RECORDS || entry.recordType === ITEM_RECORDS) {
      for (const person of authorsNamed(copy, entry, before, moved, around)) ids.add(person);
      continue;
    }
    if (goesWithItsRecord(copy, entry.recordType, entry.key, moved)) continue;
    const person = personOfKey(entry.recordType, entry.key);
    if (person !== null) ids.add(person);
    // The entry's own person field must say the same as its key: a laptop's row takes the person from the field.
    const record = copy.getMap(entry.recordType).get(entry.key);
    const inEntry = record instanceof Y.Map ? record.get(ENTRY_PERSON_FIELD) : undefined;
    if (inEntry !== undefined) ids.add(typeof inEntry === 'string' ? inEntry : '');
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
  return consent !== null && leftWithItem(doc, consent.itemId, moved);
}

/** The writers (Yjs clients) whose changes the document's pending parts wait for. */
function waitingFor(doc: Y.Doc): number[] {
  const clients = [...(doc.store.pendingStructs?.missing.keys() ?? [])];
  if (doc.store.pendingDs) clients.push(...Y.decodeUpdate(doc.store.pendingDs).ds.clients.keys());
  return clients;
}

/**
 * The entries a changed type belongs to, with the fields of each that changed: for a change to a root map,
 * every entry added, replaced or deleted there, as a whole; for a change inside an entry, the entry whose item
 * hangs directly under a root map, and the field below it (or the entry map's own changed keys). None for a
 * type outside the watched records.
 */
function entriesOf(type: { _item: Y.Item | null }, keys: Set<string | null>, roots: ReadonlyMap<object, string>): Touched[] {
  const named = [...keys].filter((key): key is string => key !== null);
  const direct = roots.get(type);
  if (direct !== undefined) return named.map((key) => ({ recordType: direct, key, whole: true, fields: new Set<string>() }));
  let item = type._item;
  let below: Y.Item | null = null;
  while (item !== null) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return [];
    const recordType = roots.get(parent);
    if (recordType !== undefined) {
      const fields = below === null ? named : [below.parentSub ?? ''];
      return [{ recordType, key: item.parentSub ?? '', whole: false, fields: new Set(fields) }];
    }
    below = item;
    item = parent._item;
  }
  return [];
}
