import type { SagCandidate } from '../../../shared/api/methods/sager';
import type { DecisionOutcome, ItemSag, MeetingStatus } from '../../../shared/api/types';
import type { ColourKey } from '../../../shared/domain/colours';
import type { ForumKind } from '../../../shared/domain/forums';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

/** An item with what linking needs to know: its meeting's time and its sag. */
export interface SagItemPlace {
  id: string;
  title: string;
  meetingId: string;
  meetingTitle: string;
  startsAt: string;
  sagId: string | null;
  confidential: boolean;
}

export function sagItemPlace(db: SqliteDb, itemId: string): SagItemPlace | null {
  const row = statement(
    db,
    `SELECT i.id, i.title, i.meeting_id AS meetingId, m.title AS meetingTitle, m.starts_at AS startsAt, i.sag_id AS sagId,
            i.confidential
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?`,
  ).get(itemId) as (Omit<SagItemPlace, 'confidential'> & { confidential: 0 | 1 }) | undefined;
  return row ? { ...row, confidential: row.confidential === 1 } : null;
}

export function findSag(db: SqliteDb, sagId: string): ItemSag & { createdAt: string } | null {
  const row = statement(
    db,
    `SELECT s.id, s.title, s.created_at AS createdAt, (SELECT COUNT(*) FROM agenda_item i WHERE i.sag_id = s.id) AS itemCount
       FROM sag s WHERE s.id = ?`,
  ).get(sagId) as (ItemSag & { createdAt: string }) | undefined;
  return row ?? null;
}

export function insertSag(db: SqliteDb, sag: { id: string; title: string; createdAt: string }): void {
  statement(db, 'INSERT INTO sag (id, title, created_at) VALUES (@id, @title, @createdAt)').run(sag);
}

export function renameSag(db: SqliteDb, sagId: string, title: string): void {
  statement(db, 'UPDATE sag SET title = ? WHERE id = ?').run(title, sagId);
}

export function setItemSag(db: SqliteDb, itemId: string, sagId: string | null): void {
  statement(db, 'UPDATE agenda_item SET sag_id = ? WHERE id = ?').run(sagId, itemId);
}

/** Every item of one sag joins another; the emptied sag is deleted by the caller. */
export function moveSagItems(db: SqliteDb, fromSagId: string, toSagId: string): void {
  statement(db, 'UPDATE agenda_item SET sag_id = ? WHERE sag_id = ?').run(toSagId, fromSagId);
}

/** The sag goes; its items stay on their agendas, no longer linked. */
export function deleteSag(db: SqliteDb, sagId: string): void {
  statement(db, 'UPDATE agenda_item SET sag_id = NULL WHERE sag_id = ?').run(sagId);
  statement(db, 'DELETE FROM sag WHERE id = ?').run(sagId);
}

export function sagItemCount(db: SqliteDb, sagId: string): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM agenda_item WHERE sag_id = ?').get(sagId) as { n: number }).n;
}

/** The sager the items of a forum belong to, read before the forum is deleted. */
export function sagIdsOfForum(db: SqliteDb, forumId: string): string[] {
  const rows = statement(
    db,
    `SELECT DISTINCT i.sag_id AS id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
      WHERE m.forum_id = ? AND i.sag_id IS NOT NULL`,
  ).all(forumId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Folds a title the way the typed text is folded: SQLite's lower() and LIKE only know ASCII, so the
 * Danish capitals are folded by hand; the typed text is lower-cased in JavaScript with the Danish locale.
 */
const FOLDED_TITLE = "lower(replace(replace(replace(i.title, 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'))";

/** A LIKE pattern for "contains", with the typed %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLocaleLowerCase('da-DK').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface CandidateRow {
  item_id: string;
  item_title: string;
  confidential: 0 | 1;
  forum_id: string;
  forum_name: string;
  school: string;
  meeting_id: string;
  meeting_title: string;
  starts_at: string;
  sag_id: string | null;
  sag_title: string | null;
  decided: 0 | 1;
}

/**
 * Where the candidates come from. With three or more typed letters (and no LIKE wildcard typed), the
 * trigram index of migration 007 finds the titles, however long the archive. Otherwise meetings are the
 * outer loop, newest first along meeting_starts, so the first page stops early.
 */
function candidateSource(pattern: string | null): string {
  const typed = pattern === null ? '' : pattern.slice(1, -1);
  if (typed.length >= 3 && !typed.includes('\\')) {
    return `item_title_trigram t
       JOIN item_title_doc d ON d.doc = t.rowid AND t.folded_title LIKE @pattern
       JOIN agenda_item i ON i.id = d.item_id
       JOIN meeting m ON m.id = i.meeting_id`;
  }
  return `meeting m
       CROSS JOIN agenda_item i ON i.meeting_id = m.id
        AND (@pattern IS NULL OR ${FOLDED_TITLE} LIKE @pattern ESCAPE '\\')`;
}

/**
 * Items of other meetings that started before or at the same time as the given one, in any forum,
 * newest first; items already in the given sag are left out.
 */
export function sagCandidates(
  db: SqliteDb,
  filter: { meetingId: string; startsAt: string; sagId: string | null; pattern: string | null; limit: number },
): SagCandidate[] {
  const rows = statement(
    db,
    `SELECT i.id AS item_id, i.title AS item_title, i.confidential, f.id AS forum_id, f.name AS forum_name, f.school,
            m.id AS meeting_id, m.title AS meeting_title, m.starts_at, i.sag_id, s.title AS sag_title,
            EXISTS (SELECT 1 FROM decision d WHERE d.item_id = i.id) AS decided
       FROM ${candidateSource(filter.pattern)}
       JOIN forum f ON f.id = m.forum_id
       LEFT JOIN sag s ON s.id = i.sag_id
      WHERE m.starts_at <= @startsAt AND m.id <> @meetingId
        AND (@sagId IS NULL OR i.sag_id IS NULL OR i.sag_id <> @sagId)
      ORDER BY m.starts_at DESC, m.rowid DESC, i.position
      LIMIT @limit`,
  ).all(filter) as CandidateRow[];
  return rows.map((r) => ({
    itemId: r.item_id,
    itemTitle: r.item_title,
    confidential: r.confidential === 1,
    forumId: r.forum_id,
    forumName: r.forum_name,
    school: r.school,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingStartsAt: r.starts_at,
    sag: r.sag_id === null || r.sag_title === null ? null : { id: r.sag_id, title: r.sag_title },
    decided: r.decided === 1,
  }));
}

export interface SagItemRow {
  item_id: string;
  item_title: string;
  confidential: 0 | 1;
  announced_colour: ColourKey | null;
  notes: string;
  forum_id: string;
  forum_name: string;
  forum_kind: ForumKind;
  school: string;
  meeting_id: string;
  meeting_title: string;
  starts_at: string;
  status: MeetingStatus;
  d_outcome: DecisionOutcome | null;
  d_colour: ColourKey | null;
  d_text: string | null;
  d_dissent: string | null;
  d_final_at: string | null;
}

/** The sag's items in meeting order (time, then the meeting's rowid for equal times, then agenda order). */
export function sagItems(db: SqliteDb, sagId: string): SagItemRow[] {
  return statement(
    db,
    `SELECT i.id AS item_id, i.title AS item_title, i.confidential, i.announced_colour, i.notes,
            f.id AS forum_id, f.name AS forum_name, f.kind AS forum_kind, f.school,
            m.id AS meeting_id, m.title AS meeting_title, m.starts_at, m.status,
            d.outcome AS d_outcome, d.colour AS d_colour, d.text AS d_text, d.dissent AS d_dissent, d.final_at AS d_final_at
       FROM agenda_item i
       JOIN meeting m ON m.id = i.meeting_id
       JOIN forum f ON f.id = m.forum_id
       LEFT JOIN decision d ON d.item_id = i.id
      WHERE i.sag_id = ?
      ORDER BY m.starts_at, m.rowid, i.position`,
  ).all(sagId) as SagItemRow[];
}
