import type { Migration } from './types';

/** Forums with their colour model, meetings, agenda items, decisions and actions. */
export const migration001: Migration = {
  version: 1,
  name: 'grundlag',
  up(db) {
    db.exec(`
      CREATE TABLE forum (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        name        TEXT NOT NULL,
        school      TEXT NOT NULL,
        purpose     TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );
      CREATE UNIQUE INDEX forum_name_unique ON forum (name COLLATE NOCASE, school COLLATE NOCASE);

      CREATE TABLE forum_colour (
        forum_id   TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        colour     TEXT NOT NULL CHECK (colour IN ('roed', 'gul', 'groen', 'blaa')),
        label      TEXT NOT NULL,
        code       TEXT NOT NULL,
        shape      TEXT NOT NULL,
        meaning    TEXT NOT NULL,
        hex        TEXT NOT NULL,
        text_hex   TEXT NOT NULL,
        PRIMARY KEY (forum_id, colour)
      );

      CREATE TABLE meeting (
        id                TEXT PRIMARY KEY,
        forum_id          TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        title             TEXT NOT NULL,
        starts_at         TEXT NOT NULL,
        duration_minutes  INTEGER NOT NULL CHECK (duration_minutes > 0),
        place             TEXT NOT NULL DEFAULT '',
        status            TEXT NOT NULL DEFAULT 'planlagt' CHECK (status IN ('planlagt', 'afholdt')),
        created_at        TEXT NOT NULL
      );
      CREATE INDEX meeting_forum_starts ON meeting (forum_id, starts_at);
      CREATE INDEX meeting_starts ON meeting (starts_at);

      CREATE TABLE agenda_item (
        id                TEXT PRIMARY KEY,
        meeting_id        TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        title             TEXT NOT NULL,
        type              TEXT NOT NULL,
        minutes           INTEGER NOT NULL CHECK (minutes > 0),
        announced_colour  TEXT CHECK (announced_colour IN ('roed', 'gul', 'groen', 'blaa')),
        owner             TEXT NOT NULL DEFAULT '',
        background        TEXT NOT NULL DEFAULT '',
        UNIQUE (meeting_id, position)
      );

      CREATE TABLE decision (
        id             TEXT PRIMARY KEY,
        item_id        TEXT NOT NULL UNIQUE REFERENCES agenda_item (id) ON DELETE CASCADE,
        colour         TEXT NOT NULL CHECK (colour IN ('roed', 'gul', 'groen', 'blaa')),
        colour_reason  TEXT NOT NULL DEFAULT '',
        text           TEXT NOT NULL,
        recorded_at    TEXT NOT NULL
      );

      CREATE TABLE action (
        id          TEXT PRIMARY KEY,
        forum_id    TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        item_id     TEXT REFERENCES agenda_item (id) ON DELETE SET NULL,
        what        TEXT NOT NULL,
        who         TEXT NOT NULL,
        due         TEXT,
        status      TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'udfoert')),
        created_at  TEXT NOT NULL
      );
      CREATE INDEX action_forum_status ON action (forum_id, status);
      CREATE INDEX action_item ON action (item_id);
    `);
  },
};
