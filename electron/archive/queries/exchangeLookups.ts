import type { SqliteDb } from '../open';
import { statement } from '../statements';

/**
 * What an import looks up in the archive before it writes the first row: which of the file's rows are
 * there already, and rows that clash with the file's under another id.
 */

const KEY_COLUMN: Record<'person' | 'forum' | 'meeting' | 'agenda_item' | 'item_type' | 'action', string> = {
  person: 'id',
  action: 'id',
  forum: 'id',
  meeting: 'id',
  agenda_item: 'id',
  item_type: 'key',
};

/** Which of the given ids (or item type keys) the archive already has. */
export function presentKeys(db: SqliteDb, table: keyof typeof KEY_COLUMN, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const column = KEY_COLUMN[table];
  const rows = statement(db, `SELECT ${column} AS key FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(keys),
  ) as { key: string }[];
  return new Set(rows.map((r) => r.key));
}

/** Another forum with this name at this school (compared as the archive's unique index does). */
export function forumWithName(db: SqliteDb, name: string, school: string, exceptIds: readonly string[]): string | null {
  const row = statement(
    db,
    `SELECT id FROM forum WHERE name = ? COLLATE NOCASE AND school = ? COLLATE NOCASE
        AND id NOT IN (SELECT value FROM json_each(?))`,
  ).get(name, school, JSON.stringify(exceptIds)) as { id: string } | undefined;
  return row?.id ?? null;
}

export interface MeetingHeading {
  id: string;
  title: string;
  startsAt: string;
}

/**
 * A meeting of the forum with the same start and title under an id the file does not bring: most
 * likely the same meeting, planned on two laptops. Titles are compared as the archive compares names.
 * The file's ids are a set checked here, not a list handed to SQL: a whole archive's file asks this
 * for each of its thousands of meetings, and a list would be read anew for every one of them.
 */
export function sameMeetingUnderOtherId(
  db: SqliteDb,
  meeting: { forumId: string; startsAt: string; title: string },
  exceptIds: ReadonlySet<string>,
): MeetingHeading | null {
  const rows = statement(
    db,
    `SELECT id, title, starts_at FROM meeting
      WHERE forum_id = ? AND starts_at = ? AND title = ? COLLATE NOCASE
      ORDER BY id`,
  ).all(meeting.forumId, meeting.startsAt, meeting.title.trim()) as { id: string; title: string; starts_at: string }[];
  const row = rows.find((r) => !exceptIds.has(r.id));
  return row ? { id: row.id, title: row.title, startsAt: row.starts_at } : null;
}

/** Another theme of the series with this folded name (the archive's unique `name_key`) under an id the file does not bring. */
export function themeWithNameUnderOtherId(db: SqliteDb, seriesId: string, nameKey: string, exceptIds: readonly string[]): string | null {
  const row = statement(
    db,
    'SELECT id FROM listening_theme WHERE series_id = ? AND name_key = ? AND id NOT IN (SELECT value FROM json_each(?))',
  ).get(seriesId, nameKey, JSON.stringify(exceptIds)) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The forums these lyttemøde series belong to in the archive (a file from before a series was shared says none). */
export function forumsOfSeries(db: SqliteDb, seriesIds: readonly string[]): string[] {
  if (seriesIds.length === 0) return [];
  return statement(db, 'SELECT DISTINCT forum_id FROM listening_series WHERE forum_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(seriesIds)) as string[];
}

/** A person's name, as the archive has it. */
export function personName(db: SqliteDb, id: string): string | null {
  const row = statement(db, 'SELECT name FROM person WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Another item type with this label under a different key. */
export function itemTypeWithLabel(db: SqliteDb, label: string, exceptKeys: readonly string[]): string | null {
  const row = statement(
    db,
    'SELECT key FROM item_type WHERE label = ? COLLATE NOCASE AND key NOT IN (SELECT value FROM json_each(?))',
  ).get(label, JSON.stringify(exceptKeys)) as { key: string } | undefined;
  return row?.key ?? null;
}

/**
 * The ids of the decisions the archive has on these items, by item. One query for a whole file: a
 * whole archive's file has tens of thousands of decisions.
 */
export function decisionIdsOnItems(db: SqliteDb, itemIds: readonly string[]): Map<string, string> {
  if (itemIds.length === 0) return new Map();
  const rows = statement(db, 'SELECT item_id, id FROM decision WHERE item_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(itemIds),
  ) as { item_id: string; id: string }[];
  return new Map(rows.map((r) => [r.item_id, r.id]));
}

/** The ids of these meetings' referat versions in the archive, by meeting and then by version number. */
export function referatVersionIds(db: SqliteDb, meetingIds: readonly string[]): Map<string, Map<number, string>> {
  const byMeeting = new Map<string, Map<number, string>>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = statement(db, 'SELECT meeting_id, version, id FROM referat_version WHERE meeting_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(meetingIds),
  ) as { meeting_id: string; version: number; id: string }[];
  for (const r of rows) {
    const versions = byMeeting.get(r.meeting_id) ?? new Map<number, string>();
    versions.set(r.version, r.id);
    byMeeting.set(r.meeting_id, versions);
  }
  return byMeeting;
}

