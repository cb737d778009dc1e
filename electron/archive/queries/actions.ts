import type { Action, ActionStatus, ActionTerm, OpenAction } from '../../../shared/api/types';
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
}

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
  };
}

export function insertAction(db: SqliteDb, a: Action): void {
  statement(
    db,
    `INSERT INTO action (id, forum_id, meeting_id, item_id, term, what, who, due, status, created_at)
     VALUES (@id, @forumId, @meetingId, @itemId, @term, @what, @who, @due, @status, @createdAt)`,
  ).run(a);
}

export function findAction(db: SqliteDb, id: string): Action | null {
  const row = statement(db, 'SELECT * FROM action WHERE id = ?').get(id) as ActionRow | undefined;
  return row ? toAction(row) : null;
}

export function setActionStatus(db: SqliteDb, id: string, status: ActionStatus): void {
  statement(db, 'UPDATE action SET status = ? WHERE id = ?').run(status, id);
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
     WHERE a.status = 'aaben' ${forumId === undefined ? '' : 'AND a.forum_id = ?'}
     ORDER BY a.due IS NULL, a.due, a.created_at`;
  const rows = (forumId === undefined ? statement(db, sql).all() : statement(db, sql).all(forumId)) as (ActionRow & {
    forum_name: string;
    item_title: string | null;
  })[];
  return rows.map((r) => ({ ...toAction(r), forumName: r.forum_name, itemTitle: r.item_title }));
}

/** "Opfølgning fra sidst": the forum's open actions from meetings before the given start. */
export function openActionsBefore(db: SqliteDb, forumId: string, startsAt: string): OpenAction[] {
  const rows = statement(
    db,
    `SELECT a.*, f.name AS forum_name, i.title AS item_title
       FROM action a
       JOIN forum f ON f.id = a.forum_id
       LEFT JOIN agenda_item i ON i.id = a.item_id
       LEFT JOIN meeting m ON m.id = a.meeting_id
      WHERE a.forum_id = ? AND a.status = 'aaben' AND (m.id IS NULL OR m.starts_at < ?)
      ORDER BY a.due IS NULL, a.due, a.created_at`,
  ).all(forumId, startsAt) as (ActionRow & { forum_name: string; item_title: string | null })[];
  return rows.map((r) => ({ ...toAction(r), forumName: r.forum_name, itemTitle: r.item_title }));
}

/** Actions made in a meeting that belong to no item (e.g. agreed under check-out). */
export function actionsOfMeetingWithoutItem(db: SqliteDb, meetingId: string): Action[] {
  const rows = statement(db, 'SELECT * FROM action WHERE meeting_id = ? AND item_id IS NULL ORDER BY created_at, rowid').all(
    meetingId,
  ) as ActionRow[];
  return rows.map(toAction);
}

/**
 * The follow-up a referat reports: actions from the forum's earlier meetings that were still open when
 * this meeting began or were finished since the previous meeting, with their status now.
 */
export function followUpForReferat(db: SqliteDb, forumId: string, startsAt: string): (Action & { confidential: boolean })[] {
  const rows = statement(
    db,
    `SELECT a.*, COALESCE(i.confidential, 0) AS from_confidential
       FROM action a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN agenda_item i ON i.id = a.item_id
      WHERE a.forum_id = ? AND m.starts_at < ?
        AND (a.status = 'aaben' OR m.starts_at = (SELECT MAX(p.starts_at) FROM meeting p WHERE p.forum_id = ? AND p.starts_at < ?))
      ORDER BY m.starts_at, a.created_at, a.rowid`,
  ).all(forumId, startsAt, forumId, startsAt) as (ActionRow & { from_confidential: 0 | 1 })[];
  // An action from a confidential item stays confidential when it comes back in a later referat.
  return rows.map((r) => ({ ...toAction(r), confidential: r.from_confidential === 1 }));
}
