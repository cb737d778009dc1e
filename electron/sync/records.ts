import * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ORDER_FIELD, type FieldCodec, type RecordCodec, type Scalar } from '../../shared/records/fields';
import { setText } from './textDiff';

/**
 * Rows and document records of one record type, in the one shape both directions use: a record is its
 * fields by document name (text as a plain string) plus, for ordered types, its sortable key.
 */

export type Values = Record<string, Scalar>;

export interface Row {
  key: string;
  values: Values;
  /** The integer position, for ordered types. */
  position: number | null;
  closed: boolean;
}

export interface Scope {
  forumId: string;
  meetingId: string | null;
}

const KEY_SEPARATOR = '|';

export function keyOf(codec: RecordCodec, get: (column: string) => unknown): string {
  return codec.key.map((column) => String(get(column))).join(KEY_SEPARATOR);
}

function fieldByColumn(codec: RecordCodec, column: string): FieldCodec | undefined {
  return codec.fields.find((f) => f.column === column);
}

/** The key's values for the key columns that are not fields (only `id`). */
export function keyColumns(codec: RecordCodec, key: string): Values {
  const parts = key.split(KEY_SEPARATOR);
  const values: Values = {};
  codec.key.forEach((column, index) => {
    if (!fieldByColumn(codec, column)) values[column] = parts[index] ?? '';
  });
  return values;
}

export function selectColumns(codec: RecordCodec): string[] {
  const columns = new Set<string>([...codec.key, ...codec.fields.map((f) => f.column)]);
  if (codec.order) columns.add(codec.order.column);
  return [...columns];
}

/** The rows of the record type that belong in the document, in order. */
export function readRows(db: SqliteDb, codec: RecordCodec, scope: Scope): Row[] {
  const columns = selectColumns(codec).map((c) => `"${c}"`);
  const closed = codec.closed ? `(${codec.closed})` : '0';
  const orderBy = codec.order ? ` ORDER BY ${codec.order.within ? `"${codec.order.within}", ` : ''}"${codec.order.column}"` : '';
  const sql = `SELECT ${columns.join(', ')}, ${closed} AS sync_closed FROM main."${codec.table}" WHERE ${codec.scope}${orderBy}`;
  const rows = statement(db, sql).all({ forumId: scope.forumId, meetingId: scope.meetingId ?? '' }) as Record<string, Scalar>[];
  return rows.map((row) => {
    const values: Values = {};
    for (const f of codec.fields) values[f.field] = row[f.column] ?? null;
    return {
      key: keyOf(codec, (column) => row[column]),
      values,
      position: codec.order ? Number(row[codec.order.column]) : null,
      closed: row['sync_closed'] === 1,
    };
  });
}

/** Where a record type's records live in a document: one map per type, or the root map for the forum or meeting itself. */
export function recordMap(doc: Y.Doc, codec: RecordCodec): Y.Map<unknown> {
  return doc.getMap(codec.type);
}

/** Sets a record's fields to exactly `values` (plus its order key), changing only what differs; returns the fields it changed. */
export function writeRecord(record: Y.Map<unknown>, codec: RecordCodec, values: Values, order: string | undefined): string[] {
  const changed: string[] = [];
  for (const f of codec.fields) {
    if (!(f.field in values)) {
      if (record.has(f.field)) {
        record.delete(f.field);
        changed.push(f.field);
      }
      continue;
    }
    const value = values[f.field] ?? null;
    if (f.kind === 'tekst') {
      const existing = record.get(f.field);
      const wanted = String(value ?? '');
      if (existing instanceof Y.Text) {
        if (existing.toString() !== wanted) changed.push(f.field);
        setText(existing, wanted);
      } else {
        record.set(f.field, new Y.Text(wanted));
        changed.push(f.field);
      }
    } else if (record.get(f.field) !== value || !record.has(f.field)) {
      record.set(f.field, value);
      changed.push(f.field);
    }
  }
  if (order !== undefined && record.get(ORDER_FIELD) !== order) record.set(ORDER_FIELD, order);
  return changed;
}

/** What writeRecords did to one record: added, or which fields it changed. */
export interface RecordWrite {
  added: boolean;
  fields: string[];
}

/**
 * Brings a map of records in line with the wanted ones: new ones added, changed fields set, gone ones removed.
 * Returns the records it added or changed (not those whose order key alone moved).
 */
export function writeRecords(map: Y.Map<unknown>, codec: RecordCodec, wanted: ReadonlyMap<string, { values: Values; order?: string }>): Map<string, RecordWrite> {
  const writes = new Map<string, RecordWrite>();
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, { values, order }] of wanted) {
    let record = map.get(key);
    const added = !(record instanceof Y.Map);
    if (added) {
      record = new Y.Map<unknown>();
      map.set(key, record);
    }
    const fields = writeRecord(record as Y.Map<unknown>, codec, values, order);
    if (added || fields.length > 0) writes.set(key, { added, fields });
  }
  return writes;
}

export interface DocRecord {
  values: Partial<Values>;
  order: string | null;
}

/** A record as the document holds it: only the fields it has; text as a string. */
export function readRecord(record: Y.Map<unknown>, codec: RecordCodec): DocRecord {
  const values: Partial<Values> = {};
  for (const f of codec.fields) {
    if (!record.has(f.field)) continue;
    const value = record.get(f.field);
    values[f.field] = value instanceof Y.Text ? value.toString() : (value as Scalar);
  }
  const order = record.get(ORDER_FIELD);
  return { values, order: typeof order === 'string' ? order : null };
}

export function readRecords(map: Y.Map<unknown>, codec: RecordCodec): Map<string, DocRecord> {
  const records = new Map<string, DocRecord>();
  for (const [key, record] of map) if (record instanceof Y.Map) records.set(key, readRecord(record as Y.Map<unknown>, codec));
  return records;
}
