import type { Action, ActionListRow, ActionNote, ActionStatus, ActionTerm, FollowUpAction, OpenAction, ProblemResolution } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface ActionRow {
  id: string;
  forum_id: string;
  meeting_id: string | null;
  item_id: string | null;
  term: ActionTerm;
  what: string;
  who: string;
  due: string | null;
  status: ActionStatus;
  created_at: string;
  drop_reason: string | null;
  parent_action_id: string | null;
  confidential: 0 | 1;
}

/** The statuses that keep an action on the follow-up list, as SQL. */
const OPEN = `('aaben', 'igang', 'forsinket')`;

function toAction(r: ActionRow): Action {
  return {
    id: r.id,
    forumId: r.forum_id,
    meetingId: r.meeting_id,
    itemId: r.item_id,
    term: r.term,
    what: r.what,
    who: r.who,
    due: r.due,
    status: r.status,
    createdAt: r.created_at,
    dropReason: r.drop_reason,
    parentActionId: r.parent_action_id,
    confidential: r.confidential === 1,
  };
}

export function insertAction(db: SqliteDb, a: Action): void {
  statement(
    db,
    `INSERT INTO action (id, forum_id, meeting_id, item_id, term, what, who, due, status, created_at, drop_reason, parent_action_id,
                         confidential)
     VALUES (@id, @forumId, @meetingId, @itemId, @term, @what, @who, @due, @status, @createdAt, @dropReason, @parentActionId,
             @confidential)`,
  ).run({ ...a, confidential: a.confidential ? 1 : 0 });
}

export function findAction(db: SqliteDb, id: string): Action | null {
  const row = statement(db, 'SELECT * FROM action WHERE id = ?').get(id) as ActionRow | undefined;
  return row ? toAction(row) : null;
}

/** Sets the status; the drop reason is kept only while the action is dropped. */
export function setActionStatus(db: SqliteDb, id: string, status: ActionStatus, dropReason: string | null = null): void {
  statement(db, 'UPDATE action SET status = ?, drop_reason = ? WHERE id = ?').run(status, status === 'droppet' ? dropReason : null, id);
}

export function insertActionNote(db: SqliteDb, n: ActionNote): void {
  statement(
    db,
    `INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, meeting_id, resolution)
     VALUES (@id, @actionId, @note, @statusFrom, @statusTo, @createdAt, @meetingId, @resolution)`,
  ).run(n);
}

interface NoteRow {
  id: string;
  action_id: string;
  note: string;
  status_from: ActionStatus;
  status_to: ActionStatus;
  created_at: string;
  meeting_id: string | null;
  resolution: ProblemResolution | null;
}

function toNote(r: NoteRow): ActionNote {
  return {
    id: r.id,
    actionId: r.action_id,
    note: r.note,
    statusFrom: r.status_from,
    statusTo: r.status_to,
    createdAt: r.created_at,
    meetingId: r.meeting_id,
    resolution: r.resolution,
  };
}

/** An action's dated status notes, oldest first. */
export function notesOfAction(db: SqliteDb, actionId: string): ActionNote[] {
  return (statement(db, 'SELECT * FROM action_note WHERE action_id = ? ORDER BY created_at, rowid').all(actionId) as NoteRow[]).map(toNote);
}

/** The notes of many actions at once, oldest first per action. */
export function notesOfActions(db: SqliteDb, actionIds: readonly string[]): Map<string, ActionNote[]> {
  const byAction = new Map<string, ActionNote[]>();
  if (actionIds.length === 0) return byAction;
  const rows = statement(
    db,
    'SELECT * FROM action_note WHERE action_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid',
  ).all(JSON.stringify(actionIds)) as NoteRow[];
  for (const row of rows) byAction.set(row.action_id, [...(byAction.get(row.action_id) ?? []), toNote(row)]);
  return byAction;
}

export interface ActionFilter {
  forumId?: string | undefined;
  who?: string | undefined;
  /** One status, or every open one ('alle_aabne'); all statuses when not given. */
  status?: ActionStatus | 'alle_aabne' | undefined;
  /** Only actions with a deadline before this local date. */
  dueBefore?: string | undefined;
}

export interface ActionPageFilter extends ActionFilter {
  offset: number;
  limit: number;
}

/**
 * The filters as SQL conditions on `action a`. «Every open one» is written exactly as the partial indexes
 * action_open (migration 011) and action_open_list (migration 012) are, so SQLite reads only the open
 * actions through them.
 */
function actionConditions(filter: ActionFilter): { conditions: string[]; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.forumId !== undefined) {
    conditions.push('a.forum_id = @forumId');
    params['forumId'] = filter.forumId;
  }
  if (filter.who !== undefined && filter.who !== '') {
    // Case-insensitive substring, with LIKE's wildcards taken literally.
    conditions.push("a.who LIKE @who ESCAPE '\\'");
    params['who'] = `%${filter.who.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.status === 'alle_aabne') conditions.push(`a.status IN ${OPEN}`);
  else if (filter.status !== undefined) {
    conditions.push('a.status = @status');
    params['status'] = filter.status;
  }
  if (filter.dueBefore !== undefined) {
    conditions.push('a.due < @dueBefore');
    params['dueBefore'] = filter.dueBefore;
  }
  return { conditions, params };
}

/** How many actions the filters find in all, for «Viser 50 af 1.234». */
export function countActions(db: SqliteDb, filter: ActionFilter): number {
  const { conditions, params } = actionConditions(filter);
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  return (statement(db, `SELECT COUNT(*) AS n FROM action a ${where}`).get(params) as { n: number }).n;
}

/**
 * The list's three parts in the order it shows them, each with its value of «overdue» as the list has
 * always computed it (`status = 'forsinket' OR (open AND due < today)`, which is NULL for an open action
 * without a deadline, so those come last). Within a part the order is deadline (none last), then newest
 * first, the order of the indexes of migration 012, so each part is read from an index only as far as
 * the page needs. `statuses` are the statuses a part can hold; a part a status filter rules out is left out.
 */
const LIST_PARTS: readonly { overdue: '1' | '0' | 'NULL'; statuses: readonly ActionStatus[]; condition: string }[] = [
  {
    overdue: '1',
    statuses: ['aaben', 'igang', 'forsinket'],
    condition: `a.status IN ${OPEN} AND (a.status = 'forsinket' OR a.due < @today)`,
  },
  {
    overdue: '0',
    statuses: ['aaben', 'igang', 'udfoert', 'droppet'],
    condition: `(a.status NOT IN ${OPEN} OR (a.status IN ('aaben', 'igang') AND a.due >= @today))`,
  },
  { overdue: 'NULL', statuses: ['aaben', 'igang'], condition: `a.status IN ${OPEN} AND a.status <> 'forsinket' AND a.due IS NULL` },
];

/**
 * The index a part is read through. Without this SQLite prefers looking up each open status on its own,
 * which loses the order and sorts every action found. One forum's actions are few, so there the planner
 * chooses (action_forum_status, then a small sort).
 */
function listIndex(filter: ActionFilter, overdue: '1' | '0' | 'NULL'): string {
  if (filter.forumId !== undefined) return '';
  if (filter.status !== undefined && filter.status !== 'alle_aabne') return 'INDEXED BY action_status_list';
  if (overdue === '0' && filter.status === undefined) return 'INDEXED BY action_list';
  return 'INDEXED BY action_open_list';
}

/** The statement of one page of the actions overview and its parameters (also for checking its plan). */
export function actionPageSql(filter: ActionPageFilter, today: string): { sql: string; params: Record<string, unknown> } {
  const { conditions, params } = actionConditions(filter);
  const status = filter.status;
  const parts = LIST_PARTS.filter((part) => status === undefined || status === 'alle_aabne' || part.statuses.includes(status));
  // Each part gives at most the rows up to the page's end; the page is cut from their union.
  const union = parts.map(
    ({ overdue, condition }) => `SELECT * FROM (
         SELECT a.id, ${overdue} AS overdue, a.due, a.created_at
           FROM action a ${listIndex(filter, overdue)}
          WHERE ${[...conditions, condition].join(' AND ')}
          ORDER BY a.due IS NULL, a.due, a.created_at DESC, a.id
          LIMIT @partLimit)`,
  );
  // The page is chosen from the action table alone; names and counts are joined to its rows only.
  const sql = `SELECT a.*, f.name AS forum_name, i.title AS item_title, m.title AS meeting_title, m.starts_at AS meeting_starts_at,
            p.overdue AS overdue,
            (SELECT COUNT(*) FROM action c WHERE c.parent_action_id = a.id) AS child_count
       FROM (SELECT * FROM (${union.join('\n UNION ALL ')})
              ORDER BY overdue DESC, due IS NULL, due, created_at DESC, id
              LIMIT @limit OFFSET @offset) p
       JOIN action a ON a.id = p.id
       JOIN forum f ON f.id = a.forum_id
       LEFT JOIN agenda_item i ON i.id = a.item_id
       LEFT JOIN meeting m ON m.id = a.meeting_id
      ORDER BY p.overdue DESC, p.due IS NULL, p.due, p.created_at DESC, p.id`;
  const limit = filter.limit + 1;
  return { sql, params: { ...params, today, limit, offset: filter.offset, partLimit: limit + filter.offset } };
}

/**
 * The actions overview: overdue actions first (open, deadline before today, or set to forsinket by hand),
 * then by deadline (none last), then newest first. One row more than the page is read to know whether
 * there are more.
 */
export function listActions(db: SqliteDb, filter: ActionPageFilter, today: string): { rows: ActionListRow[]; more: boolean } {
  const { sql, params } = actionPageSql(filter, today);
  const rows = statement(db, sql).all(params) as (ActionRow & {
    forum_name: string;
    item_title: string | null;
    meeting_title: string | null;
    meeting_starts_at: string | null;
    overdue: 0 | 1;
    child_count: number;
  })[];
  const more = rows.length > filter.limit;
  return {
    rows: rows.slice(0, filter.limit).map((r) => ({
      ...toAction(r),
      forumName: r.forum_name,
      itemTitle: r.item_title,
      meetingTitle: r.meeting_title,
      meetingStartsAt: r.meeting_starts_at,
      overdue: r.overdue === 1,
      childCount: r.child_count,
    })),
    more,
  };
}

export function actionsForItems(db: SqliteDb, itemIds: readonly string[]): Map<string, Action[]> {
  const byItem = new Map<string, Action[]>();
  if (itemIds.length === 0) return byItem;
  const rows = statement(
    db,
    'SELECT * FROM action WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid',
  ).all(JSON.stringify(itemIds)) as ActionRow[];
  for (const row of rows) {
    const key = row.item_id ?? '';
    byItem.set(key, [...(byItem.get(key) ?? []), toAction(row)]);
  }
  return byItem;
}

/** Open actions, earliest deadline first; those without a deadline last. */
export function listOpenActions(db: SqliteDb, forumId: string | undefined): OpenAction[] {
  const sql = `
    SELECT a.*, f.name AS forum_name, i.title AS item_title
      FROM action a JOIN forum f ON f.id = a.forum_id LEFT JOIN agenda_item i ON i.id = a.item_id
     WHERE a.status IN ${OPEN} ${forumId === undefined ? '' : 'AND a.forum_id = ?'}
     ORDER BY a.due IS NULL, a.due, a.created_at`;
  const rows = (forumId === undefined ? statement(db, sql).all() : statement(db, sql).all(forumId)) as (ActionRow & {
    forum_name: string;
    item_title: string | null;
  })[];
  return rows.map((r) => ({ ...toAction(r), forumName: r.forum_name, itemTitle: r.item_title }));
}

/** The meeting a follow-up list belongs to; `startsAtUtc` is its planned start as an instant, to compare with notes. */
export interface FollowUpMeeting {
  id: string;
  forumId: string;
  /** Local 'YYYY-MM-DDTHH:mm', as meetings are stored. */
  startsAt: string;
  startsAtUtc: string;
}

/**
 * When a closed action was closed: its newest note that set the status it has. NULL when no note says so.
 * Read from the action's own notes: through action_note_status_time (by status, then time) SQLite would
 * walk every note with that status in the archive to find the newest one of this action.
 */
const CLOSED_AT = `(SELECT MAX(n.created_at) FROM action_note n INDEXED BY action_note_action WHERE n.action_id = a.id AND n.status_to = a.status)`;

/** The statuses that close an action, as SQL. */
const CLOSED = `('udfoert', 'droppet')`;

function withHistory(db: SqliteDb, rows: (ActionRow & { forum_name: string; item_title: string | null })[]): FollowUpAction[] {
  const notes = notesOfActions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toAction(r), forumName: r.forum_name, itemTitle: r.item_title, history: notes.get(r.id) ?? [] }));
}

/** An action with its forum's name, its item's title and its meeting, for the follow-up lists. */
const FOLLOW_UP_COLUMNS = 'SELECT a.*, f.name AS forum_name, i.title AS item_title';
const FOLLOW_UP_JOINS = `JOIN forum f ON f.id = a.forum_id
       LEFT JOIN agenda_item i ON i.id = a.item_id
       LEFT JOIN meeting m ON m.id = a.meeting_id`;

/**
 * The follow-up lists keep the actions closed in a stretch of time, and there are two ways to find them:
 * through the forum, every action it ever had with its closing note, or through time, the closing notes
 * of the stretch in all forums (index action_note_status_time, migration 016), which then name their
 * actions. Either is followed by the list's own conditions, so both find the same actions. The stretch
 * since a meeting that runs or is coming, or between two meetings, holds few closing notes; since a meeting
 * long past, the forum's own actions are fewer. A note costs a few times what a row of the forum costs (its
 * action must be read to learn its forum), so a count of notes, stopped at a share of the forum's actions, decides.
 */
const NOTE_COST_IN_ROWS = 4;

function throughTime(db: SqliteDb, forumId: string, fromUtc: string, toUtc: string | null): boolean {
  const until = toUtc === null ? '' : 'AND created_at < @toUtc';
  const countClosings = (most: number) =>
    (
      statement(
        db,
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM action_note WHERE status_to IN ${CLOSED} AND created_at >= @fromUtc ${until} LIMIT @most)`,
      ).get(toUtc === null ? { fromUtc, most } : { fromUtc, toUtc, most }) as { n: number }
    ).n;
  const forumActions = (most: number) =>
    (statement(db, 'SELECT COUNT(*) AS n FROM (SELECT 1 FROM action WHERE forum_id = ? LIMIT ?)').get(forumId, most) as { n: number }).n;
  // The stretch's closing notes are counted first, and the forum's actions only as far as the answer needs:
  // through time when the forum has at least NOTE_COST_IN_ROWS actions for each note and one more. A
  // meeting that runs or is coming has almost no notes after it, so a large forum is hardly read.
  const closings = countClosings(FEW_CLOSINGS);
  if (closings < FEW_CLOSINGS) {
    const needed = NOTE_COST_IN_ROWS * (closings + 1);
    return forumActions(needed) === needed;
  }
  const most = Math.floor(forumActions(Number.MAX_SAFE_INTEGER) / NOTE_COST_IN_ROWS);
  return most > FEW_CLOSINGS && countClosings(most) < most;
}

/** Closing notes counted before the forum's actions are: beyond this, the forum is counted whole. */
const FEW_CLOSINGS = 1_000;

/**
 * The list read through the forum's actions, or through the candidates (a query of action rowids) joined
 * first. Rowids, not ids: the forum's open actions are then read from index action_forum_status alone, and
 * each candidate finds its row in one step instead of through the id's index first.
 */
function followUpRows(db: SqliteDb, candidates: string | null, conditions: string, order: string, params: Record<string, unknown>) {
  const sql =
    candidates === null
      ? `${FOLLOW_UP_COLUMNS} FROM action a ${FOLLOW_UP_JOINS} WHERE ${conditions} ORDER BY ${order}`
      : // CROSS JOIN keeps the few candidates as the outer loop: each finds its action by rowid.
        `WITH candidate (action_rowid) AS (${candidates})
         ${FOLLOW_UP_COLUMNS} FROM candidate c CROSS JOIN action a ON a.rowid = c.action_rowid ${FOLLOW_UP_JOINS}
         WHERE ${conditions} ORDER BY ${order}`;
  return statement(db, sql).all(params) as (ActionRow & { forum_name: string; item_title: string | null })[];
}

/**
 * "Opfølgning fra sidst": the forum's actions from meetings before this one (or from no meeting) that were
 * open when it began: open now, closed since it began, or followed up in it. So what the meeting marks
 * udført or droppet stays on its list, and its referat says so.
 */
export function followUpOfMeeting(db: SqliteDb, meeting: FollowUpMeeting): FollowUpAction[] {
  const conditions = `a.forum_id = @forumId AND (m.id IS NULL OR m.starts_at < @startsAt) AND a.meeting_id IS NOT @meetingId
        AND (a.status IN ${OPEN}
             OR ${CLOSED_AT} >= @startsAtUtc
             OR EXISTS (SELECT 1 FROM action_note n WHERE n.action_id = a.id AND n.meeting_id = @meetingId))`;
  // Open now, followed up in the meeting, or closed since it began (an action open again has its open status).
  const candidates = throughTime(db, meeting.forumId, meeting.startsAtUtc, null)
    ? `SELECT rowid FROM action WHERE forum_id = @forumId AND status IN ${OPEN}
       UNION SELECT a.rowid FROM action_note n CROSS JOIN action a ON a.id = n.action_id WHERE n.meeting_id = @meetingId
       UNION SELECT a.rowid FROM action_note n CROSS JOIN action a ON a.id = n.action_id WHERE n.status_to IN ${CLOSED} AND n.created_at >= @startsAtUtc`
    : null;
  const rows = followUpRows(db, candidates, conditions, 'a.due IS NULL, a.due, a.created_at, a.rowid', {
    forumId: meeting.forumId,
    startsAt: meeting.startsAt,
    startsAtUtc: meeting.startsAtUtc,
    meetingId: meeting.id,
  });
  return withHistory(db, rows);
}

/**
 * "Udført siden sidst": the forum's actions marked udført after its previous meeting began and before this
 * one, except those the previous meeting or this one followed up itself (they stand on that meeting's list).
 * Nothing when the forum had no meeting before.
 */
export function doneSinceLastMeeting(db: SqliteDb, meeting: FollowUpMeeting, previous: { id: string; startsAtUtc: string } | null): FollowUpAction[] {
  if (previous === null) return [];
  const conditions = `a.forum_id = @forumId AND a.status = 'udfoert' AND (m.id IS NULL OR m.starts_at < @startsAt)
        AND ${CLOSED_AT} >= @previousUtc AND ${CLOSED_AT} < @startsAtUtc
        AND NOT EXISTS (SELECT 1 FROM action_note n WHERE n.action_id = a.id AND n.meeting_id IN (@meetingId, @previousId))`;
  const candidates = throughTime(db, meeting.forumId, previous.startsAtUtc, meeting.startsAtUtc)
    ? `SELECT DISTINCT a.rowid FROM action_note n CROSS JOIN action a ON a.id = n.action_id
        WHERE n.status_to = 'udfoert' AND n.created_at >= @previousUtc AND n.created_at < @startsAtUtc`
    : null;
  const rows = followUpRows(db, candidates, conditions, `${CLOSED_AT}, a.created_at, a.rowid`, {
    forumId: meeting.forumId,
    startsAt: meeting.startsAt,
    startsAtUtc: meeting.startsAtUtc,
    meetingId: meeting.id,
    previousId: previous.id,
    previousUtc: previous.startsAtUtc,
  });
  return withHistory(db, rows);
}

/** Actions made in a meeting that belong to no item (e.g. agreed under check-out). */
export function actionsOfMeetingWithoutItem(db: SqliteDb, meetingId: string): Action[] {
  const rows = statement(db, 'SELECT * FROM action WHERE meeting_id = ? AND item_id IS NULL ORDER BY created_at, rowid').all(
    meetingId,
  ) as ActionRow[];
  return rows.map(toAction);
}
