import * as Y from 'yjs';
import { ORDER_FIELD } from '../../shared/records/fields';
import type { SqliteDb } from '../archive/open';
import { ITEMS, MEETING_RECORDS } from './codec/meetingRecords';
import { writableRows } from './othersEntries';
import { readRows, recordMap, type Scope } from './records';

/** An item's own flag in its records: 1 when closed. */
export const CLOSED_FLAG = 'confidential';

/**
 * Whether the meeting document, which a læser receives, holds content of a closed record that this laptop may write:
 * put there by a laptop that had not yet heard of the closing (a decision, dissent, action or comment recorded offline
 * while another laptop closed the item, or words in the item itself, beyond its placeholder). The laptop that finds it
 * after a remote update mirrors the meeting at once, which moves the content into the fortroligt document.
 */
export function closedContentShared(db: SqliteDb, scope: Scope, meeting: Y.Doc, speaksFor: (personId: string) => boolean): boolean {
  for (const codec of MEETING_RECORDS) {
    const map = recordMap(meeting, codec);
    if (!codec.closed || map.size === 0) continue;
    const kept = new Set<string>([ORDER_FIELD, ...codec.fields.filter((f) => f.keptWhenClosed).map((f) => f.field)]);
    for (const row of writableRows(codec, readRows(db, codec, scope), [map], speaksFor)) {
      const record = map.get(row.key);
      if (row.closed && record instanceof Y.Map && [...record.keys()].some((field) => !kept.has(field))) return true;
    }
  }
  return false;
}

/**
 * Whether an item of the meeting is between its two documents: closed or opened on another laptop, with only one of
 * the two documents' halves here yet (the meeting document's flag and the row disagree, or a closed item has no record
 * in the fortroligt document). Mirroring the meeting now would put the item back where it came from, or write its
 * placeholder as its content beside the other laptop's record, and the item's content would be lost.
 */
export function itemsMoving(db: SqliteDb, scope: Scope, meeting: Y.Doc, confidential: Y.Doc): boolean {
  const shared = recordMap(meeting, ITEMS);
  const content = recordMap(confidential, ITEMS);
  return readRows(db, ITEMS, scope).some((row) => {
    const record = shared.get(row.key);
    const flag = record instanceof Y.Map ? record.get(CLOSED_FLAG) : undefined;
    return (flag !== undefined && (flag === 1) !== row.closed) || (row.closed && !content.has(row.key));
  });
}
