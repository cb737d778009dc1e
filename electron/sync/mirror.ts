import * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY } from '../../shared/sync/documents';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { mirrorApprovals } from './approvals';
import { ORDER_FIELD, type RecordCodec } from '../../shared/records/fields';
import { FORUM, FORUM_RECORDS } from './codec/forumRecords';
import { APPROVALS, DECISIONS, ITEMS, MEETING, MEETING_RECORDS, REFERAT_VERSIONS } from './codec/meetingRecords';
import { CLOSED_FLAG } from './closedShared';
import { dropHistory, stampHistory, type Stamp } from './history';
import { orderKeys } from './order';
import { writableRows } from './othersEntries';
import { readRows, recordMap, writeRecord, writeRecords, type Row, type Scope, type Values } from './records';
import { closedTitlesFor, sharedVersionValues } from './sharedReferat';

/**
 * The mirror: brings a shared forum's documents in line with its rows after a local write, changing only
 * what differs. Confidential content goes to the meeting's fortroligt document; the meeting document keeps
 * a placeholder of a confidential item (its place, type and time) and nothing of what it says.
 */

/** The index's map of the forum's meetings (id → start), from which a laptop learns which documents to fetch. */
export const MEETING_LIST = 'moeder';
/** Meetings deleted from the forum: a later copy of the meeting's document must not bring it back. */
export const DELETED_MEETINGS = 'slettedeMoeder';

interface Wanted {
  values: Values;
  order?: string;
}

/** Order keys for the rows (given in their order), keeping the keys the documents already hold where they can stay. */
function ordersFor(codec: RecordCodec, rows: readonly Row[], held: (key: string) => unknown): Map<string, string> {
  const orders = new Map<string, string>();
  if (!codec.order) return orders;
  const within = codec.order.within;
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = within ? String(row.values[codec.fields.find((f) => f.column === within)?.field ?? ''] ?? '') : '';
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const group of groups.values()) {
    const present = group.map((row) => {
      const key = held(row.key);
      return typeof key === 'string' ? key : undefined;
    });
    orderKeys(present).forEach((key, index) => orders.set(group[index]?.key ?? '', key));
  }
  return orders;
}

function heldOrder(maps: readonly Y.Map<unknown>[]): (key: string) => unknown {
  return (key) => {
    for (const map of maps) {
      const record = map.get(key);
      if (record instanceof Y.Map && typeof record.get(ORDER_FIELD) === 'string') return record.get(ORDER_FIELD);
    }
    return undefined;
  };
}

/** The placeholder of a confidential record: only the fields kept when closed. */
function placeholder(codec: RecordCodec, values: Values): Values | null {
  const kept = codec.fields.filter((f) => f.keptWhenClosed);
  if (kept.length === 0) return null;
  return Object.fromEntries(kept.map((f) => [f.field, values[f.field] ?? null]));
}

/** Removes from `map` the records that left it: deleted rows, and rows that now belong in the other document. */
function withoutLeft(map: Y.Map<unknown>, wanted: Map<string, Wanted>, rows: readonly Row[], deleted: ReadonlySet<string>): Map<string, Wanted> {
  const existing = new Set(rows.map((r) => r.key));
  for (const key of map.keys()) {
    if (wanted.has(key)) continue;
    // Held in the document but not in the rows, and not deleted here: the projection has yet to place it.
    if (!existing.has(key) && !deleted.has(key)) {
      const record = map.get(key);
      if (record instanceof Y.Map) wanted.set(key, { values: Object.fromEntries([...record.entries()].filter(([f]) => f !== ORDER_FIELD).map(([f, v]) => [f, v instanceof Y.Text ? v.toString() : (v as Values[string])])) });
    }
  }
  return wanted;
}

/**
 * Whether a closed record's content is not on this laptop: the meeting document holds its placeholder, closed, and the
 * fortroligt document has no record of it (the laptop was a læser, or that document has not arrived yet). Its row is
 * then the placeholder, or words from before the closing; written into the fortroligt document as a record of its own,
 * it would meet the server's record of the same key, and one of the two would replace the other on every laptop.
 */
function contentNotHere(open: Y.Map<unknown>, closed: Y.Map<unknown>, key: string): boolean {
  const record = open.get(key);
  return record instanceof Y.Map && record.get(CLOSED_FLAG) === 1 && !closed.has(key);
}

export interface MeetingDocs {
  meeting: Y.Doc;
  confidential: Y.Doc;
}

/** The record types whose history the mirror stamps (history.ts): what the agenda shows as «Nyt» or «Ændret». */
const STAMPED: ReadonlySet<RecordCodec> = new Set([ITEMS, DECISIONS]);

/**
 * Returns the keys of approval rows that went stale with this write (the caller removes them). `stamp` says
 * who wrote and when, for the history of what changed; null when nobody changed anything (a forum shared).
 */
export function mirrorMeeting(
  db: SqliteDb,
  scope: Scope,
  docs: MeetingDocs,
  deleted: ReadonlyMap<string, ReadonlySet<string>>,
  stamp: Stamp | null,
  speaksFor: (personId: string) => boolean,
): string[] {
  const [meetingRow] = readRows(db, MEETING, scope);
  if (!meetingRow) return [];
  writeRecord(docs.meeting.getMap(MEETING_ROOT), MEETING, meetingRow.values, undefined);
  const none = new Set<string>();
  const allRows = new Map<RecordCodec, Row[]>();
  for (const codec of MEETING_RECORDS) {
    if (codec === MEETING || codec === APPROVALS || codec === REFERAT_VERSIONS) continue;
    const open = recordMap(docs.meeting, codec);
    const closed = recordMap(docs.confidential, codec);
    // Another's consent or comment is theirs: left, or written, as the documents have it (othersEntries.ts).
    const rows = writableRows(codec, readRows(db, codec, scope), [open, closed], speaksFor);
    allRows.set(codec, rows);
    const orders = ordersFor(codec, rows, heldOrder([open, closed]));
    const openWanted = new Map<string, Wanted>();
    const closedWanted = new Map<string, Wanted>();
    for (const row of rows) {
      const order = orders.get(row.key);
      if (!row.closed) {
        openWanted.set(row.key, { values: row.values, order });
        continue;
      }
      const kept = placeholder(codec, row.values);
      if (!(kept && contentNotHere(open, closed, row.key))) closedWanted.set(row.key, { values: row.values, order });
      if (kept) openWanted.set(row.key, { values: kept, order });
    }
    const gone = deleted.get(codec.table) ?? none;
    const openWrites = writeRecords(open, codec, withoutLeft(open, openWanted, rows, gone));
    const closedWrites = writeRecords(closed, codec, withoutLeft(closed, closedWanted, rows, gone));
    if (!STAMPED.has(codec)) continue;
    // The history stays where the record's content is: a record that became confidential leaves none in the meeting document.
    dropHistory(docs.meeting, codec, [...gone, ...closedWanted.keys()]);
    dropHistory(docs.confidential, codec, gone);
    if (stamp === null) continue;
    stampHistory(docs.meeting, codec, new Map([...openWrites].filter(([key]) => !closedWanted.has(key))), stamp);
    stampHistory(docs.confidential, codec, closedWrites, stamp);
  }
  mirrorReferatVersions(db, scope, docs, allRows.get(ITEMS) ?? [], deleted.get(REFERAT_VERSIONS.table) ?? none);
  const versions = readRows(db, REFERAT_VERSIONS, scope);
  const latest = versions.reduce<Row | null>((last, v) => (last === null || Number(v.values['version']) > Number(last.values['version']) ? v : last), null);
  const root = docs.meeting.getMap(MEETING_ROOT);
  const lockedAt = latest?.values['status'] === 'godkendt' ? latest.values['approvedAt'] : null;
  if (typeof lockedAt === 'string' && root.get(REFERAT_LOCKED_KEY) !== lockedAt) root.set(REFERAT_LOCKED_KEY, lockedAt);
  if (lockedAt === null && root.has(REFERAT_LOCKED_KEY)) root.delete(REFERAT_LOCKED_KEY);
  return mirrorApprovals(docs.meeting, docs.confidential, readRows(db, APPROVALS, scope), new Set(versions.map((v) => v.key)), speaksFor);
}

function mirrorReferatVersions(db: SqliteDb, scope: Scope, docs: MeetingDocs, items: readonly Row[], deleted: ReadonlySet<string>): void {
  const rows = readRows(db, REFERAT_VERSIONS, scope);
  const closedTitles = closedTitlesFor(
    items.map((i) => ({ title: String(i.values['title'] ?? ''), confidential: i.closed })),
    rows.map((r) => r.values),
  );
  const open = recordMap(docs.meeting, REFERAT_VERSIONS);
  const closed = recordMap(docs.confidential, REFERAT_VERSIONS);
  const openWanted = new Map(rows.map((r) => [r.key, { values: sharedVersionValues(r.values, closedTitles) }]));
  const closedWanted = new Map(rows.map((r) => [r.key, { values: r.values }]));
  writeRecords(open, REFERAT_VERSIONS, withoutLeft(open, openWanted, rows, deleted));
  writeRecords(closed, REFERAT_VERSIONS, withoutLeft(closed, closedWanted, rows, deleted));
}

export function mirrorForum(db: SqliteDb, forumId: string, doc: Y.Doc, deleted: ReadonlyMap<string, ReadonlySet<string>>, deletedMeetings: readonly string[], now: string): void {
  const scope: Scope = { forumId, meetingId: null };
  const none = new Set<string>();
  for (const codec of FORUM_RECORDS) {
    const rows = readRows(db, codec, scope);
    if (codec === FORUM) {
      const [row] = rows;
      if (row) writeRecord(doc.getMap(FORUM.type), FORUM, row.values, undefined);
      continue;
    }
    const map = recordMap(doc, codec);
    // Ordered records of the index (a lyttemøde's inputs) keep their place as a meeting's items do.
    const orders = ordersFor(codec, rows, heldOrder([map]));
    const wanted = new Map(rows.map((r) => [r.key, { values: r.values, order: orders.get(r.key) }]));
    writeRecords(map, codec, withoutLeft(map, wanted, rows, codec.keptWhenAbsent ? none : (deleted.get(codec.table) ?? none)));
  }
  const list = doc.getMap(MEETING_LIST);
  const meetings = statement(db, 'SELECT id, starts_at FROM meeting WHERE forum_id = ?').all(forumId) as { id: string; starts_at: string }[];
  for (const m of meetings) if (list.get(m.id) !== m.starts_at) list.set(m.id, m.starts_at);
  const tombstones = doc.getMap(DELETED_MEETINGS);
  for (const id of deletedMeetings) {
    list.delete(id);
    if (!tombstones.has(id)) tombstones.set(id, now);
  }
}
