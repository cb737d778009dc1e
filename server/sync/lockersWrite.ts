import * as Y from 'yjs';
import { APPROVAL_KEYS_MAP } from '../../shared/sync/approvalKeys';

// The referat versions as the meeting and fortroligt documents name them (electron/sync/README.md, shared/records/meetingFields.ts).
const REFERAT_VERSION_RECORDS = 'referatversioner';
const STATUS_FIELD = 'status';
const APPROVED_AT_FIELD = 'approvedAt';

/**
 * Whether an update to a meeting's fortroligt document is only the referat lock's own write to it: it changes
 * nothing but the referat version approved at the time the meeting document's lock names (no other record type,
 * no other version), needs no change the document does not hold yet, and leaves that version approved. It may add
 * keys of the approvals' hash (never change one): the last approval, which locks, may make the first key in the
 * same transaction (electron/sync/approvals.ts). Read from what the update does to a copy of the document; the
 * document itself is not touched.
 */
export function isLockWrite(document: Y.Doc, update: Uint8Array, lockedAt: string): boolean {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const versions = copy.getMap(REFERAT_VERSION_RECORDS);
    const root: object = versions;
    const keyMap = copy.getMap(APPROVAL_KEYS_MAP);
    const approvalKeys: object = keyMap;
    const heldKeys = new Set(keyMap.keys());
    const touched = new Set<string>();
    let elsewhere = false;
    const observe = (transaction: Y.Transaction): void => {
      for (const [type, keys] of transaction.changed) {
        if (type === approvalKeys) {
          if ([...keys].some((key) => key === null || heldKeys.has(key))) elsewhere = true;
          continue;
        }
        const key = type === root ? null : recordUnder(type, root);
        if (type === root) for (const changed of keys) touched.add(changed ?? '');
        else if (key === null) elsewhere = true;
        else touched.add(key);
      }
    };
    copy.on('afterTransaction', observe);
    Y.applyUpdate(copy, update);
    copy.off('afterTransaction', observe);
    if (elsewhere || touched.size === 0 || copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return false;
    return [...touched].every((key) => approvedAt(versions.get(key), lockedAt));
  } finally {
    copy.destroy();
  }
}

/** Whether the document holds a referat version approved at the time the meeting document's lock names. */
export function holdsLockedVersion(document: Y.Doc, lockedAt: string): boolean {
  return [...document.getMap(REFERAT_VERSION_RECORDS).values()].some((record) => approvedAt(record, lockedAt));
}

function approvedAt(record: unknown, lockedAt: string): boolean {
  return record instanceof Y.Map && record.get(STATUS_FIELD) === 'godkendt' && record.get(APPROVED_AT_FIELD) === lockedAt;
}

/** The key of the record in `root` that a changed type lies within, or null when it lies elsewhere. */
function recordUnder(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>, root: object): string | null {
  let item = type._item;
  while (item !== null) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === root) return item.parentSub;
    item = parent._item;
  }
  return null;
}
