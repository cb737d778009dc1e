import type { MeetingStatus, MeetingSummary, RunPhase, RunState } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

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
  referat_status: 'udkast' | 'godkendt' | null;
  purpose: string;
  agenda_sent_at: string | null;
  run_phase: RunPhase;
  current_item_id: string | null;
  presenter_confidential: 0 | 1;
  readback_item_id: string | null;
}

export interface MeetingRecord extends MeetingSummary {
  purpose: string;
  agendaSentAt: string | null;
  run: RunState;
}

const MEETING_SELECT = `
  SELECT m.id, m.forum_id, f.name AS forum_name, m.title, m.starts_at, m.duration_minutes, m.place, m.status,
         m.purpose, m.agenda_sent_at, m.run_phase, m.current_item_id, m.presenter_confidential, m.readback_item_id,
         (SELECT COUNT(*) FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count,
         (SELECT r.status FROM referat_version r WHERE r.meeting_id = m.id ORDER BY r.version DESC LIMIT 1) AS referat_status
    FROM meeting m JOIN forum f ON f.id = m.forum_id`;

function toRecord(r: MeetingRow): MeetingRecord {
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
    referatStatus: r.referat_status,
    purpose: r.purpose,
    agendaSentAt: r.agenda_sent_at,
    run: {
      phase: r.run_phase,
      currentItemId: r.current_item_id,
      presenterConfidential: r.presenter_confidential === 1,
      readbackItemId: r.readback_item_id,
    },
  };
}

function toSummary({ purpose: _purpose, agendaSentAt: _sent, run: _run, ...summary }: MeetingRecord): MeetingSummary {
  return summary;
}

export type MeetingFields = Pick<MeetingRecord, 'title' | 'startsAt' | 'durationMinutes' | 'place' | 'purpose'>;

export function insertMeeting(db: SqliteDb, m: MeetingFields & { id: string; forumId: string }, createdAt: string): void {
  statement(
    db,
    `INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, place, purpose, created_at)
     VALUES (@id, @forumId, @title, @startsAt, @durationMinutes, @place, @purpose, @createdAt)`,
  ).run({ ...m, createdAt });
}

export function updateMeeting(db: SqliteDb, id: string, m: MeetingFields): void {
  statement(
    db,
    `UPDATE meeting SET title = @title, starts_at = @startsAt, duration_minutes = @durationMinutes, place = @place,
            purpose = @purpose WHERE id = @id`,
  ).run({ ...m, id });
}

export function setAgendaSent(db: SqliteDb, id: string, at: string): void {
  statement(db, 'UPDATE meeting SET agenda_sent_at = COALESCE(agenda_sent_at, ?) WHERE id = ?').run(at, id);
}

export function findMeeting(db: SqliteDb, id: string): MeetingRecord | null {
  const row = statement(db, `${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row ? toRecord(row) : null;
}

export function findMeetingSummary(db: SqliteDb, id: string): MeetingSummary | null {
  const record = findMeeting(db, id);
  return record ? toSummary(record) : null;
}

/** Newest first: the meeting a user looks for is usually the next or the last one. */
export function listMeetings(db: SqliteDb, forumId: string | undefined): MeetingSummary[] {
  const rows = (
    forumId === undefined
      ? statement(db, `${MEETING_SELECT} ORDER BY m.starts_at DESC`).all()
      : statement(db, `${MEETING_SELECT} WHERE m.forum_id = ? ORDER BY m.starts_at DESC`).all(forumId)
  ) as MeetingRow[];
  return rows.map((r) => toSummary(toRecord(r)));
}

export function setMeetingStatus(db: SqliteDb, id: string, status: MeetingStatus): void {
  statement(db, 'UPDATE meeting SET status = ? WHERE id = ?').run(status, id);
}

export function updateRun(db: SqliteDb, id: string, run: RunState): void {
  statement(
    db,
    `UPDATE meeting SET run_phase = @phase, current_item_id = @currentItemId,
            presenter_confidential = @presenterConfidential, readback_item_id = @readbackItemId WHERE id = @id`,
  ).run({ ...run, presenterConfidential: run.presenterConfidential ? 1 : 0, id });
}

/** The forum's next meeting after the given start, for parking an item. */
export function nextMeetingOf(db: SqliteDb, forumId: string, after: string): MeetingRecord | null {
  const row = statement(db, `${MEETING_SELECT} WHERE m.forum_id = ? AND m.starts_at > ? ORDER BY m.starts_at LIMIT 1`).get(
    forumId,
    after,
  ) as MeetingRow | undefined;
  return row ? toRecord(row) : null;
}

/** The forum's meeting before the given start, for «Udført siden sidst». */
export function previousMeetingOf(db: SqliteDb, forumId: string, before: string): MeetingRecord | null {
  const row = statement(db, `${MEETING_SELECT} WHERE m.forum_id = ? AND m.starts_at < ? ORDER BY m.starts_at DESC LIMIT 1`).get(
    forumId,
    before,
  ) as MeetingRow | undefined;
  return row ? toRecord(row) : null;
}

/** A held meeting whose newest referat version is not approved (or has none yet). */
const AWAITS_APPROVAL = `m.status = 'afholdt' AND COALESCE(
  (SELECT r.status FROM referat_version r WHERE r.meeting_id = m.id ORDER BY r.version DESC LIMIT 1), 'udkast') <> 'godkendt'`;

export interface MeetingFilter {
  forumId?: string | undefined;
  status?: MeetingStatus | undefined;
  awaitingApproval: boolean;
}

/** One page of meetings, newest first, and how many there are in all. */
export function meetingPage(db: SqliteDb, filter: MeetingFilter, offset: number, limit: number): { rows: MeetingSummary[]; total: number } {
  const conditions = [
    ...(filter.forumId === undefined ? [] : ['m.forum_id = @forumId']),
    ...(filter.status === undefined ? [] : ['m.status = @status']),
    ...(filter.awaitingApproval ? [AWAITS_APPROVAL] : []),
  ];
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const params = { forumId: filter.forumId ?? null, status: filter.status ?? null };
  const rows = statement(db, `${MEETING_SELECT} ${where} ORDER BY m.starts_at DESC, m.id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit,
    offset,
  }) as MeetingRow[];
  const { total } = statement(db, `SELECT COUNT(*) AS total FROM meeting m ${where}`).get(params) as { total: number };
  return { rows: rows.map((r) => toSummary(toRecord(r))), total };
}

/**
 * The next meetings from the given start on, soonest first. A meeting already held is not coming, even when
 * it was held earlier the same day than planned or its planned time is still ahead.
 */
/**
 * What the Oversigt reads of the meetings, on every start: each through index meeting_status_starts
 * (migration 020), the lists in their own order up to their last row, the count from the index alone.
 */
export const OVERVIEW_SQL = {
  upcoming: `${MEETING_SELECT} WHERE m.starts_at >= ? AND m.status = 'planlagt' ORDER BY m.starts_at, m.id LIMIT ?`,
  awaitingApproval: `${MEETING_SELECT} WHERE ${AWAITS_APPROVAL} ORDER BY m.starts_at, m.id LIMIT ?`,
  awaitingApprovalCount: `SELECT COUNT(*) AS total FROM meeting m WHERE ${AWAITS_APPROVAL}`,
};

export function upcomingMeetings(db: SqliteDb, from: string, limit: number): MeetingSummary[] {
  const rows = statement(db, OVERVIEW_SQL.upcoming).all(from, limit) as MeetingRow[];
  return rows.map((r) => toSummary(toRecord(r)));
}

/** Held meetings whose referat awaits approval, the longest waiting first, and how many there are in all. */
export function meetingsAwaitingApproval(db: SqliteDb, limit: number): { rows: MeetingSummary[]; total: number } {
  const rows = statement(db, OVERVIEW_SQL.awaitingApproval).all(limit) as MeetingRow[];
  const { total } = statement(db, OVERVIEW_SQL.awaitingApprovalCount).get() as { total: number };
  return { rows: rows.map((r) => toSummary(toRecord(r))), total };
}
