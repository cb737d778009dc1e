import type { Migration } from './types';

/**
 * A lyttemøde series can be its own forum (kind `lyttemoede`), so the skolechef and the kredsformand share it
 * through the kommune's server like any forum: the series, its meetings, themes and inputs travel in the
 * forum's index document.
 *
 * `listening_series.forum_id`: the forum the series belongs to. Existing series keep none: a series becomes a
 * forum when its visitors choose to share it («Del serien»), so an archive that never shares one gets no new
 * forums in its lists. A forum that is removed leaves its series behind as a local series (SET NULL), so no
 * input is lost with it.
 *
 * `listening_input.inbox_forum_name`, `inbox_sent_at`: the forum whose inbox the input was sent to, and when.
 * The sender's own inbox document says it only on the sender's laptop; here it travels with the series, so
 * the other visitor sees the input as sent and does not send it twice.
 */
export const migration025: Migration = {
  version: 25,
  name: 'lyttemoeder_i_forum',
  up(db) {
    db.exec(`
      ALTER TABLE listening_series ADD COLUMN forum_id TEXT REFERENCES forum (id) ON DELETE SET NULL;
      CREATE INDEX listening_series_forum ON listening_series (forum_id) WHERE forum_id IS NOT NULL;
      ALTER TABLE listening_input ADD COLUMN inbox_forum_name TEXT;
      ALTER TABLE listening_input ADD COLUMN inbox_sent_at TEXT;
    `);
  },
};
