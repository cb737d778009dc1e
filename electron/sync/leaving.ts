import { parseDocumentName } from '../../shared/sync/documents';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { CLOSED_ITEM_TITLE, CLOSED_ROW } from '../services/redaction';
import { collectDeleted } from './collectDeleted';
import { hasInboxTables } from './inbox';
import { closedTitlesFor, sharedVersionValues } from './sharedReferat';
import type { AccessLoss } from './transport/localDocuments';

/**
 * Leaving a shared forum (migration 018). When the server says this laptop may no longer have a forum (the
 * person removed, the device revoked) or no longer its confidential part (the right lowered to læser), the
 * laptop keeps what a læser of the forum sees, as a local copy, and removes the rest:
 * - the confidential items keep their place, type and time under the neutral title, and nothing they said
 *   (background, notes, announcements, forvarsel, consent); their decisions, dissents, comments, drafts, actions and
 *   the actions' notes go, and so does every confidential action elsewhere in the forum;
 * - the referat versions are rewritten as the redaction boundary shares them;
 * - the search index loses them through its triggers and is merged, so no old segment keeps their words;
 * - the local Yjs log and state of the `fortroligt` documents go, and the other documents' logs are rewritten
 *   without what was deleted in them (collectDeleted.ts); a removed forum stops being shared and
 *   loses its whole log, so a later local write is not mirrored into documents no server will take;
 * - the forum's inbox goes (what outsiders sent to its members, and the answers, which name closed items by their
 *   title): the server gives it to members only.
 * Plain SQL, and Yjs only to rewrite a log; the caller holds the transaction.
 */

export interface AccessLost {
  forumId: string;
  scope: AccessLoss;
  reason: string;
  refusedAt: string;
  purgedAt: string | null;
  toldAt: string | null;
}

const FORUM_MEETINGS = 'SELECT id FROM main.meeting WHERE forum_id = @forumId';
const FORUM_ITEMS = `SELECT id FROM main.agenda_item WHERE meeting_id IN (${FORUM_MEETINGS})`;

/** Records the server's refusal, on its own, before anything is removed. A wider loss replaces a narrower. */
export function recordAccessLost(db: SqliteDb, forumId: string, scope: AccessLoss, reason: string, at: string): void {
  statement(
    db,
    `INSERT INTO forum_access_lost (forum_id, scope, reason, refused_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (forum_id) DO UPDATE SET
         scope = CASE WHEN forum_access_lost.scope = 'forum' THEN 'forum' ELSE excluded.scope END,
         reason = excluded.reason,
         purged_at = NULL,
         told_at = CASE WHEN forum_access_lost.scope = excluded.scope OR forum_access_lost.scope = 'forum' THEN forum_access_lost.told_at ELSE NULL END`,
  ).run(forumId, scope, reason, at);
}

export function accessLostRows(db: SqliteDb): AccessLost[] {
  return statement(
    db,
    'SELECT forum_id AS forumId, scope, reason, refused_at AS refusedAt, purged_at AS purgedAt, told_at AS toldAt FROM forum_access_lost ORDER BY refused_at, forum_id',
  ).all() as AccessLost[];
}

/** Refusals recorded but not yet acted on: the laptop stopped between the two. None in an archive older than migration 018. */
export function unpurged(db: SqliteDb): AccessLost[] {
  if (statement(db, "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'forum_access_lost'").get() === undefined) return [];
  return accessLostRows(db).filter((row) => row.purgedAt === null);
}

export function markTold(db: SqliteDb, forumId: string, at: string): void {
  statement(db, 'UPDATE forum_access_lost SET told_at = ? WHERE forum_id = ? AND told_at IS NULL').run(at, forumId);
}

/** The referat versions of the forum's meetings, rewritten as a reader receives them. */
function redactReferats(db: SqliteDb, forumId: string): void {
  const meetings = statement(db, FORUM_MEETINGS).pluck().all({ forumId }) as string[];
  for (const meetingId of meetings) {
    const versions = statement(
      db,
      `SELECT id, version, status, change_note AS changeNote, created_at AS createdAt, approved_at AS approvedAt, snapshot, changes,
              closed_changes AS closedChanges
         FROM referat_version WHERE meeting_id = ?`,
    ).all(meetingId) as Record<string, string | number | null>[];
    if (versions.length === 0) continue;
    const items = (statement(db, 'SELECT title, confidential FROM agenda_item WHERE meeting_id = ?').all(meetingId) as { title: string; confidential: number }[]).map(
      (i) => ({ title: i.title, confidential: i.confidential === 1 }),
    );
    const closedTitles = closedTitlesFor(items, versions);
    for (const version of versions) {
      const shared = sharedVersionValues(version, closedTitles);
      statement(db, 'UPDATE referat_version SET change_note = ?, changes = ?, closed_changes = ?, snapshot = ? WHERE id = ?').run(
        shared['changeNote'],
        shared['changes'],
        shared['closedChanges'],
        shared['snapshot'],
        version['id'],
      );
    }
  }
}

/** Removes the forum's confidential content from the rows and the search index. */
function purgeRows(db: SqliteDb, forumId: string): void {
  // Referats first: what makes a change line confidential is the title the item has now.
  redactReferats(db, forumId);
  const inForumItems = `item_id IN (${FORUM_ITEMS})`;
  statement(db, `DELETE FROM decision_dissent WHERE decision_id IN (SELECT id FROM decision WHERE ${inForumItems}) AND ${CLOSED_ROW.decision_dissent}`).run({ forumId });
  statement(db, `DELETE FROM decision WHERE ${inForumItems} AND ${CLOSED_ROW.decision}`).run({ forumId });
  statement(db, `DELETE FROM item_comment WHERE ${inForumItems} AND ${CLOSED_ROW.item_comment}`).run({ forumId });
  statement(db, `DELETE FROM decision_draft WHERE item_id IN (SELECT id FROM main.agenda_item WHERE meeting_id IN (${FORUM_MEETINGS}) AND confidential = 1)`).run({
    forumId,
  });
  statement(db, `DELETE FROM action_note WHERE action_id IN (SELECT id FROM action WHERE forum_id = @forumId) AND ${CLOSED_ROW.action_note}`).run({ forumId });
  statement(db, `DELETE FROM action WHERE forum_id = @forumId AND ${CLOSED_ROW.action}`).run({ forumId });
  // Who consented to a closed item, and when, goes with the item's content (migration 021).
  statement(db, `DELETE FROM item_consent WHERE ${inForumItems} AND ${CLOSED_ROW.item_consent}`).run({ forumId });
  statement(
    db,
    `UPDATE agenda_item SET title = @title, owner = '', background = '', notes = '', forvarsel_note = '', consent_by = '', added_by = NULL,
            announced_given = '', announced_open = ''
      WHERE meeting_id IN (${FORUM_MEETINGS}) AND confidential = 1`,
  ).run({ forumId, title: CLOSED_ITEM_TITLE });
  // The triggers took the words out of the index; merging leaves no old segment that still holds them.
  db.exec("INSERT INTO search (search) VALUES ('optimize'); INSERT INTO item_title_trigram (item_title_trigram) VALUES ('optimize');");
}

/** The forum's inbox documents this laptop holds as a member: members alone are given them. */
function memberInboxes(db: SqliteDb, forumId: string): Set<string> {
  if (!hasInboxTables(db)) return new Set();
  return new Set(statement(db, "SELECT document FROM main.inbox_document WHERE forum_id = ? AND role = 'modtager'").pluck().all(forumId) as string[]);
}

/** Removes the local shared documents the laptop may no longer hold, and the forum's inbox with its rows; returns their names. */
function purgeDocuments(db: SqliteDb, forumId: string, scope: AccessLoss): string[] {
  const inboxes = memberInboxes(db, forumId);
  const lost = (name: string) => scope === 'forum' || inboxes.has(name) || parseDocumentName(name)?.kind === 'fortroligt';
  const logged = statement(db, 'SELECT DISTINCT document FROM sync_document WHERE forum_id = ? UNION SELECT DISTINCT document FROM sync_update WHERE forum_id = ?')
    .pluck()
    .all(forumId, forumId) as string[];
  const names = [...new Set([...logged.filter(lost), ...inboxes])];
  // Its submissions and answers go with each document (ON DELETE CASCADE, migration 023).
  for (const name of inboxes) statement(db, 'DELETE FROM inbox_document WHERE document = ?').run(name);
  for (const name of names) {
    statement(db, 'DELETE FROM sync_update WHERE document = ?').run(name);
    statement(db, 'DELETE FROM sync_document WHERE document = ?').run(name);
  }
  if (scope === 'forum') statement(db, 'DELETE FROM shared_forum WHERE forum_id = ?').run(forumId);
  // The documents a læser keeps may hold, in their log, words of items this laptop closed before the server had them.
  else for (const name of logged.filter((n) => !names.includes(n))) collectDeleted(db, name);
  return names;
}

/**
 * Acts on a recorded refusal: the confidential rows, the search index's words and the documents go, and the
 * refusal is marked done, all in the caller's one transaction. Returns the documents removed.
 */
export function purgeForum(db: SqliteDb, lost: Pick<AccessLost, 'forumId' | 'scope'>, at: string): string[] {
  purgeRows(db, lost.forumId);
  const names = purgeDocuments(db, lost.forumId, lost.scope);
  statement(db, 'UPDATE forum_access_lost SET purged_at = ? WHERE forum_id = ?').run(at, lost.forumId);
  return names;
}
