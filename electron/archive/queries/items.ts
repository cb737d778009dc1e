import type { ColourKey } from '../../../shared/domain/colours';
import type { ProcessKind } from '../../../shared/domain/prompts';
import type { FromListening } from '../../../shared/api/listeningTypes';
import type { Action, AgendaItem, Decision, ItemRunState } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { completedAt, namesOf, roundsOf, type Owner } from '../../../shared/domain/consent';
import { actionsForItems } from './actions';
import { consentsOfItem, consentsOfMeeting, ownersOfMeeting, type ConsentRow } from './consents';
import { decisionsForItems } from './decisions';
import { fromListeningFor } from './listening';

interface ItemRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  type: string;
  minutes: number;
  announced_colour: ColourKey | null;
  owner: string;
  background: string;
  announced_given: string;
  announced_open: string;
  confidential: 0 | 1;
  sensitive: 0 | 1;
  forvarsel_at: string | null;
  forvarsel_note: string;
  added_late: 0 | 1;
  consent_by: string;
  consent_at: string | null;
  notes: string;
  process: ProcessKind | null;
  round_done: string;
  cycle_phase: number;
  timer_elapsed: number;
  timer_started_at: string | null;
  run_state: ItemRunState;
  carried_from_item_id: string | null;
  sag_id: string | null;
  added_by: string | null;
  sag_title: string | null;
  sag_count: number;
}

/** An item with its sag's title and size, so the item editor can show the sag without asking again. */
const ITEM_SELECT = `
  SELECT i.*, s.title AS sag_title, (SELECT COUNT(*) FROM agenda_item x WHERE x.sag_id = i.sag_id) AS sag_count
    FROM agenda_item i LEFT JOIN sag s ON s.id = i.sag_id`;

export function itemsOfMeeting(db: SqliteDb, meetingId: string): AgendaItem[] {
  const rows = statement(db, `${ITEM_SELECT} WHERE i.meeting_id = ? ORDER BY i.position`).all(meetingId) as ItemRow[];
  const ids = rows.map((r) => r.id);
  const actions = actionsForItems(db, ids);
  const decisions = decisionsForItems(db, ids);
  const fromListening = fromListeningFor(db, ids);
  const owners = ownersOfMeeting(db, meetingId);
  const consents = consentsOfMeeting(db, meetingId);
  return rows.map((r) => ({
    ...toItem(r, decisions.get(r.id) ?? null, actions.get(r.id) ?? [], fromListening.get(r.id) ?? null),
    ...consentsSettled(r, owners, consents.filter((c) => c.itemId === r.id)),
  }));
}

export function findItem(db: SqliteDb, itemId: string): AgendaItem | null {
  const row = statement(db, `${ITEM_SELECT} WHERE i.id = ?`).get(itemId) as ItemRow | undefined;
  if (!row) return null;
  return {
    ...toItem(
      row,
      decisionsForItems(db, [row.id]).get(row.id) ?? null,
      actionsForItems(db, [row.id]).get(row.id) ?? [],
      fromListeningFor(db, [row.id]).get(row.id) ?? null,
    ),
    ...consentsSettled(row, ownersOfMeeting(db, row.meeting_id), consentsOfItem(db, row.id)),
  };
}

/**
 * Consent and forvarsel as the rest of the app reads them (warnings, documents, the exchange file's check):
 * given per person, an item is ready when everyone asked has consented, at the moment the last one did; an
 * item without per-person consents keeps what the single-laptop flow recorded (a name typed there).
 */
function consentsSettled(r: ItemRow, owners: readonly Owner[], given: readonly ConsentRow[]): Pick<AgendaItem, 'consentBy' | 'consentAt' | 'forvarselAt'> {
  const rounds = roundsOf(owners, r.added_by, given);
  const sentGiven = rounds.sent.given.length > 0;
  return {
    consentBy: sentGiven ? (rounds.sent.complete ? namesOf(rounds.sent) : '') : r.consent_by,
    consentAt: sentGiven ? completedAt(rounds.sent) : r.consent_at,
    forvarselAt: r.forvarsel_at ?? completedAt(rounds.forvarsel),
  };
}

function toItem(r: ItemRow, decision: Decision | null, actions: Action[], fromListening: FromListening | null): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    type: r.type,
    minutes: r.minutes,
    announcedColour: r.announced_colour,
    owner: r.owner,
    background: r.background,
    announcedGiven: r.announced_given,
    announcedOpen: r.announced_open,
    confidential: r.confidential === 1,
    sensitive: r.sensitive === 1,
    forvarselAt: r.forvarsel_at,
    forvarselNote: r.forvarsel_note,
    addedLate: r.added_late === 1,
    consentBy: r.consent_by,
    consentAt: r.consent_at,
    notes: r.notes,
    process: r.process,
    roundDone: JSON.parse(r.round_done) as string[],
    cyclePhase: r.cycle_phase,
    timerElapsed: r.timer_elapsed,
    timerStartedAt: r.timer_started_at,
    runState: r.run_state,
    carriedFromItemId: r.carried_from_item_id,
    fromListening,
    decision,
    actions,
    sag: r.sag_id === null || r.sag_title === null ? null : { id: r.sag_id, title: r.sag_title, itemCount: r.sag_count },
  };
}

export type ItemFields = Pick<
  AgendaItem,
  'title' | 'type' | 'minutes' | 'announcedColour' | 'owner' | 'background' | 'announcedGiven' | 'announcedOpen' | 'confidential' | 'sensitive'
>;

const asFlags = (f: ItemFields) => ({ ...f, confidential: f.confidential ? 1 : 0, sensitive: f.sensitive ? 1 : 0 });

export function insertItem(
  db: SqliteDb,
  item: ItemFields & { id: string; meetingId: string; position: number; addedLate: boolean; carriedFromItemId?: string | null; addedBy?: string | null },
): void {
  statement(
    db,
    `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background,
                              announced_given, announced_open, confidential, sensitive, added_late, carried_from_item_id, added_by)
     VALUES (@id, @meetingId, @position, @title, @type, @minutes, @announcedColour, @owner, @background,
             @announcedGiven, @announcedOpen, @confidential, @sensitive, @addedLate, @carriedFromItemId, @addedBy)`,
  ).run({ ...asFlags(item), addedLate: item.addedLate ? 1 : 0, carriedFromItemId: item.carriedFromItemId ?? null, addedBy: item.addedBy ?? null });
}

export function updateItem(db: SqliteDb, id: string, fields: ItemFields): void {
  statement(
    db,
    `UPDATE agenda_item SET title = @title, type = @type, minutes = @minutes, announced_colour = @announcedColour,
            owner = @owner, background = @background, announced_given = @announcedGiven, announced_open = @announcedOpen,
            confidential = @confidential, sensitive = @sensitive
      WHERE id = @id`,
  ).run({ ...asFlags(fields), id });
}

/** Which of the items are closed in the archive. */
export function closedItemIds(db: SqliteDb, ids: readonly string[]): string[] {
  return statement(db, 'SELECT id FROM agenda_item WHERE confidential = 1 AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
}

/**
 * Closes every item carried on from this one (parked and put on a later agenda, however many times): the
 * copy is the same matter with the same title and background, so it is as confidential as where it came from.
 * Returns the meetings of the copies it closed.
 */
export function closeCarriedCopies(db: SqliteDb, id: string): string[] {
  return statement(
    db,
    `WITH RECURSIVE copies (id) AS (
       SELECT id FROM agenda_item WHERE carried_from_item_id = ?
       UNION SELECT c.id FROM agenda_item c JOIN copies ON c.carried_from_item_id = copies.id
     )
     UPDATE agenda_item SET confidential = 1 WHERE id IN (SELECT id FROM copies) AND confidential = 0 RETURNING meeting_id`,
  )
    .pluck()
    .all(id) as string[];
}

export function nextItemPosition(db: SqliteDb, meetingId: string): number {
  const row = statement(db, 'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_item WHERE meeting_id = ?').get(
    meetingId,
  ) as { next: number };
  return row.next;
}

/**
 * Writes a new order. Positions are unique per meeting, so they are first moved out of the way
 * (negated) and then set, all inside the caller's transaction.
 */
export function reorderItems(db: SqliteDb, meetingId: string, orderedIds: readonly string[]): void {
  statement(db, 'UPDATE agenda_item SET position = -position WHERE meeting_id = ?').run(meetingId);
  const set = statement(db, 'UPDATE agenda_item SET position = ? WHERE id = ?');
  orderedIds.forEach((id, index) => set.run(index + 1, id));
}

export function deleteItem(db: SqliteDb, id: string): void {
  statement(db, 'DELETE FROM agenda_item WHERE id = ?').run(id);
}

export function confirmForvarsel(db: SqliteDb, id: string, note: string, at: string): void {
  statement(db, 'UPDATE agenda_item SET forvarsel_at = ?, forvarsel_note = ? WHERE id = ?').run(at, note, id);
}

export function recordConsent(db: SqliteDb, id: string, by: string, at: string): void {
  statement(db, 'UPDATE agenda_item SET consent_by = ?, consent_at = ? WHERE id = ?').run(by, at, id);
}

/** Run-time fields of an item, written one at a time as the facilitator works. */
export interface ItemRunFields {
  notes: string;
  process: ProcessKind | null;
  roundDone: string[];
  cyclePhase: number;
  timerElapsed: number;
  timerStartedAt: string | null;
  runState: ItemRunState;
  minutes: number;
}

export function updateItemRun(db: SqliteDb, id: string, f: ItemRunFields): void {
  statement(
    db,
    `UPDATE agenda_item SET notes = @notes, process = @process, round_done = @roundDone, cycle_phase = @cyclePhase,
            timer_elapsed = @timerElapsed, timer_started_at = @timerStartedAt, run_state = @runState, minutes = @minutes
      WHERE id = @id`,
  ).run({ ...f, roundDone: JSON.stringify(f.roundDone), id });
}

/** Writes an item's notes alone (an autosave while someone types); false when there is no such item. */
export function updateItemNotes(db: SqliteDb, id: string, notes: string): boolean {
  return statement(db, 'UPDATE agenda_item SET notes = ? WHERE id = ?').run(notes, id).changes > 0;
}

/** Parked items of the forum from meetings before the given start that no later agenda carries yet. */
export function parkedItemsWaiting(db: SqliteDb, forumId: string, before: string): AgendaItem[] {
  const ids = statement(
    db,
    `SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
      WHERE m.forum_id = ? AND m.starts_at < ? AND i.run_state = 'parkeret'
        AND NOT EXISTS (SELECT 1 FROM agenda_item c WHERE c.carried_from_item_id = i.id)
      ORDER BY m.starts_at, i.position`,
  ).all(forumId, before) as { id: string }[];
  return ids.flatMap(({ id }) => findItem(db, id) ?? []);
}
