import type { InboxAnswer, InboxSubmission, InboxTarget } from '../../../shared/api/methods/inbox';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface SubmissionRow {
  id: string;
  forum_id: string;
  forum_name: string;
  sender_name: string;
  title: string;
  text: string;
  origin: string;
  sent_at: string;
  listening_input_id: string | null;
  agenda_item_id: string | null;
  outcome: 'optaget' | 'afvist' | null;
  meeting_id: string | null;
  meeting_starts_at: string | null;
  item_title: string | null;
  reason: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

const SELECT = `
  SELECT s.id, d.forum_id, d.forum_name, d.sender_name, s.title, s.text, s.origin, s.sent_at, s.listening_input_id, s.agenda_item_id,
         a.outcome, a.meeting_id, a.meeting_starts_at, a.item_title, a.reason, a.answered_by, a.answered_at
    FROM inbox_submission s
    JOIN inbox_document d ON d.document = s.document
    LEFT JOIN inbox_answer a ON a.submission_id = s.id`;

function answerOf(row: SubmissionRow): InboxAnswer | null {
  const by = { answeredBy: row.answered_by ?? '', answeredAt: row.answered_at ?? '' };
  if (row.outcome === 'optaget') {
    return { outcome: 'optaget', meetingId: row.meeting_id, meetingStartsAt: row.meeting_starts_at, itemTitle: row.item_title ?? '', ...by };
  }
  if (row.outcome === 'afvist') return { outcome: 'afvist', reason: row.reason ?? '', ...by };
  return null;
}

function submissionOf(row: SubmissionRow): InboxSubmission {
  return {
    id: row.id,
    forumId: row.forum_id,
    forumName: row.forum_name,
    senderName: row.sender_name,
    title: row.title,
    text: row.text,
    origin: row.origin,
    sentAt: row.sent_at,
    listeningInputId: row.listening_input_id,
    agendaItemId: row.agenda_item_id,
    answer: answerOf(row),
  };
}

/** What this laptop sent to other forums, newest first. */
export function sentSubmissions(db: SqliteDb): InboxSubmission[] {
  const rows = statement(db, `${SELECT} WHERE d.role = 'afsender' ORDER BY s.sent_at DESC, s.id`).all() as SubmissionRow[];
  return rows.map(submissionOf);
}

/** What others sent to a forum: unanswered first, then newest first. */
export function forumInbox(db: SqliteDb, forumId: string): InboxSubmission[] {
  const rows = statement(
    db,
    `${SELECT} WHERE d.role = 'modtager' AND d.forum_id = ? ORDER BY a.outcome IS NOT NULL, s.sent_at DESC, s.id`,
  ).all(forumId) as SubmissionRow[];
  return rows.map(submissionOf);
}

export function findSubmission(db: SqliteDb, id: string): (InboxSubmission & { document: string; role: string }) | null {
  const row = statement(db, `${SELECT.replace('SELECT s.id,', 'SELECT s.id, s.document, d.role,')} WHERE s.id = ?`).get(id) as
    | (SubmissionRow & { document: string; role: string })
    | undefined;
  return row ? { ...submissionOf(row), document: row.document, role: row.role } : null;
}

export function insertSubmission(
  db: SqliteDb,
  row: {
    id: string;
    document: string;
    title: string;
    text: string;
    origin: string;
    sentAt: string;
    /** What it was sent from, on the sender's laptop: a lyttemøde input or an agenda item (never both). */
    listeningInputId: string | null;
    agendaItemId: string | null;
  },
): void {
  statement(
    db,
    `INSERT INTO inbox_submission (id, document, title, text, origin, sent_at, listening_input_id, agenda_item_id)
     VALUES (@id, @document, @title, @text, @origin, @sentAt, @listeningInputId, @agendaItemId)`,
  ).run(row);
}

export function saveAnswer(
  db: SqliteDb,
  answer: {
    submissionId: string;
    outcome: 'optaget' | 'afvist';
    meetingId: string | null;
    meetingStartsAt: string | null;
    itemId: string | null;
    itemTitle: string;
    reason: string;
    answeredBy: string;
    answeredAt: string;
  },
): void {
  statement(
    db,
    `INSERT INTO inbox_answer (submission_id, outcome, meeting_id, meeting_starts_at, item_id, item_title, reason, answered_by, answered_at)
     VALUES (@submissionId, @outcome, @meetingId, @meetingStartsAt, @itemId, @itemTitle, @reason, @answeredBy, @answeredAt)`,
  ).run(answer);
}

/** The sender's submission from a lyttemøde input, if it was sent to an inbox. */
export function submissionOfInput(db: SqliteDb, inputId: string): { id: string; forumName: string } | null {
  const row = statement(
    db,
    `SELECT s.id, d.forum_name FROM inbox_submission s JOIN inbox_document d ON d.document = s.document WHERE s.listening_input_id = ?`,
  ).get(inputId) as { id: string; forum_name: string } | undefined;
  return row ? { id: row.id, forumName: row.forum_name } : null;
}

/** The sender's proposal of an agenda item to another forum's inbox, if it was proposed. */
export function submissionOfItem(db: SqliteDb, itemId: string): { id: string; forumName: string } | null {
  const row = statement(
    db,
    `SELECT s.id, d.forum_name FROM inbox_submission s JOIN inbox_document d ON d.document = s.document
      WHERE s.agenda_item_id = ? AND d.role = 'afsender'`,
  ).get(itemId) as { id: string; forum_name: string } | undefined;
  return row ? { id: row.id, forumName: row.forum_name } : null;
}

/** What the forum an input was sent to did with it, for the feedback letter: its name and its answer. */
export function inboxAnswerOfInput(db: SqliteDb, inputId: string): { forumName: string; answer: InboxAnswer | null } | null {
  const row = statement(db, `${SELECT} WHERE s.listening_input_id = ?`).get(inputId) as SubmissionRow | undefined;
  return row ? { forumName: row.forum_name, answer: answerOf(row) } : null;
}

/** The forums shared from this archive, as inbox targets: the kind is the archive's own. */
export function sharedForumTargets(db: SqliteDb): InboxTarget[] {
  return statement(
    db,
    `SELECT s.server_url AS serverUrl, s.forum_id AS forumId, f.name, f.kind
       FROM shared_forum s JOIN forum f ON f.id = s.forum_id ORDER BY f.name, s.forum_id`,
  ).all() as InboxTarget[];
}
