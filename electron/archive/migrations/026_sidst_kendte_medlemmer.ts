import type { Migration } from './types';

/**
 * The members of each shared forum as its server last listed them (name, right, administrator, and which
 * of them is this laptop's user), and when: a laptop that starts without the server still shows who is in
 * the forum, marked as last known. The server's ids, not rows of `person`. A forum this laptop stops sharing
 * (removed, or its device revoked) takes its list with it. The computers an administrator sees are not kept:
 * they are only shown, and changed, while the server answers.
 */
export const migration026: Migration = {
  version: 26,
  name: 'sidst_kendte_medlemmer',
  up(db) {
    db.exec(`
      ALTER TABLE shared_forum ADD COLUMN members_fetched_at TEXT;

      CREATE TABLE shared_forum_member (
        forum_id      TEXT NOT NULL REFERENCES shared_forum (forum_id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        person_id     TEXT NOT NULL,
        name          TEXT NOT NULL,
        person_right  TEXT NOT NULL CHECK (person_right IN ('medlem', 'læser')),
        forum_admin   INTEGER NOT NULL CHECK (forum_admin IN (0, 1)),
        you           INTEGER NOT NULL CHECK (you IN (0, 1)),
        PRIMARY KEY (forum_id, person_id)
      );
    `);
  },
};
