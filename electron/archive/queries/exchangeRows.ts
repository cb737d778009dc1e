import type { z } from 'zod';
import type { FieldCodec, RecordCodec, Scalar } from '../../../shared/records/fields';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { fileValue, type FileValue } from './exchangeValues';

/**
 * The exchange file's rows, derived from each record type's one declaration (shared/records/) and its
 * SQL side (electron/sync/codec/): every declared field the file holds is selected, converted and put in
 * the file, and written back, without naming it here. What the file's layout adds around the declared
 * fields (the record's id, its number, its parent, the order of the records, how an import treats what the
 * archive already has) is said once per record type in exchangeRecords.ts.
 */

export interface FileRecordLayout<S extends z.ZodObject = z.ZodObject> {
  codec: RecordCodec;
  /** The file's record (shared/exchange/format.ts); its keys give the order of the fields in the file. */
  schema: S;
  /** Columns the file holds beside the declared fields, by their name in the file (id, position, forumId). */
  around?: Readonly<Record<string, string>>;
  /** Columns the record's place in the file gives (its parent's id, its place in a list), never the record itself. */
  given?: readonly string[];
  /** The file's order of the records, over stable keys only (never rowid, which differs between archives). */
  order: string;
  /** A flag an import only raises: a file from before the row was closed here never opens it again. */
  keepsClosed?: string;
  /** References an import never takes away: a record the file has without one keeps the archive's. */
  keepsWhenAbsent?: readonly string[];
  /**
   * References to rows that may come later in the file, or be in neither file nor archive: written empty,
   * and set by `linkLater` once every row of the file is there, when the row they name exists.
   */
  linkedLater?: readonly string[];
}

export type FileRecord<S extends z.ZodObject> = z.output<S>;
export type StoredRow = Readonly<Record<string, Scalar>>;

type Slot =
  | { kind: 'field'; key: string; column: string; value: FileValue }
  | { kind: 'around'; key: string; column: string }
  | { kind: 'group'; key: string; slots: readonly Slot[] }
  /** A nested list or record of the file (a forum's colours, an item's decision), filled by the reader. */
  | { kind: 'nested'; key: string };

interface Compiled {
  columns: readonly string[];
  slots: readonly Slot[];
  nested: readonly string[];
  upsert: string;
  /** Every written column with where its value comes from; the later links are written empty. */
  writes: readonly Write[];
  /** Where each later link's value comes from. */
  later: readonly Write[];
}

interface Write {
  column: string;
  from: (record: Record<string, unknown>, given: StoredRow) => Scalar;
}

const compiled = new WeakMap<FileRecordLayout, Compiled>();

function slotsOf(shape: Readonly<Record<string, z.ZodType>>, fields: readonly FieldCodec[], layout: FileRecordLayout, within?: string): Slot[] {
  const aroundByKey = new Map(Object.entries(layout.around ?? {}).map(([column, key]) => [key, column]));
  return Object.entries(shape).map(([key, schema]): Slot => {
    const field = fields.find((f) => f.file?.name === key && f.file.within === within);
    if (field) return { kind: 'field', key, column: field.column, value: fileValue(field) };
    if (within === undefined && fields.some((f) => f.file?.within === key)) {
      return { kind: 'group', key, slots: slotsOf((schema as z.ZodObject).shape, fields, layout, key) };
    }
    const column = within === undefined ? aroundByKey.get(key) : undefined;
    if (column !== undefined) return { kind: 'around', key, column };
    return { kind: 'nested', key };
  });
}

function written(slots: readonly Slot[], get: (record: Record<string, unknown>) => Record<string, unknown>): Write[] {
  return slots.flatMap((slot): Write[] => {
    if (slot.kind === 'nested') return [];
    if (slot.kind === 'group') return written(slot.slots, (record) => get(record)[slot.key] as Record<string, unknown>);
    if (slot.kind === 'around') return [{ column: slot.column, from: (record) => get(record)[slot.key] as Scalar }];
    return [{ column: slot.column, from: (record) => slot.value.toColumn(get(record)[slot.key]) }];
  });
}

/** The conflict target: an id is unique in the archive; other keys are unique within their forum or meeting. */
function conflictColumns(codec: RecordCodec): string[] {
  return codec.key.length === 1 && codec.key[0] === 'id' ? ['id'] : [...Object.keys(codec.context), ...codec.key];
}

function compile(layout: FileRecordLayout): Compiled {
  const known = compiled.get(layout);
  if (known) return known;
  const { codec } = layout;
  const slots = slotsOf(layout.schema.shape, codec.fields, layout);
  const given = layout.given ?? [];
  const fromRecord = written(slots, (record) => record).filter((w) => !given.includes(w.column));
  const writes: Write[] = [
    ...given.map((column) => ({ column, from: (_record: Record<string, unknown>, values: StoredRow) => values[column] ?? null })),
    ...fromRecord,
  ];
  const columns = [...new Set([...codec.key, ...codec.fields.map((f) => f.column), ...Object.keys(layout.around ?? {}), ...given])];
  const conflict = conflictColumns(codec);
  const later = new Set(layout.linkedLater ?? []);
  const update = writes
    .map((w) => w.column)
    .filter((column) => !conflict.includes(column))
    .map((column) => {
      if (later.has(column)) return `"${column}" = NULL`;
      if (column === layout.keepsClosed) return `"${column}" = max("${codec.table}"."${column}", excluded."${column}")`;
      if (layout.keepsWhenAbsent?.includes(column)) return `"${column}" = COALESCE(excluded."${column}", "${codec.table}"."${column}")`;
      return `"${column}" = excluded."${column}"`;
    });
  // Positional parameters: binding by name costs a lookup per value, and an archive's file has a million of them.
  const values = writes.map((w) => (later.has(w.column) ? 'NULL' : '?'));
  const upsert =
    `INSERT INTO "${codec.table}" (${writes.map((w) => `"${w.column}"`).join(', ')}) VALUES (${values.join(', ')}) ` +
    `ON CONFLICT (${conflict.map((c) => `"${c}"`).join(', ')}) DO ${update.length === 0 ? 'NOTHING' : `UPDATE SET ${update.join(', ')}`}`;
  const result: Compiled = {
    columns,
    slots,
    nested: slots.filter((s) => s.kind === 'nested').map((s) => s.key),
    upsert,
    writes: writes.filter((w) => !later.has(w.column)),
    later: writes.filter((w) => later.has(w.column)),
  };
  compiled.set(layout, result);
  return result;
}

function toRecord(slots: readonly Slot[], row: StoredRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const slot of slots) {
    if (slot.kind === 'field') record[slot.key] = slot.value.toFile(row[slot.column] ?? null);
    else if (slot.kind === 'around') record[slot.key] = row[slot.column];
    else if (slot.kind === 'group') record[slot.key] = toRecord(slot.slots, row);
    // Holds the nested list's place, so the file's keys keep their order when the reader fills it.
    else record[slot.key] = undefined;
  }
  return record;
}

/**
 * The file's records of the rows `where` selects, in the file's order. `nested` gives each record's
 * nested lists from its row; every one the file has must be given.
 */
export function readFileRecords<S extends z.ZodObject>(
  db: SqliteDb,
  layout: FileRecordLayout<S>,
  where: string,
  params: readonly unknown[],
  nested?: (row: StoredRow) => Partial<FileRecord<S>>,
): FileRecord<S>[] {
  return readStored(db, layout, where, params).map(({ row, record }) => fill(layout, record, row, nested));
}

/** The same, grouped by a column of the rows (a meeting's decisions by item). */
export function readFileRecordsBy<S extends z.ZodObject>(
  db: SqliteDb,
  layout: FileRecordLayout<S>,
  by: string,
  where: string,
  params: readonly unknown[],
  nested?: (row: StoredRow) => Partial<FileRecord<S>>,
): Map<Scalar, FileRecord<S>[]> {
  const groups = new Map<Scalar, FileRecord<S>[]>();
  for (const { row, record } of readStored(db, layout, where, params)) {
    const key = row[by] ?? null;
    const group = groups.get(key);
    const filled = fill(layout, record, row, nested);
    if (group) group.push(filled);
    else groups.set(key, [filled]);
  }
  return groups;
}

function readStored(db: SqliteDb, layout: FileRecordLayout, where: string, params: readonly unknown[]) {
  const { columns, slots } = compile(layout);
  const sql = `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${layout.codec.table}" WHERE ${where} ORDER BY ${layout.order}`;
  return (statement(db, sql).all(...params) as StoredRow[]).map((row) => ({ row, record: toRecord(slots, row) }));
}

function fill<S extends z.ZodObject>(
  layout: FileRecordLayout<S>,
  record: Record<string, unknown>,
  row: StoredRow,
  nested: ((row: StoredRow) => Partial<FileRecord<S>>) | undefined,
): FileRecord<S> {
  const { nested: keys } = compile(layout);
  if (keys.length > 0) {
    const values = (nested?.(row) ?? {}) as Record<string, unknown>;
    for (const key of keys) {
      if (values[key] === undefined) throw new Error(`${layout.codec.table}: filens felt ${key} blev ikke læst.`);
      record[key] = values[key];
    }
  }
  // toRecord built every key of the schema from the row's declared columns, and the nested ones are filled above.
  return record as FileRecord<S>;
}

/** Upserts one record of the file: the file wins, except where the layout says what an import keeps. */
export function writeFileRecord<S extends z.ZodObject>(db: SqliteDb, layout: FileRecordLayout<S>, record: FileRecord<S>, given: StoredRow = {}): void {
  const { upsert, writes } = compile(layout);
  const values = new Array<Scalar>(writes.length);
  for (let i = 0; i < writes.length; i++) values[i] = (writes[i] as Write).from(record as Record<string, unknown>, given);
  statement(db, upsert).run(values);
}

/** The later links of one record, to set once every row of the file is written (see `linkLater`). */
export interface LaterLink {
  layout: FileRecordLayout;
  id: string;
  column: string;
  target: string;
}

export function laterLinks<S extends z.ZodObject>(layout: FileRecordLayout<S>, record: FileRecord<S>, given: StoredRow = {}): LaterLink[] {
  const { later } = compile(layout);
  if (later.length === 0) return [];
  const id = (record as Record<string, unknown>)['id'];
  const links: LaterLink[] = [];
  for (const { column, from } of later) {
    const target = from(record as Record<string, unknown>, given);
    if (typeof target === 'string' && typeof id === 'string') links.push({ layout, id, column, target });
  }
  return links;
}

/** Sets every later link whose row exists now; one lookup per referenced table. */
export function linkLater(db: SqliteDb, links: readonly LaterLink[]): void {
  const byColumn = new Map<string, LaterLink[]>();
  for (const link of links) {
    const key = `${link.layout.codec.table}.${link.column}`;
    const group = byColumn.get(key);
    if (group) group.push(link);
    else byColumn.set(key, [link]);
  }
  for (const group of byColumn.values()) {
    const [first] = group;
    if (!first) continue;
    const field = first.layout.codec.fields.find((f) => f.column === first.column);
    if (!field?.ref) throw new Error(`${first.layout.codec.table}.${first.column} er ikke en reference.`);
    const present = new Set(
      statement(db, `SELECT id FROM "${field.ref}" WHERE id IN (SELECT value FROM json_each(?))`)
        .pluck()
        .all(JSON.stringify(group.map((l) => l.target))) as string[],
    );
    const set = statement(db, `UPDATE "${first.layout.codec.table}" SET "${first.column}" = ? WHERE id = ?`);
    for (const link of group) if (present.has(link.target)) set.run(link.target, link.id);
  }
}
