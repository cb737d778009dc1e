import * as Y from 'yjs';
import { COMMENT_AUTHOR_FIELD, COMMENT_OTHERS_FIELDS, parseConsentKey } from '../../shared/sync/personKeys';
import type { RecordCodec } from '../../shared/records/fields';
import { COMMENTS, CONSENTS } from './codec/meetingRecords';
import { readRecord, type Row, type Values } from './records';

/**
 * The rows the mirror writes of records that speak for a person (the server refuses the rest:
 * server/sync/authorship.ts). Another's consent not at all: it is theirs to give or withdraw (approvals.ts).
 * Another's comment only as the documents already hold it, with whether it was answered, so that it moves
 * with its item between the meeting's two documents and the facilitator's «besvaret» reaches the others,
 * while words this laptop holds of it (an old copy, a merged exchange file) stay here. A comment no document
 * holds yet is sent only by its author.
 */
export function writableRows(codec: RecordCodec, rows: readonly Row[], held: readonly Y.Map<unknown>[], speaksFor: (personId: string) => boolean): Row[] {
  if (codec === CONSENTS) return rows.filter((row) => speaksFor(parseConsentKey(row.key)?.personId ?? ''));
  if (codec !== COMMENTS) return [...rows];
  const writable: Row[] = [];
  for (const row of rows) {
    const author = row.values[COMMENT_AUTHOR_FIELD];
    if (typeof author === 'string' && speaksFor(author)) {
      writable.push(row);
      continue;
    }
    const record = held.map((map) => map.get(row.key)).find((found) => found instanceof Y.Map);
    if (!(record instanceof Y.Map)) continue;
    const values: Values = {};
    for (const [field, value] of Object.entries(readRecord(record, codec).values)) if (value !== undefined) values[field] = value;
    for (const field of COMMENT_OTHERS_FIELDS) values[field] = row.values[field] ?? null;
    writable.push({ ...row, values });
  }
  return writable;
}

