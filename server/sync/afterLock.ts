import * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY } from '../../shared/sync/documents';
import { KEPT_WORDS } from '../../shared/sync/keptWords';

// Record types as the meeting and fortroligt documents name them (electron/sync/codec/meetingRecords.ts).
const REFERAT_VERSION_RECORDS = 'referatversioner';
/** An action and its notes are followed up at later meetings, long after the referat that agreed them was approved. */
const FOLLOW_UP_RECORDS: ReadonlySet<string> = new Set(['handlinger', 'handlingsnoter']);

/**
 * What a member's update to a locked meeting's document is, when it is one the lock leaves open (as on the laptop,
 * electron/services/locks.ts): `opfoelgning` changes only actions and action notes; `ny-version` adds a new referat
 * version after the locked one; `ophaevelse` removes the meeting document's lock key, once such a version is there
 * (in the same update or before), and so lifts the lock. The last two may follow actions up too. `gemte-ord` keeps
 * or discards words a member typed offline in a closed item that was opened meanwhile (shared/sync/keptWords.ts): they
 * are in no referat, only in the fortroligt document, and a laptop that finds them after the lock must still keep them
 * for the members, who may discard them. Putting them into the item changes it, which the lock refuses.
 */
export type AfterLockWrite = 'opfoelgning' | 'ny-version' | 'ophaevelse' | 'gemte-ord';

/** A Yjs shared type as the document holds it (root or nested). */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** Where a changed type lies: its root's name, and the key under the root of the record it lies within (null: the root itself). */
interface Place {
  root: string;
  record: string | null;
}

function placeOf(type: SharedType, roots: ReadonlyMap<SharedType, string>): Place | null {
  let record: string | null = null;
  let current: SharedType = type;
  while (current._item !== null) {
    record = current._item.parentSub;
    if (!(current._item.parent instanceof Y.AbstractType)) return null;
    current = current._item.parent as SharedType;
  }
  const root = roots.get(current);
  return root === undefined || (current !== type && record === null) ? null : { root, record };
}

interface VersionSeen {
  number: number;
  approved: boolean;
  /** A draft that no approval has reached: no time of approval. */
  draft: boolean;
}

function versionOf(record: unknown): VersionSeen | null {
  if (!(record instanceof Y.Map)) return null;
  const number: unknown = record.get('version');
  if (typeof number !== 'number') return null;
  const status: unknown = record.get('status');
  return { number, approved: status === 'godkendt', draft: status === 'udkast' && typeof record.get('approvedAt') !== 'string' };
}

/** A version's values as one comparable text. */
function valuesOf(record: unknown): string {
  return record instanceof Y.Map ? JSON.stringify(Object.entries(record.toJSON()).sort(([a], [b]) => a.localeCompare(b))) : String(record);
}

/** The document's latest version (the highest number), or null when it holds none. */
function latestOf(versions: Iterable<VersionSeen | null>): VersionSeen | null {
  return [...versions].reduce<VersionSeen | null>((last, v) => (v !== null && (last === null || v.number > last.number) ? v : last), null);
}

/** Whether a version the update adds is the next after the locked one: a draft numbered right after the latest, approved version. */
function startsNextVersion(latest: VersionSeen | null, added: unknown): boolean {
  const version = versionOf(added);
  return latest !== null && latest.approved && version !== null && version.draft && version.number === latest.number + 1;
}

/** Whether the versions end in a draft right after an approved version: the lock it names is superseded. */
function endsInNextDraft(versions: Y.Map<unknown>): boolean {
  const seen = [...versions.values()].map(versionOf);
  const latest = latestOf(seen);
  return latest !== null && latest.draft && seen.some((v) => v?.approved === true && v.number === latest.number - 1);
}

/**
 * Reads what an update does to a copy of the document (the document itself is not touched): every changed type is
 * followed up to its root, also a deletion deep inside a record. Null for anything the lock keeps refusing: another
 * record type, a change of an existing referat version's values, a lock key removed while no new version supersedes
 * it, or an update that needs changes the document does not hold yet. An existing version may be written again with
 * the values it has: a laptop that learned of the lock from the fortroligt document before the meeting document
 * writes the locked version from its rows when it starts the next one.
 */
export function afterLockWrite(kind: 'moede' | 'fortroligt', document: Y.Doc, update: Uint8Array): AfterLockWrite | null {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const versions = copy.getMap(REFERAT_VERSION_RECORDS);
    const before = new Map([...versions.entries()].map(([key, record]) => [key, { seen: versionOf(record), values: valuesOf(record) }]));
    const places: Place[] = [];
    let unplaced = false;
    const observe = (transaction: Y.Transaction): void => {
      const roots = new Map<SharedType, string>([...copy.share].map(([name, type]) => [type, name]));
      for (const [type, keys] of transaction.changed) {
        const place = placeOf(type, roots);
        if (place === null) unplaced = true;
        else if (place.record !== null) places.push(place);
        else for (const key of keys) places.push({ root: place.root, record: key });
      }
    };
    copy.on('afterTransaction', observe);
    Y.applyUpdate(copy, update);
    copy.off('afterTransaction', observe);
    if (unplaced || copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return null;
    const added = new Set<string>();
    let lifts = false;
    let keptOnly = true;
    for (const { root, record } of places) {
      if (kind === 'fortroligt' && root === KEPT_WORDS && record !== null) continue;
      keptOnly = false;
      if (FOLLOW_UP_RECORDS.has(root) && record !== null) continue;
      if (root === REFERAT_VERSION_RECORDS && record !== null) {
        const held = before.get(record);
        if (held === undefined) added.add(record);
        else if (held.values !== valuesOf(versions.get(record))) return null;
      } else if (kind === 'moede' && root === MEETING_ROOT && record === REFERAT_LOCKED_KEY && !copy.getMap(MEETING_ROOT).has(REFERAT_LOCKED_KEY)) lifts = true;
      else return null;
    }
    const latest = latestOf([...before.values()].map((v) => v.seen));
    if (added.size > 1 || [...added].some((key) => !startsNextVersion(latest, versions.get(key)))) return null;
    if (lifts) return endsInNextDraft(versions) ? 'ophaevelse' : null;
    if (added.size === 1) return 'ny-version';
    if (places.length === 0) return null;
    return keptOnly ? 'gemte-ord' : 'opfoelgning';
  } finally {
    copy.destroy();
  }
}
