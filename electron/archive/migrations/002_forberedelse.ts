import type { Migration } from './types';

/**
 * Preparing meetings: forum details and versioned spilleregler, people holding roles for a period,
 * meeting participants, the agenda's forvarsel / confidential / late-item consent, user item types
 * the årshjul's recurring themes, and dissent on decisions.
 */
export const migration002: Migration = {
  version: 2,
  name: 'forberedelse',
  up(db) {
    db.exec(`
      ALTER TABLE forum ADD COLUMN mandate TEXT NOT NULL DEFAULT '';
      ALTER TABLE forum ADD COLUMN understanding TEXT NOT NULL DEFAULT '';
      ALTER TABLE forum ADD COLUMN cadence TEXT NOT NULL DEFAULT 'maanedlig';
      ALTER TABLE forum ADD COLUMN default_minutes INTEGER NOT NULL DEFAULT 90;
      ALTER TABLE forum ADD COLUMN default_place TEXT NOT NULL DEFAULT '';
      ALTER TABLE forum ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

      CREATE TABLE ground_rules (
        forum_id    TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL CHECK (version > 0),
        text        TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        changed_at  TEXT NOT NULL,
        PRIMARY KEY (forum_id, version)
      );

      CREATE TABLE person (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE forum_member (
        id            TEXT PRIMARY KEY,
        forum_id      TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        person_id     TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role          TEXT NOT NULL,
        from_date     TEXT NOT NULL,
        to_date       TEXT,
        agenda_owner  INTEGER NOT NULL DEFAULT 0 CHECK (agenda_owner IN (0, 1)),
        chair         INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1)),
        CHECK (to_date IS NULL OR to_date >= from_date)
      );
      CREATE INDEX forum_member_forum ON forum_member (forum_id, to_date);

      CREATE TABLE meeting_participant (
        meeting_id   TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        person_id    TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role         TEXT NOT NULL,
        attendance   TEXT NOT NULL DEFAULT 'deltager' CHECK (attendance IN ('deltager', 'afbud')),
        facilitator  INTEGER NOT NULL DEFAULT 0 CHECK (facilitator IN (0, 1)),
        referent     INTEGER NOT NULL DEFAULT 0 CHECK (referent IN (0, 1)),
        position     INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, person_id)
      );

      ALTER TABLE meeting ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
      ALTER TABLE meeting ADD COLUMN agenda_sent_at TEXT;

      ALTER TABLE agenda_item ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
      ALTER TABLE agenda_item ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));
      ALTER TABLE agenda_item ADD COLUMN forvarsel_at TEXT;
      ALTER TABLE agenda_item ADD COLUMN forvarsel_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN added_late INTEGER NOT NULL DEFAULT 0 CHECK (added_late IN (0, 1));
      ALTER TABLE agenda_item ADD COLUMN consent_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN consent_at TEXT;

      ALTER TABLE decision ADD COLUMN dissent TEXT NOT NULL DEFAULT '';

      CREATE TABLE item_type (
        key         TEXT PRIMARY KEY,
        label       TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE UNIQUE INDEX item_type_label ON item_type (label COLLATE NOCASE);

      CREATE TABLE forum_theme (
        id        TEXT PRIMARY KEY,
        forum_id  TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        title     TEXT NOT NULL
      );
      CREATE INDEX forum_theme_forum ON forum_theme (forum_id, month);
    `);
    // Forums made before spilleregler were versioned start at version 1 with an empty text.
    db.exec(`INSERT INTO ground_rules (forum_id, version, text, changed_at) SELECT id, 1, '', created_at FROM forum`);
  },
};
