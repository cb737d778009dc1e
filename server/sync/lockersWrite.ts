import * as Y from 'yjs';

// The referat versions as the meeting and fortroligt documents name them (electron/sync/README.md, shared/records/meetingFields.ts).
const REFERAT_VERSION_RECORDS = 'referatversioner';
const STATUS_FIELD = 'status';
const APPROVED_AT_FIELD = 'approvedAt';

/**
 * Whether an update to a meeting's fortroligt document is only the referat lock's own write to it: it changes
 * nothing but referat version records (adding, setting or deleting inside no other record type), needs no
 * change the document does not hold yet, and leaves a version approved at the time the meeting document's
 * lock names. Read from what the update does to a copy of the document; the document itself is not touched.
 */
export function isLockWrite(document: Y.Doc, update: Uint8Array, lockedAt: string): boolean {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const versions = copy.getMap(REFERAT_VERSION_RECORDS);
    let elsewhere = false;
    const observe = (transaction: Y.Transaction): void => {
      for (const type of transaction.changed.keys()) if (rootOf(type) !== versions) elsewhere = true;
    };
    copy.on('afterTransaction', observe);
    Y.applyUpdate(copy, update);
    copy.off('afterTransaction', observe);
    if (elsewhere || copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return false;
    return holdsLockedVersion(copy, lockedAt);
  } finally {
    copy.destroy();
  }
}

/** Whether the document holds a referat version approved at the time the meeting document's lock names. */
export function holdsLockedVersion(document: Y.Doc, lockedAt: string): boolean {
  return [...document.getMap(REFERAT_VERSION_RECORDS).values()].some(
    (record) => record instanceof Y.Map && record.get(STATUS_FIELD) === 'godkendt' && record.get(APPROVED_AT_FIELD) === lockedAt,
  );
}

/** The root type (a document's top-level map) a changed type hangs under. */
function rootOf(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>): object | null {
  let current = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  return current;
}
