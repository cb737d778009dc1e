import type { Migration } from './types';

/**
 * The referat: numbered versions of a held meeting's minutes. A version is a draft until the
 * co-owners approve it; an approved version is locked with a snapshot of what it said, and a later
 * change starts a new version that says what changed and why.
 */
export const migration004: Migration = {
  version: 4,
  name: 'referat',
  up(db) {
    db.exec(`
      CREATE TABLE referat_version (
        id            TEXT PRIMARY KEY,
        meeting_id    TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        version       INTEGER NOT NULL CHECK (version > 0),
        status        TEXT NOT NULL DEFAULT 'udkast' CHECK (status IN ('udkast', 'godkendt')),
        change_note   TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        approved_at   TEXT,
        snapshot      TEXT,
        changes       TEXT NOT NULL DEFAULT '[]',
        UNIQUE (meeting_id, version)
      );

      CREATE TABLE referat_approval (
        version_id   TEXT NOT NULL REFERENCES referat_version (id) ON DELETE CASCADE,
        person_id    TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role         TEXT NOT NULL,
        approved_at  TEXT NOT NULL,
        PRIMARY KEY (version_id, person_id)
      );
    `);
  },
};
