import type { Migration } from './types';

/**
 * Inboxes: input sent to a forum on the kommune's server from outside it (a lyttemøde's input to a school's
 * TRIO, an item a TRIO proposes to the praksisforum), and the forum's answer. The same tables on both sides.
 *
 * `inbox_document`: an inbox document this laptop keeps in step: its own (`role` 'afsender': the person sends
 * to that forum) or a sender's to a forum this laptop's person is a member of ('modtager'). The target forum
 * need not be in this archive (a kredsformand's laptop holds no school's TRIO), so there is no foreign key.
 *
 * `inbox_submission`: one submission, as its document holds it; `listening_input_id` and `agenda_item_id`
 * link it, on the sender's laptop, to what was sent. No confidential content is ever sent: an input is
 * shared text by nature, and a closed item cannot be proposed.
 *
 * `inbox_answer`: the forum's answer: accepted onto a meeting as an item, or declined with a reason; who
 * answered and when. On the forum's laptops `item_id` is the agenda item the answer made.
 */
export const migration023: Migration = {
  version: 23,
  name: 'indbakke',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_document (
        document    TEXT PRIMARY KEY,
        forum_id    TEXT NOT NULL,
        forum_name  TEXT NOT NULL DEFAULT '',
        sender_id   TEXT NOT NULL,
        sender_name TEXT NOT NULL DEFAULT '',
        server_url  TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('afsender', 'modtager'))
      );
      CREATE INDEX inbox_document_forum ON inbox_document (forum_id);

      CREATE TABLE inbox_submission (
        id                  TEXT PRIMARY KEY,
        document            TEXT NOT NULL REFERENCES inbox_document (document) ON DELETE CASCADE,
        title               TEXT NOT NULL,
        text                TEXT NOT NULL DEFAULT '',
        origin              TEXT NOT NULL DEFAULT '',
        sent_at             TEXT NOT NULL,
        listening_input_id  TEXT REFERENCES listening_input (id) ON DELETE SET NULL,
        agenda_item_id      TEXT REFERENCES agenda_item (id) ON DELETE SET NULL
      );
      CREATE INDEX inbox_submission_document ON inbox_submission (document);
      CREATE INDEX inbox_submission_input ON inbox_submission (listening_input_id) WHERE listening_input_id IS NOT NULL;

      CREATE TABLE inbox_answer (
        submission_id      TEXT PRIMARY KEY REFERENCES inbox_submission (id) ON DELETE CASCADE,
        outcome            TEXT NOT NULL CHECK (outcome IN ('optaget', 'afvist')),
        meeting_id         TEXT,
        meeting_starts_at  TEXT,
        item_id            TEXT,
        item_title         TEXT NOT NULL DEFAULT '',
        reason             TEXT NOT NULL DEFAULT '',
        answered_by        TEXT NOT NULL DEFAULT '',
        answered_at        TEXT NOT NULL
      );
    `);
  },
};
