import { themeKey, type Destination } from '../../../shared/domain/listening';
import type { ForumKind } from '../../../shared/domain/forums';
import type {
  FromListening,
  ListeningInput,
  ListeningMeetingSummary,
  ListeningSeriesSummary,
  ListeningTheme,
  SentTo,
} from '../../../shared/api/listeningTypes';
import type { SqliteDb } from '../open';
import { isReferatLocked } from './referat';
import { statement } from '../statements';

/** Lyttemøder: series, meetings, themes and inputs (migration 008). No person is ever joined in here. */

const byDanishName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'da');

export { themeKey };

/** «Egeskolen» and « egeskolen » are one school, by the same rule as themes. */
export function sameSchool(a: string, b: string): boolean {
  return themeKey(a) === themeKey(b);
}

// ---------------------------------------------------------------------------------------------- series

export interface SeriesFields {
  title: string;
  purpose: string;
  visitors: string;
}

interface SeriesRow {
  id: string;
  title: string;
  purpose: string;
  visitors: string;
  meeting_count: number;
  held_count: number;
  input_count: number;
  next_date: string | null;
  forum_id: string | null;
}

const SERIES_SELECT = `
  SELECT s.id, s.title, s.purpose, s.visitors, s.forum_id,
         (SELECT COUNT(*) FROM listening_meeting m WHERE m.series_id = s.id) AS meeting_count,
         (SELECT COUNT(*) FROM listening_meeting m WHERE m.series_id = s.id AND m.held_at IS NOT NULL) AS held_count,
         (SELECT COUNT(*) FROM listening_input i JOIN listening_meeting m ON m.id = i.meeting_id WHERE m.series_id = s.id) AS input_count,
         (SELECT MIN(m.date) FROM listening_meeting m WHERE m.series_id = s.id AND m.held_at IS NULL AND m.date >= @today) AS next_date
    FROM listening_series s`;

function schoolsOf(db: SqliteDb, seriesId: string): string[] {
  const rows = statement(
    db,
    `SELECT school FROM listening_meeting WHERE series_id = ? ORDER BY date, COALESCE(start_time, ''), created_at, id`,
  ).all(seriesId) as { school: string }[];
  const seen = new Set<string>();
  const schools: string[] = [];
  for (const { school } of rows) {
    const key = themeKey(school);
    if (seen.has(key)) continue;
    seen.add(key);
    schools.push(school);
  }
  return schools;
}

function toSeries(db: SqliteDb, r: SeriesRow): ListeningSeriesSummary {
  return {
    id: r.id,
    title: r.title,
    purpose: r.purpose,
    visitors: r.visitors,
    meetingCount: r.meeting_count,
    heldCount: r.held_count,
    inputCount: r.input_count,
    schools: schoolsOf(db, r.id),
    nextDate: r.next_date,
    forumId: r.forum_id,
  };
}

export function insertSeries(db: SqliteDb, s: SeriesFields & { id: string; createdAt: string }): void {
  statement(
    db,
    'INSERT INTO listening_series (id, title, purpose, visitors, created_at) VALUES (@id, @title, @purpose, @visitors, @createdAt)',
  ).run(s);
}

/** Puts the series in its lyttemøde forum: from now on it is shared with the forum. */
export function setSeriesForum(db: SqliteDb, id: string, forumId: string): void {
  statement(db, 'UPDATE listening_series SET forum_id = ? WHERE id = ?').run(forumId, id);
}

export function updateSeries(db: SqliteDb, id: string, s: SeriesFields): void {
  statement(db, 'UPDATE listening_series SET title = @title, purpose = @purpose, visitors = @visitors WHERE id = @id').run({ ...s, id });
}

export function findSeries(db: SqliteDb, id: string, today: string): ListeningSeriesSummary | null {
  const row = statement(db, `${SERIES_SELECT} WHERE s.id = @id`).get({ id, today }) as SeriesRow | undefined;
  return row ? toSeries(db, row) : null;
}

/** The series with a coming meeting first (soonest first), then the rest, newest first. */
export function listSeries(db: SqliteDb, today: string): ListeningSeriesSummary[] {
  const rows = statement(db, `${SERIES_SELECT} ORDER BY next_date IS NULL, next_date, s.created_at DESC, s.id`).all({ today }) as SeriesRow[];
  return rows.map((r) => toSeries(db, r));
}

export function markSeriesAsDemo(db: SqliteDb, id: string): void {
  statement(db, 'UPDATE listening_series SET demo = 1 WHERE id = ?').run(id);
}

/** Removes the demo's series with their meetings, inputs and themes. */
export function deleteDemoSeries(db: SqliteDb): void {
  statement(db, 'DELETE FROM listening_series WHERE demo = 1').run();
}

// -------------------------------------------------------------------------------------------- meetings

export interface MeetingFields {
  school: string;
  date: string;
  startTime: string | null;
  teacherGroup: string;
}

interface MeetingRow {
  id: string;
  series_id: string;
  school: string;
  date: string;
  start_time: string | null;
  teacher_group: string;
  participant_count: number | null;
  held_at: string | null;
  input_count: number;
  sorted_count: number;
}

const MEETING_SELECT = `
  SELECT m.id, m.series_id, m.school, m.date, m.start_time, m.teacher_group, m.participant_count, m.held_at,
         (SELECT COUNT(*) FROM listening_input i WHERE i.meeting_id = m.id) AS input_count,
         (SELECT COUNT(*) FROM listening_input i WHERE i.meeting_id = m.id AND i.destination IS NOT NULL) AS sorted_count
    FROM listening_meeting m`;
const MEETING_ORDER = `ORDER BY m.date, COALESCE(m.start_time, ''), m.created_at, m.id`;

function toMeeting(r: MeetingRow): ListeningMeetingSummary {
  return {
    id: r.id,
    seriesId: r.series_id,
    school: r.school,
    date: r.date,
    startTime: r.start_time,
    teacherGroup: r.teacher_group,
    participantCount: r.participant_count,
    heldAt: r.held_at,
    inputCount: r.input_count,
    sortedCount: r.sorted_count,
  };
}

export function insertMeeting(db: SqliteDb, m: MeetingFields & { id: string; seriesId: string; createdAt: string }): void {
  statement(
    db,
    `INSERT INTO listening_meeting (id, series_id, school, date, start_time, teacher_group, created_at)
     VALUES (@id, @seriesId, @school, @date, @startTime, @teacherGroup, @createdAt)`,
  ).run(m);
}

export function updateMeeting(db: SqliteDb, id: string, m: MeetingFields): void {
  statement(
    db,
    `UPDATE listening_meeting SET school = @school, date = @date, start_time = @startTime, teacher_group = @teacherGroup
      WHERE id = @id`,
  ).run({ ...m, id });
}

export function setHeld(db: SqliteDb, id: string, heldAt: string | null, participantCount: number | null): void {
  statement(db, 'UPDATE listening_meeting SET held_at = ?, participant_count = ? WHERE id = ?').run(heldAt, participantCount, id);
}

export function deleteMeeting(db: SqliteDb, id: string): void {
  statement(db, 'DELETE FROM listening_meeting WHERE id = ?').run(id);
}

export function findMeeting(db: SqliteDb, id: string): ListeningMeetingSummary | null {
  const row = statement(db, `${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row ? toMeeting(row) : null;
}

export function meetingsOfSeries(db: SqliteDb, seriesId: string): ListeningMeetingSummary[] {
  return (statement(db, `${MEETING_SELECT} WHERE m.series_id = ? ${MEETING_ORDER}`).all(seriesId) as MeetingRow[]).map(toMeeting);
}

// ---------------------------------------------------------------------------------------------- themes

interface ThemeRow {
  id: string;
  series_id: string;
  name: string;
  input_count: number;
}

const THEME_SELECT = `
  SELECT t.id, t.series_id, t.name, (SELECT COUNT(*) FROM listening_input_theme l WHERE l.theme_id = t.id) AS input_count
    FROM listening_theme t`;

const toTheme = (r: ThemeRow): ListeningTheme => ({ id: r.id, seriesId: r.series_id, name: r.name, inputCount: r.input_count });

export function themesOfSeries(db: SqliteDb, seriesId: string): ListeningTheme[] {
  return (statement(db, `${THEME_SELECT} WHERE t.series_id = ?`).all(seriesId) as ThemeRow[]).map(toTheme).sort(byDanishName);
}

export function findTheme(db: SqliteDb, id: string): ListeningTheme | null {
  const row = statement(db, `${THEME_SELECT} WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  return row ? toTheme(row) : null;
}

export function themeIdByKey(db: SqliteDb, seriesId: string, key: string): string | null {
  const row = statement(db, 'SELECT id FROM listening_theme WHERE series_id = ? AND name_key = ?').get(seriesId, key) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

export function insertTheme(db: SqliteDb, t: { id: string; seriesId: string; name: string }): void {
  statement(db, 'INSERT INTO listening_theme (id, series_id, name, name_key) VALUES (?, ?, ?, ?)').run(
    t.id,
    t.seriesId,
    t.name,
    themeKey(t.name),
  );
}

export function renameTheme(db: SqliteDb, id: string, name: string): void {
  statement(db, 'UPDATE listening_theme SET name = ?, name_key = ? WHERE id = ?').run(name, themeKey(name), id);
}

export function deleteTheme(db: SqliteDb, id: string): void {
  statement(db, 'DELETE FROM listening_theme WHERE id = ?').run(id);
}

/** Moves the inputs of one theme onto another (renaming a theme to the name of one that exists merges them). */
export function mergeThemeInto(db: SqliteDb, fromId: string, intoId: string): void {
  statement(
    db,
    `INSERT OR IGNORE INTO listening_input_theme (input_id, theme_id) SELECT input_id, ? FROM listening_input_theme WHERE theme_id = ?`,
  ).run(intoId, fromId);
  deleteTheme(db, fromId);
}

export function setThemesOfInput(db: SqliteDb, inputId: string, themeIds: readonly string[]): void {
  statement(db, 'DELETE FROM listening_input_theme WHERE input_id = ?').run(inputId);
  const link = statement(db, 'INSERT OR IGNORE INTO listening_input_theme (input_id, theme_id) VALUES (?, ?)');
  for (const themeId of themeIds) link.run(inputId, themeId);
}

// ---------------------------------------------------------------------------------------------- inputs

/** An input with where it was heard, for lists across a series. */
export interface InputWithMeeting extends ListeningInput {
  seriesId: string;
  school: string;
  date: string;
  themeIds: string[];
}

interface InputRow {
  id: string;
  meeting_id: string;
  position: number;
  text: string;
  is_quote: 0 | 1;
  destination: Destination | null;
  destination_note: string;
  created_at: string;
  inbox_forum_name: string | null;
  inbox_sent_at: string | null;
  series_id: string;
  school: string;
  date: string;
}

interface SentRow {
  input_id: string;
  item_id: string;
  item_title: string;
  item_confidential: 0 | 1;
  meeting_id: string;
  meeting_title: string;
  starts_at: string;
  forum_id: string;
  forum_name: string;
  forum_school: string;
}

type Scope = 'input' | 'meeting' | 'series';
const SCOPE_WHERE: Record<Scope, string> = { input: 'li.id = ?', meeting: 'li.meeting_id = ?', series: 'lm.series_id = ?' };

function inputsIn(db: SqliteDb, scope: Scope, id: string): InputWithMeeting[] {
  const where = SCOPE_WHERE[scope];
  const rows = statement(
    db,
    `SELECT li.id, li.meeting_id, li.position, li.text, li.is_quote, li.destination, li.destination_note, li.created_at,
            li.inbox_forum_name, li.inbox_sent_at, lm.series_id, lm.school, lm.date
       FROM listening_input li JOIN listening_meeting lm ON lm.id = li.meeting_id
      WHERE ${where}
      ORDER BY lm.date, COALESCE(lm.start_time, ''), lm.created_at, lm.id, li.position`,
  ).all(id) as InputRow[];
  const links = statement(
    db,
    `SELECT l.input_id, t.id, t.name
       FROM listening_input_theme l JOIN listening_theme t ON t.id = l.theme_id
       JOIN listening_input li ON li.id = l.input_id JOIN listening_meeting lm ON lm.id = li.meeting_id
      WHERE ${where}`,
  ).all(id) as { input_id: string; id: string; name: string }[];
  const sent = statement(
    db,
    `SELECT li.id AS input_id, i.id AS item_id, i.title AS item_title, i.confidential AS item_confidential,
            m.id AS meeting_id, m.title AS meeting_title,
            m.starts_at, f.id AS forum_id, f.name AS forum_name, f.school AS forum_school
       FROM listening_input li JOIN listening_meeting lm ON lm.id = li.meeting_id
       JOIN agenda_item i ON i.id = li.sent_item_id JOIN meeting m ON m.id = i.meeting_id JOIN forum f ON f.id = m.forum_id
      WHERE ${where}`,
  ).all(id) as SentRow[];
  const themesBy = new Map<string, { id: string; name: string }[]>();
  for (const link of links) {
    const list = themesBy.get(link.input_id) ?? [];
    list.push({ id: link.id, name: link.name });
    themesBy.set(link.input_id, list);
  }
  const sentBy = new Map(sent.map((s) => [s.input_id, s]));
  return rows.map((r) => {
    const themes = (themesBy.get(r.id) ?? []).sort(byDanishName);
    const s = sentBy.get(r.id);
    const sentTo: SentTo | null = s
      ? {
          itemId: s.item_id,
          itemTitle: s.item_title,
          itemConfidential: s.item_confidential === 1,
          meetingId: s.meeting_id,
          meetingTitle: s.meeting_title,
          startsAt: s.starts_at,
          forumId: s.forum_id,
          forumName: s.forum_name,
          forumSchool: s.forum_school,
        }
      : null;
    return {
      id: r.id,
      meetingId: r.meeting_id,
      position: r.position,
      text: r.text,
      isQuote: r.is_quote === 1,
      destination: r.destination,
      note: r.destination_note,
      themes: themes.map((t) => t.name),
      sentTo,
      sentToInbox: r.inbox_forum_name !== null && r.inbox_sent_at !== null ? { forumName: r.inbox_forum_name, sentAt: r.inbox_sent_at } : null,
      createdAt: r.created_at,
      seriesId: r.series_id,
      school: r.school,
      date: r.date,
      themeIds: themes.map((t) => t.id),
    };
  });
}

/** The plain API shape, without the fields used across a series. */
export function asInput({ seriesId: _s, school: _school, date: _d, themeIds: _t, ...input }: InputWithMeeting): ListeningInput {
  return input;
}

export function findInput(db: SqliteDb, id: string): InputWithMeeting | null {
  return inputsIn(db, 'input', id)[0] ?? null;
}

export function inputsOfMeeting(db: SqliteDb, meetingId: string): InputWithMeeting[] {
  return inputsIn(db, 'meeting', meetingId);
}

export function inputsOfSeries(db: SqliteDb, seriesId: string): InputWithMeeting[] {
  return inputsIn(db, 'series', seriesId);
}

export function nextInputPosition(db: SqliteDb, meetingId: string): number {
  const row = statement(db, 'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM listening_input WHERE meeting_id = ?').get(meetingId) as {
    next: number;
  };
  return row.next;
}

export function insertInput(
  db: SqliteDb,
  i: { id: string; meetingId: string; position: number; text: string; isQuote: boolean; createdAt: string },
): void {
  statement(
    db,
    `INSERT INTO listening_input (id, meeting_id, position, text, is_quote, created_at)
     VALUES (@id, @meetingId, @position, @text, @isQuote, @createdAt)`,
  ).run({ ...i, isQuote: i.isQuote ? 1 : 0 });
}

export function updateInputText(db: SqliteDb, id: string, text: string, isQuote: boolean): void {
  statement(db, 'UPDATE listening_input SET text = ?, is_quote = ? WHERE id = ?').run(text, isQuote ? 1 : 0, id);
}

/** Changes only what is given, so a place and a note saved close together do not undo each other. */
export function sortInput(db: SqliteDb, id: string, sort: { destination?: Destination | null | undefined; note?: string | undefined }): void {
  if (sort.destination !== undefined) statement(db, 'UPDATE listening_input SET destination = ? WHERE id = ?').run(sort.destination, id);
  if (sort.note !== undefined) statement(db, 'UPDATE listening_input SET destination_note = ? WHERE id = ?').run(sort.note, id);
}

/** Notes on the input that it went to a forum's inbox, so it travels with a shared series. */
export function setSentToInbox(db: SqliteDb, id: string, forumName: string, sentAt: string): void {
  statement(db, 'UPDATE listening_input SET inbox_forum_name = ?, inbox_sent_at = ? WHERE id = ?').run(forumName, sentAt, id);
}

export function setSentItem(db: SqliteDb, id: string, itemId: string | null): void {
  statement(db, 'UPDATE listening_input SET sent_item_id = ? WHERE id = ?').run(itemId, id);
}

/** Removes an input and closes the gap, so the inputs of the meeting stay numbered 1, 2, 3 … */
export function deleteInput(db: SqliteDb, id: string, meetingId: string): void {
  statement(db, 'DELETE FROM listening_input WHERE id = ?').run(id);
  // Positions are unique per meeting: step aside (negative) first, then take the new numbers.
  statement(db, 'UPDATE listening_input SET position = -position WHERE meeting_id = ?').run(meetingId);
  const ids = statement(db, 'SELECT id FROM listening_input WHERE meeting_id = ? ORDER BY position DESC').all(meetingId) as { id: string }[];
  const set = statement(db, 'UPDATE listening_input SET position = ? WHERE id = ?');
  ids.forEach((row, index) => set.run(index + 1, row.id));
}

// ------------------------------------------------------------------------------------ agenda and people

/** Every name of a person the archive holds (members, participants, guests), for the anonymity guard. */
export function allPersonNames(db: SqliteDb): string[] {
  return (statement(db, 'SELECT DISTINCT name FROM person').all() as { name: string }[]).map((r) => r.name);
}

/** For the agenda items that were sent on from a lyttemøde: where they came from. */
export function fromListeningFor(db: SqliteDb, itemIds: readonly string[]): Map<string, FromListening> {
  const result = new Map<string, FromListening>();
  if (itemIds.length === 0) return result;
  const rows = statement(
    db,
    `SELECT li.sent_item_id AS item_id, li.id AS input_id, lm.id AS meeting_id, lm.series_id, lm.school, lm.date
       FROM listening_input li JOIN listening_meeting lm ON lm.id = li.meeting_id
      WHERE li.sent_item_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(itemIds)) as { item_id: string; input_id: string; meeting_id: string; series_id: string; school: string; date: string }[];
  for (const r of rows) {
    result.set(r.item_id, { inputId: r.input_id, listeningMeetingId: r.meeting_id, seriesId: r.series_id, school: r.school, date: r.date });
  }
  return result;
}

export interface TargetMeetingRow {
  forum_id: string;
  forum_name: string;
  kind: ForumKind;
  school: string;
  meeting_id: string;
  title: string;
  starts_at: string;
}

/** Meetings from `now` on whose referat is not locked, with their forum; soonest first. */
export function comingOpenMeetings(db: SqliteDb, now: string): TargetMeetingRow[] {
  const rows = statement(
    db,
    `SELECT f.id AS forum_id, f.name AS forum_name, f.kind, f.school, m.id AS meeting_id, m.title, m.starts_at
       FROM meeting m JOIN forum f ON f.id = m.forum_id
      WHERE m.starts_at >= ?
      ORDER BY m.starts_at, m.id`,
  ).all(now) as TargetMeetingRow[];
  return rows.filter((row) => !isReferatLocked(db, row.meeting_id));
}
