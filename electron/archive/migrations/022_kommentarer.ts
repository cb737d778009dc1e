import type { Migration } from './types';

/**
 * Reading before the meeting.
 *
 * `item_comment`: a comment or a question a member writes on an agenda item before the meeting, which the
 * facilitator sees in run mode. `author_id` is the forum person who wrote it (null: written on this laptop in a
 * forum that is not shared, where there is nobody else). A question can be marked answered (`answered_at`),
 * so the facilitator sees which are still open. Comments are the room's preparation, not the meeting's
 * record: they are not in the archive's search, so the search index and its trigger suspension during an
 * import are unchanged.
 *
 * `agenda_seen`: when this laptop's user last looked at a meeting's agenda («Markér som set»). It belongs to
 * this laptop alone and is never shared.
 */
export const migration022: Migration = {
  version: 22,
  name: 'kommentarer',
  up(db) {
    db.exec(`
      CREATE TABLE item_comment (
        id           TEXT PRIMARY KEY,
        item_id      TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
        author_id    TEXT REFERENCES person (id) ON DELETE SET NULL,
        kind         TEXT NOT NULL DEFAULT 'kommentar' CHECK (kind IN ('kommentar', 'spoergsmaal')),
        text         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        changed_at   TEXT NOT NULL,
        answered_at  TEXT
      );
      CREATE INDEX item_comment_item ON item_comment (item_id, created_at);

      CREATE TABLE agenda_seen (
        meeting_id  TEXT PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
        seen_at     TEXT NOT NULL
      );
    `);
  },
};
