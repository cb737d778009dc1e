import type { ColourKey } from '../../../shared/domain/colours';
import type { ItemType } from '../../../shared/domain/items';
import type { Action, AgendaItem, Decision, MeetingStatus, MeetingSummary } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { actionsForItems } from './actions';

interface MeetingRow {
  id: string;
  forum_id: string;
  forum_name: string;
  title: string;
  starts_at: string;
  duration_minutes: number;
  place: string;
  status: MeetingStatus;
  item_count: number;
}

const MEETING_SELECT = `
  SELECT m.id, m.forum_id, f.name AS forum_name, m.title, m.starts_at, m.duration_minutes, m.place, m.status,
         (SELECT COUNT(*) FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count
    FROM meeting m JOIN forum f ON f.id = m.forum_id`;

function toSummary(r: MeetingRow): MeetingSummary {
  return {
    id: r.id,
    forumId: r.forum_id,
    forumName: r.forum_name,
    title: r.title,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    place: r.place,
    status: r.status,
    itemCount: r.item_count,
  };
}

export function insertMeeting(
  db: SqliteDb,
  m: Omit<MeetingSummary, 'forumName' | 'itemCount' | 'status'>,
  createdAt: string,
): void {
  statement(
    db,
    'INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, place, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(m.id, m.forumId, m.title, m.startsAt, m.durationMinutes, m.place, createdAt);
}

export function findMeeting(db: SqliteDb, id: string): MeetingSummary | null {
  const row = statement(db, `${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row ? toSummary(row) : null;
}

/** Newest first: the meeting a user looks for is usually the next or the last one. */
export function listMeetings(db: SqliteDb, forumId: string | undefined): MeetingSummary[] {
  const rows = (
    forumId === undefined
      ? statement(db, `${MEETING_SELECT} ORDER BY m.starts_at DESC`).all()
      : statement(db, `${MEETING_SELECT} WHERE m.forum_id = ? ORDER BY m.starts_at DESC`).all(forumId)
  ) as MeetingRow[];
  return rows.map(toSummary);
}

interface ItemRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  type: ItemType;
  minutes: number;
  announced_colour: ColourKey | null;
  owner: string;
  background: string;
  decision_id: string | null;
  decision_colour: ColourKey | null;
  decision_colour_reason: string | null;
  decision_text: string | null;
  decision_recorded_at: string | null;
}

export function itemsOfMeeting(db: SqliteDb, meetingId: string): AgendaItem[] {
  const rows = statement(
    db,
    `SELECT i.*, d.id AS decision_id, d.colour AS decision_colour, d.colour_reason AS decision_colour_reason,
            d.text AS decision_text, d.recorded_at AS decision_recorded_at
       FROM agenda_item i LEFT JOIN decision d ON d.item_id = i.id
      WHERE i.meeting_id = ?
      ORDER BY i.position`,
  ).all(meetingId) as ItemRow[];
  const actions = actionsForItems(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toItem(r, actions.get(r.id) ?? []));
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
    decision,
    actions,
  };
}

export function findItem(db: SqliteDb, itemId: string): AgendaItem | null {
  const row = statement(db, 'SELECT meeting_id FROM agenda_item WHERE id = ?').get(itemId) as
    | { meeting_id: string }
    | undefined;
  if (!row) return null;
  return itemsOfMeeting(db, row.meeting_id).find((i) => i.id === itemId) ?? null;
}

export function nextItemPosition(db: SqliteDb, meetingId: string): number {
  const row = statement(db, 'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_item WHERE meeting_id = ?').get(
    meetingId,
  ) as { next: number };
  return row.next;
}

export function insertItem(db: SqliteDb, item: Omit<AgendaItem, 'decision' | 'actions'>): void {
  statement(
    db,
    `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    item.id,
    item.meetingId,
    item.position,
    item.title,
    item.type,
    item.minutes,
    item.announcedColour,
    item.owner,
    item.background,
  );
}
