import * as Y from 'yjs';
import type { RecordCodec } from '../../shared/records/fields';
import { HISTORY_MAP } from '../../shared/sync/personKeys';
import { isInstant } from '../../shared/sync/instant';
import type { RecordWrite } from './records';

/**
 * A record's history, kept in the document that holds the record (so a confidential item's history is in
 * the fortroligt document and never reaches a læser): the mirror stamps each record a local write added or
 * changed with who, when and which fields. There is no second log: the stamps travel and merge with the
 * document itself, and each laptop reads them from its copy. Only the newest entries are kept per record,
 * so a document stays small however often an item is edited.
 */

/** The newest entries kept per record. */
export const HISTORY_KEPT = 30;
/** One person's edits to the same record within this long are one entry: notes are saved as they are typed. */
const SAME_EDIT_MS = 10 * 60 * 1000;
/** What the running meeting changes by itself (the clock, the round, the cycle): not what someone wrote. */
const NOT_HISTORY: ReadonlySet<string> = new Set(['timerElapsed', 'timerStartedAt', 'cyclePhase', 'runState', 'roundDone', 'process']);

/** Who changed the record: the forum person the server knows this laptop's user as, or null when it does not. */
export interface Stamp {
  who: string | null;
  at: string;
}

export interface HistoryEntry {
  who: string | null;
  at: string;
  /** The document fields that changed; empty when `added`. */
  fields: string[];
  added: boolean;
}

const historyKey = (codec: RecordCodec, key: string) => `${codec.type}/${key}`;

/** Stamps each written record's history; a record only moved in the order is not stamped. */
export function stampHistory(doc: Y.Doc, codec: RecordCodec, writes: ReadonlyMap<string, RecordWrite>, stamp: Stamp): void {
  if (writes.size === 0) return;
  const map = doc.getMap<Y.Array<unknown>>(HISTORY_MAP);
  for (const [key, write] of writes) {
    const fields = write.fields.filter((f) => !NOT_HISTORY.has(f));
    if (!write.added && fields.length === 0) continue;
    let entries = map.get(historyKey(codec, key));
    if (!(entries instanceof Y.Array)) {
      entries = new Y.Array<unknown>();
      map.set(historyKey(codec, key), entries);
    }
    const last = entries.length > 0 ? checkedEntry(codec, entries.get(entries.length - 1)) : null;
    const sameEdit = !write.added && last !== null && last.who === stamp.who && Date.parse(stamp.at) - Date.parse(last.at) < SAME_EDIT_MS;
    if (sameEdit) entries.delete(entries.length - 1, 1);
    const added = write.added || (sameEdit && last.added);
    const felter = added ? [] : sameEdit ? [...new Set([...last.fields, ...fields])] : fields;
    entries.push([{ hvem: stamp.who, tid: stamp.at, felter, ny: added }]);
    if (entries.length > HISTORY_KEPT) entries.delete(0, entries.length - HISTORY_KEPT);
  }
}

/** Forgets a removed record's history with it. */
export function dropHistory(doc: Y.Doc, codec: RecordCodec, keys: Iterable<string>): void {
  const map = doc.getMap(HISTORY_MAP);
  for (const key of keys) if (map.has(historyKey(codec, key))) map.delete(historyKey(codec, key));
}

/** One entry as another laptop wrote it, checked: anything not in the expected shape is left out. */
function checkedEntry(codec: RecordCodec, raw: unknown): HistoryEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { hvem, tid, felter, ny } = raw as Record<string, unknown>;
  if (!(hvem === null || (typeof hvem === 'string' && hvem.length <= 100))) return null;
  if (!isInstant(tid)) return null;
  if (typeof ny !== 'boolean' || !Array.isArray(felter)) return null;
  const known = new Set(codec.fields.map((f) => f.field));
  const fields = felter.filter((f): f is string => typeof f === 'string' && known.has(f));
  return { who: hvem, at: tid, fields, added: ny };
}

/** The record's history in the given documents (meeting and fortroligt), oldest first. */
export function readHistory(docs: readonly Y.Doc[], codec: RecordCodec, key: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const doc of docs) {
    const list = doc.getMap(HISTORY_MAP).get(historyKey(codec, key));
    if (!(list instanceof Y.Array)) continue;
    for (const raw of list.toArray()) {
      const entry = checkedEntry(codec, raw);
      if (entry) entries.push(entry);
    }
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
