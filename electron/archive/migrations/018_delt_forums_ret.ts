import type { Migration } from './types';

/**
 * This laptop's right in each shared forum, as the server last told it: `person_right` 'medlem' or 'læser'
 * (a læser's own writes to the forum are refused on the laptop, so nothing typed is lost on the server's
 * refusal), and `forum_admin` whether the person may invite others. Kept here so an offline start still
 * knows both; every answer from the server brings them up to date.
 */
export const migration018: Migration = {
  version: 18,
  name: 'delt_forums_ret',
  up(db) {
    db.exec(`
      ALTER TABLE shared_forum ADD COLUMN person_right TEXT NOT NULL DEFAULT 'medlem' CHECK (person_right IN ('medlem', 'læser'));
      ALTER TABLE shared_forum ADD COLUMN forum_admin INTEGER NOT NULL DEFAULT 0 CHECK (forum_admin IN (0, 1));
    `);
  },
};
