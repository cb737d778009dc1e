import * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ITEMS } from './codec/meetingRecords';
import { recordMap, type Values } from './records';
import { unionText } from './textUnion';

/**
 * Another laptop closed an item while this one, offline, was still writing in it. Its words went into the meeting
 * document, where the closing laptop had already left only the item's placeholder, so they are in neither
 * document's content, and the projection would replace them in the row with what the fortroligt document holds.
 * They are this user's, typed here and not yet taken by the server: found before the remote update is applied,
 * they are put back into the row after its projection (a text by word union, so the closing laptop's words stay
 * too), and the caller mirrors them as an ordinary local update into the fortroligt document, where the item's
 * content now lives. The other direction, words typed in a closed item that another laptop opened meanwhile, would
 * share them by a choice made without seeing them: those are kept apart (openedWords.ts).
 */

/** The ids (client → clock ranges) that this laptop's updates not yet taken by the server created. */
type Written = Map<number, [number, number][]>;

function writtenBy(updates: readonly Uint8Array[]): Written {
  const ids: Written = new Map();
  for (const update of updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      ids.set(struct.id.client, [...(ids.get(struct.id.client) ?? []), [struct.id.clock, struct.id.clock + struct.length]]);
    }
  }
  return ids;
}

function isWritten(ids: Written, item: Y.Item | null | undefined): boolean {
  if (!item) return false;
  const { client, clock } = item.id;
  return (ids.get(client) ?? []).some(([from, to]) => clock >= from && clock < to);
}

/** Whether the field's present value holds something an unsent update wrote: the value itself, or words in its text. */
function ownField(record: Y.Map<unknown>, field: string, ids: Written): boolean {
  const entry = record._map.get(field);
  if (!entry || entry.deleted) return false;
  if (isWritten(ids, entry)) return true;
  const value = record.get(field);
  if (!(value instanceof Y.Text)) return false;
  for (let item = value._start; item !== null; item = item.right) if (!item.deleted && isWritten(ids, item)) return true;
  return false;
}

/**
 * Before a remote update: the fields of the meeting's items that hold this laptop's writing in `unsent`, by item. The
 * open items' from the meeting document, or (`closed`) the closed items' from the fortroligt document (openedWords.ts).
 */
export function ownUnsentWords(db: SqliteDb, doc: Y.Doc, unsent: readonly Uint8Array[], closed = false): Map<string, Values> {
  const words = new Map<string, Values>();
  if (unsent.length === 0) return words;
  const ids = writtenBy(unsent);
  const open = statement(db, 'SELECT confidential = 0 FROM main.agenda_item WHERE id = ?').pluck();
  for (const [itemId, record] of recordMap(doc, ITEMS)) {
    // A closed item's record stays in the fortroligt document until an opening's removal of it arrives, which may come
    // after the meeting document's half has opened the row.
    if (!(record instanceof Y.Map) || (!closed && open.get(itemId) !== 1)) continue;
    const values: Values = {};
    for (const f of ITEMS.fields) {
      if (f.keptWhenClosed || !ownField(record, f.field, ids)) continue;
      const value = record.get(f.field);
      const scalar = value instanceof Y.Text ? value.toString() : value;
      if (f.check(scalar)) values[f.field] = scalar as Values[string];
    }
    if (Object.keys(values).length > 0) words.set(itemId, values);
  }
  return words;
}

/**
 * After a projection: the items it closed take this laptop's words back, once the closing laptop's content of the
 * item is in the fortroligt document (`arrived`; the meeting document's half of a closing may come first, and words
 * written before it would stand beside the other laptop's record instead of in it). An item settled (or open again,
 * or gone) leaves `words`; the rest wait for the next update. Whether any row changed.
 */
export function keepOwnWords(db: SqliteDb, words: Map<string, Values>, arrived: (itemId: string) => boolean): boolean {
  let changed = false;
  for (const [itemId, values] of words) {
    const row = statement(db, 'SELECT * FROM main.agenda_item WHERE id = ?').get(itemId) as Record<string, Values[string]> | undefined;
    if (row?.['confidential'] === 1 && !arrived(itemId)) continue;
    words.delete(itemId);
    if (row?.['confidential'] !== 1) continue;
    for (const f of ITEMS.fields) {
      if (!(f.field in values)) continue;
      const mine = values[f.field] ?? null;
      const value = f.kind === 'tekst' ? unionText(String(row[f.column] ?? ''), String(mine ?? '')) : mine;
      if (value === row[f.column]) continue;
      statement(db, `UPDATE main.agenda_item SET "${f.column}" = ? WHERE id = ?`).run(value, itemId);
      changed = true;
    }
  }
  return changed;
}
