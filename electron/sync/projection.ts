import type * as Y from 'yjs';
import { MEETING_ROOT } from '../../shared/sync/documents';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { CLOSED_ITEM_TITLE } from '../services/redaction';
import { approvalMatches, currentContent, lockedVersions } from './approvals';
import type { RecordCodec, Scalar } from '../../shared/records/fields';
import { FORUM, FORUM_RECORDS } from './codec/forumRecords';
import { APPROVALS, ITEMS, MEETING, MEETING_RECORDS } from './codec/meetingRecords';
import { DELETED_MEETINGS } from './mirror';
import { keyColumns, readRecord, readRecords, recordMap, selectColumns, type DocRecord, type Scope, type Values } from './records';

/**
 * The projection: writes what the documents hold into the archive's rows (the same tables every query
 * reads), adding, changing and removing rows until they match. It trusts nothing in a document: a record with
 * a value that fails its field's check is left out with a logged reason (ids only), and a row the laptop already
 * has for it stays as it stands; a record that names a row another document has not brought yet waits for it
 * (`waiting`), to be placed when it arrives.
 */

export interface ProjectionResult {
  /** Some record named a row that is not here yet; project again when more has arrived. */
  waiting: boolean;
}

/** By key: the record's checked values, or null for one refused (its row, if any, stays as it is). */
type Desired = Map<string, { values: Values | null; order: string | null }>;

function refused(document: string, codec: RecordCodec, key: string, reason: string): void {
  console.warn(`[deling] ${document}: ${codec.type} ${key} springes over (${reason}).`);
}

/** The record's values with every field filled and checked, or null (logged) when a value is not acceptable. */
function checked(document: string, codec: RecordCodec, key: string, record: DocRecord): Values | null {
  const values: Values = {};
  for (const f of codec.fields) {
    const value = f.field in record.values ? record.values[f.field] : f.fallback;
    if (!f.check(value)) {
      refused(document, codec, key, `feltet ${f.field} har en ugyldig værdi`);
      return null;
    }
    values[f.field] = value ?? null;
  }
  // A reader's placeholder of a confidential item has no title, and no round; the archive needs both.
  if (codec === ITEMS && !('title' in record.values)) values['title'] = CLOSED_ITEM_TITLE;
  if (codec === ITEMS && !('roundDone' in record.values)) values['roundDone'] = '[]';
  return values;
}

const KEY_SHAPE = /^[^|\s]{1,100}(\|[^|\s]{1,100})*$/;
const ORDER_SHAPE = /^[0-9a-z]{1,200}$/;

function desiredOf(document: string, codec: RecordCodec, records: ReadonlyMap<string, DocRecord>): Desired {
  const desired: Desired = new Map();
  for (const [key, record] of records) {
    if (!KEY_SHAPE.test(key) || key.split('|').length !== codec.key.length) {
      refused(document, codec, key.slice(0, 40), 'nøglen har ikke den rette form');
      continue;
    }
    const order = record.order !== null && ORDER_SHAPE.test(record.order) ? record.order : null;
    desired.set(key, { values: checked(document, codec, key, record), order });
  }
  return desired;
}

/** A row written from a document that is not one of the document's rows after all. */
class OutOfScope extends Error {}

/**
 * Whether a row just written is one of the document's. A record naming its parent names a row of this meeting or
 * forum, or it would write into another: a comment or a decision on another forum's item, which that forum's
 * screens would show and its documents carry. Rows other forums use as well (persons, sager) belong to none.
 */
function inScope(db: SqliteDb, codec: RecordCodec, scope: Scope, rowid: number): boolean {
  if (codec.keptWhenAbsent) return true;
  const condition = codec.placed ? `(${codec.scope}) AND (${codec.placed})` : codec.scope;
  const sql = `SELECT 1 FROM main."${codec.table}" WHERE rowid = @sync_rowid AND ${condition}`;
  return statement(db, sql).get({ forumId: scope.forumId, meetingId: scope.meetingId ?? '', sync_rowid: rowid }) !== undefined;
}

/**
 * Runs one row's write; a row the archive's own rules refuse (two laptops naming a lyttemøde theme alike
 * offline, an empty text where the table wants words), or one that is not the document's (`placed`), is left out
 * with a logged reason instead of failing the whole update, which would then never be stored. The row's write
 * alone is undone; the transaction goes on.
 */
function withinConstraints(db: SqliteDb, document: string, codec: RecordCodec, key: string, write: () => number, placed: (rowid: number) => boolean): boolean {
  try {
    db.transaction(() => {
      if (!placed(write())) throw new OutOfScope();
    })();
    return true;
  } catch (error) {
    if (error instanceof OutOfScope) {
      refused(document, codec, key, 'posten hører til et andet møde eller forum');
      return false;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    refused(document, codec, key, `arkivet afviser rækken (${code})`);
    return false;
  }
}

function exists(db: SqliteDb, table: string, id: string): boolean {
  return statement(db, `SELECT 1 FROM main."${table}" WHERE id = ?`).get(id) !== undefined;
}

interface ExistingRow {
  rowid: number;
  columns: Record<string, Scalar>;
}

/** Brings the rows of one record type in one document's scope in line with `desired`. */
function projectRecords(db: SqliteDb, document: string, codec: RecordCodec, scope: Scope, desired: Desired): boolean {
  let waiting = false;
  const columns = selectColumns(codec);
  const existing = new Map<string, ExistingRow>();
  const rows = statement(db, `SELECT rowid AS sync_rowid, ${columns.map((c) => `"${c}"`).join(', ')} FROM main."${codec.table}" WHERE ${codec.scope}`).all({
    forumId: scope.forumId,
    meetingId: scope.meetingId ?? '',
  }) as Record<string, Scalar>[];
  for (const row of rows) existing.set(codec.key.map((c) => String(row[c])).join('|'), { rowid: Number(row['sync_rowid']), columns: row });

  if (!codec.keptWhenAbsent) {
    for (const [key, row] of existing) {
      if (desired.has(key)) continue;
      statement(db, `DELETE FROM main."${codec.table}" WHERE rowid = ?`).run(row.rowid);
      existing.delete(key);
    }
  }

  // Columns of each wanted row, with references that are not here yet left out (or the row skipped).
  const wanted = new Map<string, Record<string, Scalar>>();
  for (const [key, { values }] of desired) {
    // A refused record leaves its row as it stands (in its place): one bad value must not delete the row and what hangs on it.
    if (values === null) {
      const old = existing.get(key);
      if (old) wanted.set(key, old.columns);
      continue;
    }
    const row: Record<string, Scalar> = { ...keyColumns(codec, key) };
    let placeable = true;
    for (const f of codec.fields) {
      let value = values[f.field] ?? null;
      if (f.ref && typeof value === 'string' && !exists(db, f.ref, value)) {
        waiting = true;
        if (f.fallback !== null) placeable = false;
        value = null;
      }
      row[f.column] = value;
    }
    if (placeable) wanted.set(key, row);
  }

  const positions = positionsOf(codec, desired, wanted);
  // Rows that move are parked at negative positions first, so no two rows ever share a place (UNIQUE).
  const orderColumn = codec.order?.column;
  let parked = 0;
  const park = (rowid: number) => statement(db, `UPDATE main."${codec.table}" SET "${orderColumn}" = ? WHERE rowid = ?`).run(-1_000_000 - parked++, rowid);
  const moved: { rowid: number; position: number }[] = [];
  for (const [key, row] of wanted) {
    const position = positions.get(key);
    const old = existing.get(key);
    if (old) {
      const changed = columns.filter((c) => c !== orderColumn && c in row && row[c] !== old.columns[c]);
      if (changed.length > 0) {
        const params = { ...Object.fromEntries(changed.map((c) => [c, row[c] ?? null])), sync_rowid: old.rowid };
        const sql = `UPDATE main."${codec.table}" SET ${changed.map((c) => `"${c}" = @${c}`).join(', ')} WHERE rowid = @sync_rowid`;
        const write = () => {
          statement(db, sql).run(params);
          return old.rowid;
        };
        if (!withinConstraints(db, document, codec, key, write, (rowid) => inScope(db, codec, scope, rowid))) continue;
      }
      if (orderColumn && position !== undefined && old.columns[orderColumn] !== position) {
        park(old.rowid);
        moved.push({ rowid: old.rowid, position });
      }
      continue;
    }
    const insert: Record<string, Scalar> = { ...row };
    for (const [column, from] of Object.entries(codec.context)) insert[column] = from === 'meeting' ? scope.meetingId : scope.forumId;
    if (orderColumn) insert[orderColumn] = -2_000_000 - parked++;
    const names = Object.keys(insert);
    const sql = `INSERT INTO main."${codec.table}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})`;
    let rowid: number | null = null;
    const write = () => (rowid = Number(statement(db, sql).run(insert).lastInsertRowid));
    if (!withinConstraints(db, document, codec, key, write, (written) => inScope(db, codec, scope, written))) continue;
    if (orderColumn && position !== undefined && rowid !== null) moved.push({ rowid, position });
  }
  for (const { rowid, position } of moved) statement(db, `UPDATE main."${codec.table}" SET "${orderColumn}" = ? WHERE rowid = ?`).run(position, rowid);
  return waiting;
}

/** Integer positions from the sortable keys: sorted by key (then id), counted from the type's first position. */
function positionsOf(codec: RecordCodec, desired: Desired, wanted: ReadonlyMap<string, Record<string, Scalar>>): Map<string, number> {
  const positions = new Map<string, number>();
  if (!codec.order) return positions;
  const { first, within } = codec.order;
  const groups = new Map<string, string[]>();
  for (const key of wanted.keys()) {
    const group = within ? String(wanted.get(key)?.[within] ?? '') : '';
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  for (const keys of groups.values()) {
    keys.sort((a, b) => {
      const oa = desired.get(a)?.order ?? '';
      const ob = desired.get(b)?.order ?? '';
      return oa < ob ? -1 : oa > ob ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    keys.forEach((key, index) => positions.set(key, first + index));
  }
  return positions;
}

function singleDesired(document: string, codec: RecordCodec, map: Y.Map<unknown>, id: string): Desired {
  const record = readRecord(map, codec);
  // A root map that holds nothing yet (the document has not arrived) places nothing and removes nothing.
  if (Object.keys(record.values).length === 0) return new Map();
  return desiredOf(document, codec, new Map([[id, record]]));
}

export function projectForum(db: SqliteDb, forumId: string, doc: Y.Doc, document: string): ProjectionResult {
  const scope: Scope = { forumId, meetingId: null };
  const forum = singleDesired(document, FORUM, doc.getMap(FORUM.type), forumId);
  if (forum.size === 0) return { waiting: false };
  let waiting = false;
  for (const codec of FORUM_RECORDS) {
    const desired = codec === FORUM ? forum : desiredOf(document, codec, readRecords(recordMap(doc, codec), codec));
    waiting = projectRecords(db, document, codec, scope, desired) || waiting;
  }
  for (const id of doc.getMap(DELETED_MEETINGS).keys()) statement(db, 'DELETE FROM meeting WHERE id = ? AND forum_id = ?').run(id, forumId);
  return { waiting };
}

export interface MeetingSources {
  meeting: Y.Doc;
  /** Empty on a reader's laptop, which never receives it. */
  confidential: Y.Doc;
  forum: Y.Doc;
}

/**
 * A closed record in the meeting document is its placeholder, whatever else it holds: a laptop that wrote in the
 * item offline, before it heard of the closing, puts its words there, and a reader must not be shown them. Only the
 * fields a placeholder keeps are read from it; the rest come from the fortroligt document.
 */
function asPlaceholder(codec: RecordCodec, record: DocRecord): DocRecord {
  const kept = codec.fields.filter((f) => f.keptWhenClosed);
  if (kept.length === 0 || record.values['confidential'] !== 1) return record;
  return { values: Object.fromEntries(kept.filter((f) => f.field in record.values).map((f) => [f.field, record.values[f.field]])), order: record.order };
}

function mergedRecords(codec: RecordCodec, sources: MeetingSources): Map<string, DocRecord> {
  const open = readRecords(recordMap(sources.meeting, codec), codec);
  const closed = readRecords(recordMap(sources.confidential, codec), codec);
  const merged = new Map<string, DocRecord>();
  for (const key of new Set([...open.keys(), ...closed.keys()])) {
    const shared = open.get(key);
    const a = shared && asPlaceholder(codec, shared);
    const b = closed.get(key);
    merged.set(key, { values: { ...a?.values, ...b?.values }, order: a?.order ?? b?.order ?? null });
  }
  return merged;
}

export function projectMeeting(db: SqliteDb, scope: Scope & { meetingId: string }, sources: MeetingSources, document: string): ProjectionResult {
  if (sources.forum.getMap(DELETED_MEETINGS).has(scope.meetingId)) {
    statement(db, 'DELETE FROM meeting WHERE id = ? AND forum_id = ?').run(scope.meetingId, scope.forumId);
    return { waiting: false };
  }
  if (!exists(db, 'forum', scope.forumId)) return { waiting: true };
  // A meeting is known only within its forum, as on the server: a document under this forum that names another forum's
  // meeting (its id seen in a referat or an exchange file) must not rewrite that meeting or remove its items.
  const owner = statement(db, 'SELECT forum_id FROM main.meeting WHERE id = ?').pluck().get(scope.meetingId);
  if (owner !== undefined && owner !== scope.forumId) {
    refused(document, MEETING, scope.meetingId, 'mødet hører til et andet forum');
    return { waiting: false };
  }
  const meeting = singleDesired(document, MEETING, sources.meeting.getMap(MEETING_ROOT), scope.meetingId);
  if (meeting.size === 0) return { waiting: false };
  let waiting = false;
  for (const codec of MEETING_RECORDS) {
    const desired = codec === MEETING ? meeting : codec === APPROVALS ? validApprovals(document, sources) : desiredOf(document, codec, mergedRecords(codec, sources));
    waiting = projectRecords(db, document, codec, scope, desired) || waiting;
  }
  // The meeting names its current item, which exists only now.
  projectRecords(db, document, MEETING, scope, meeting);
  return { waiting };
}

/** The approvals that still match the content (or belong to a locked version); stale ones are not rows. */
function validApprovals(document: string, sources: MeetingSources): Desired {
  const map = sources.meeting.getMap(APPROVALS.type);
  const content = currentContent(sources.meeting, sources.confidential);
  const locked = lockedVersions(sources.meeting, sources.confidential);
  const records = readRecords(map, APPROVALS);
  for (const key of [...records.keys()]) {
    const record = map.get(key);
    const versionId = key.split('|')[0] ?? '';
    if (locked.has(versionId)) continue;
    if (!record || !approvalMatches(record as Y.Map<unknown>, content)) records.delete(key);
  }
  return desiredOf(document, APPROVALS, records);
}
