import { dissentText } from '../../shared/domain/dissent';
import type { SqliteDb } from '../archive/open';
import { dissentsOfDecisions } from '../archive/queries/decisions';
import { statement } from '../archive/statements';
import type { FieldCodec, RecordCodec, Scalar } from '../../shared/records/fields';
import { FORUM_RECORDS } from './codec/forumRecords';
import { ACTIONS, ACTION_NOTES, DECISIONS, DISSENTS, MEETING_RECORDS } from './codec/meetingRecords';
import { keyOf } from './records';
import { unionText } from './textUnion';
import { hasSharedForumTable, sharedForumRows } from './updateLog';

/**
 * An exchange file imported into a shared forum is merged with the shared copy instead of overwriting it.
 * The import writes the file as always (the file wins); this module reads the shared forum's rows before
 * and puts back, field by field as the codecs declare them, what the members had:
 * - what only the file has (a new item, decision, action, note, member…) arrives;
 * - nothing is removed: a row the shared copy has and the write removed (a dissent the file lacks) comes back;
 * - a text field (`tekst`) both hold keeps every word of both (textUnion.ts);
 * - a single value (`skalar`) both hold keeps the shared copy's, unless the shared copy has none yet (empty,
 *   or the field's starting value): then the file's fills it in;
 * - records both hold keep the shared copy's order; the file's new ones come after the record they follow in the file.
 * The rows are then mirrored into the documents by the write's own transaction (dispatch → mirror), so the
 * merge reaches the server as this laptop's ordinary updates.
 */

/** What the file touches: the forums it holds or whose meetings it holds. */
export interface ImportTouches {
  forumIds: readonly string[];
  meetings: readonly { id: string; forumId: string }[];
}

type Row = Record<string, Scalar>;

interface Part {
  forumId: string;
  codec: RecordCodec;
  /** The rows of this record type in the part's scope, as SQL over the table with @meetingId and @forumId. */
  scope: string;
  params: { forumId: string; meetingId: string };
  before: Map<string, Row>;
}

/** The shared forums' rows the import may change, read before it writes; null when it touches no shared forum. */
export interface SharedCopy {
  parts: Part[];
}

/** What the merge kept of the shared copy, for the import's summary. */
export interface ForumMerge {
  forumId: string;
  /** Text fields where the file's words were added to the shared copy's. */
  textsMerged: number;
  /** Single values where the file said something else and the shared copy's value stands. */
  valuesKept: number;
  /** Rows the shared copy had and the file's write would have removed. */
  rowsKept: number;
}

/** A forum's own actions (agreed outside any meeting) and their notes: no meeting document holds them. */
const FORUM_ACTIONS = 'forum_id = @forumId AND meeting_id IS NULL AND item_id IS NULL';

function readScope(db: SqliteDb, part: Omit<Part, 'before'>): Map<string, Row> {
  const rows = statement(db, `SELECT rowid AS merge_rowid, * FROM main."${part.codec.table}" WHERE ${part.scope}`).all(part.params) as Row[];
  return new Map(rows.map((row) => [keyOf(part.codec, (column) => row[column]), row]));
}

export function readSharedCopy(db: SqliteDb, touches: ImportTouches): SharedCopy | null {
  if (!hasSharedForumTable(db)) return null;
  const shared = new Set(sharedForumRows(db).map((f) => f.forumId));
  const forums = new Set([...touches.forumIds, ...touches.meetings.map((m) => m.forumId)].filter((id) => shared.has(id)));
  if (forums.size === 0) return null;
  const parts: Part[] = [];
  const add = (forumId: string, meetingId: string, codec: RecordCodec, scope: string) => {
    const part = { forumId, codec, scope, params: { forumId, meetingId } };
    parts.push({ ...part, before: readScope(db, part) });
  };
  for (const forumId of forums) {
    for (const codec of FORUM_RECORDS) add(forumId, '', codec, codec.scope);
    add(forumId, '', ACTIONS, FORUM_ACTIONS);
    add(forumId, '', ACTION_NOTES, `action_id IN (SELECT id FROM main.action WHERE ${FORUM_ACTIONS})`);
  }
  for (const meeting of touches.meetings) {
    if (!forums.has(meeting.forumId)) continue;
    for (const codec of MEETING_RECORDS) add(meeting.forumId, meeting.id, codec, codec.scope);
  }
  return { parts };
}

/** A value the shared copy has not set yet: the file's may fill it in. */
function unset(field: FieldCodec, value: Scalar | undefined): boolean {
  return value === null || value === undefined || value === '' || value === field.fallback;
}

/** Puts the shared copy's rows and values back where the file's write changed them; the caller holds the transaction. */
export function mergeSharedCopy(db: SqliteDb, copy: SharedCopy): ForumMerge[] {
  const byForum = new Map<string, ForumMerge>();
  const tally = (forumId: string) => {
    let merge = byForum.get(forumId);
    if (!merge) byForum.set(forumId, (merge = { forumId, textsMerged: 0, valuesKept: 0, rowsKept: 0 }));
    return merge;
  };
  const decisions = new Set<string>();
  for (const part of copy.parts) {
    const merge = tally(part.forumId);
    const after = readScope(db, part);
    for (const [key, old] of part.before) {
      const now = after.get(key);
      if (!now) {
        restore(db, part.codec, old);
        merge.rowsKept++;
        continue;
      }
      const changed: Row = {};
      for (const field of part.codec.fields) {
        const mine = old[field.column] ?? null;
        const theirs = now[field.column] ?? null;
        if (mine === theirs) continue;
        if (field.kind === 'tekst') {
          const merged = unionText(String(mine ?? ''), String(theirs ?? ''));
          if (merged !== theirs) changed[field.column] = merged;
          if (merged !== mine) merge.textsMerged++;
        } else if (!unset(field, mine)) {
          changed[field.column] = mine;
          merge.valuesKept++;
        }
      }
      const columns = Object.keys(changed);
      if (columns.length > 0) {
        statement(db, `UPDATE main."${part.codec.table}" SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE rowid = @merge_rowid`).run({
          ...changed,
          merge_rowid: now['merge_rowid'],
        });
      }
    }
    if (part.codec.order) keepOrder(db, part, after);
    if (part.codec === DISSENTS) for (const row of [...part.before.values(), ...after.values()]) decisions.add(String(row['decision_id']));
  }
  // A decision's dissent text is written from its dissent records, which the merge may have changed.
  const dissents = dissentsOfDecisions(db, [...decisions]);
  for (const id of decisions) statement(db, `UPDATE main."${DECISIONS.table}" SET dissent = ? WHERE id = ?`).run(dissentText(dissents.get(id) ?? []), id);
  return [...byForum.values()];
}

/** Puts a row back as it was; an ordered row waits at a free negative place until keepOrder numbers it. */
function restore(db: SqliteDb, codec: RecordCodec, row: Row): void {
  const values: Row = { ...row };
  delete values['merge_rowid'];
  if (codec.order) values[codec.order.column] = -3_000_000 - Number(row['merge_rowid']);
  const columns = Object.keys(values);
  statement(db, `INSERT INTO main."${codec.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
}

/**
 * The shared copy's order for the records it had, and the file's new records after the record they follow
 * in the file (first, when they lead the file's list). Renumbers only a group whose order changed.
 */
function keepOrder(db: SqliteDb, part: Part, written: ReadonlyMap<string, Row>): void {
  const order = part.codec.order;
  if (!order) return;
  const now = readScope(db, part);
  const groupOf = (row: Row) => (order.within ? String(row[order.within]) : '');
  const byPosition = (rows: Iterable<[string, Row]>) => [...rows].sort(([, a], [, b]) => Number(a[order.column]) - Number(b[order.column]));
  const groups = new Set([...now.values()].map(groupOf));
  for (const group of groups) {
    const inGroup = ([, row]: [string, Row]) => groupOf(row) === group;
    const kept = byPosition([...part.before].filter(inGroup)).map(([key]) => key).filter((key) => now.has(key));
    const fileOrder = byPosition([...written].filter(inGroup)).map(([key]) => key);
    const wanted = [...kept];
    fileOrder.forEach((key, index) => {
      if (part.before.has(key) || !now.has(key)) return;
      const previous = fileOrder[index - 1];
      wanted.splice(previous === undefined ? 0 : wanted.indexOf(previous) + 1, 0, key);
    });
    // Rows neither side placed (none, unless another write ran between) keep their place at the end.
    for (const [key] of byPosition([...now].filter(inGroup))) if (!wanted.includes(key)) wanted.push(key);
    const current = byPosition([...now].filter(inGroup)).map(([key]) => key);
    const first = Math.min(order.first, ...[...part.before.values()].filter((row) => groupOf(row) === group).map((row) => Number(row[order.column])));
    if (current.join('\u0000') === wanted.join('\u0000') && current.every((key, index) => Number(now.get(key)?.[order.column]) === first + index)) continue;
    const place = statement(db, `UPDATE main."${part.codec.table}" SET "${order.column}" = ? WHERE rowid = ?`);
    wanted.forEach((key, index) => place.run(-1_000_000 - index, now.get(key)?.['merge_rowid']));
    wanted.forEach((key, index) => place.run(first + index, now.get(key)?.['merge_rowid']));
  }
}
