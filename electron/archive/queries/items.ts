import type { ColourKey } from '../../../shared/domain/colours';
import type { Action, AgendaItem, Decision } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { actionsForItems } from './actions';

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
  confidential: 0 | 1;
  sensitive: 0 | 1;
  forvarsel_at: string | null;
  forvarsel_note: string;
  added_late: 0 | 1;
  consent_by: string;
  consent_at: string | null;
  decision_id: string | null;
  decision_colour: ColourKey | null;
  decision_colour_reason: string | null;
  decision_text: string | null;
  decision_dissent: string | null;
  decision_recorded_at: string | null;
}

const ITEM_SELECT = `
  SELECT i.*, d.id AS decision_id, d.colour AS decision_colour, d.colour_reason AS decision_colour_reason,
         d.text AS decision_text, d.dissent AS decision_dissent, d.recorded_at AS decision_recorded_at
    FROM agenda_item i LEFT JOIN decision d ON d.item_id = i.id`;

export function itemsOfMeeting(db: SqliteDb, meetingId: string): AgendaItem[] {
  const rows = statement(db, `${ITEM_SELECT} WHERE i.meeting_id = ? ORDER BY i.position`).all(meetingId) as ItemRow[];
  const actions = actionsForItems(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toItem(r, actions.get(r.id) ?? []));
}

export function findItem(db: SqliteDb, itemId: string): AgendaItem | null {
  const row = statement(db, `${ITEM_SELECT} WHERE i.id = ?`).get(itemId) as ItemRow | undefined;
  return row ? toItem(row, actionsForItems(db, [row.id]).get(row.id) ?? []) : null;
}

function toItem(r: ItemRow, actions: Action[]): AgendaItem {
  const decision: Decision | null =
    r.decision_id === null
      ? null
      : {
          id: r.decision_id,
          itemId: r.id,
          colour: r.decision_colour ?? 'blaa',
          colourReason: r.decision_colour_reason ?? '',
          text: r.decision_text ?? '',
          dissent: r.decision_dissent ?? '',
          recordedAt: r.decision_recorded_at ?? '',
        };
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
    confidential: r.confidential === 1,
    sensitive: r.sensitive === 1,
    forvarselAt: r.forvarsel_at,
    forvarselNote: r.forvarsel_note,
    addedLate: r.added_late === 1,
    consentBy: r.consent_by,
    consentAt: r.consent_at,
    decision,
    actions,
  };
}

export type ItemFields = Pick<
  AgendaItem,
  'title' | 'type' | 'minutes' | 'announcedColour' | 'owner' | 'background' | 'confidential' | 'sensitive'
>;

const asFlags = (f: ItemFields) => ({ ...f, confidential: f.confidential ? 1 : 0, sensitive: f.sensitive ? 1 : 0 });

export function insertItem(
  db: SqliteDb,
  item: ItemFields & { id: string; meetingId: string; position: number; addedLate: boolean },
): void {
  statement(
    db,
    `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background,
                              confidential, sensitive, added_late)
     VALUES (@id, @meetingId, @position, @title, @type, @minutes, @announcedColour, @owner, @background,
             @confidential, @sensitive, @addedLate)`,
  ).run({ ...asFlags(item), addedLate: item.addedLate ? 1 : 0 });
}

export function updateItem(db: SqliteDb, id: string, fields: ItemFields): void {
  statement(
    db,
    `UPDATE agenda_item SET title = @title, type = @type, minutes = @minutes, announced_colour = @announcedColour,
            owner = @owner, background = @background, confidential = @confidential, sensitive = @sensitive
      WHERE id = @id`,
  ).run({ ...asFlags(fields), id });
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
