import type { Migration } from './types';

/**
 * Access to a shared forum that the kommune's server has taken away from this laptop (a member leaving a
 * forum): the person was removed or the device revoked (`scope` 'forum'), or the person's right was lowered
 * to læser (`scope` 'fortroligt'). The refusal is written first, on its own; `purged_at` is set in the same
 * transaction that removes the forum's confidential content, so a laptop that stops between the two does the
 * removal at its next start. `told_at` is when the user was told, so the notice is given once.
 */
export const migration019: Migration = {
  version: 19,
  name: 'adgang_mistet',
  up(db) {
    db.exec(`
      CREATE TABLE forum_access_lost (
        forum_id    TEXT PRIMARY KEY,
        scope       TEXT NOT NULL CHECK (scope IN ('forum', 'fortroligt')),
        reason      TEXT NOT NULL,
        refused_at  TEXT NOT NULL,
        purged_at   TEXT,
        told_at     TEXT
      );
    `);
  },
};
