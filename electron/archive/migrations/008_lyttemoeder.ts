import type { Migration } from './types';

/**
 * Lyttemøder: a series of visits to schools where the visitors listen to a group of teachers.
 *
 * Anonymity is part of the schema: a meeting stores how many took part, never who; an input is the
 * words heard, with no person attached. An input is sorted after the meeting (løses lokalt, kommune og
 * lærerkreds, parkeret) and can be sent on as an agenda item; `sent_item_id` is the link both ways (the
 * item finds its input through it). Themes belong to the series, so the same theme is counted across
 * schools.
 */
export const migration008: Migration = {
  version: 8,
  name: 'lyttemoeder',
  up(db) {
    db.exec(`
      CREATE TABLE listening_series (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL CHECK (trim(title) <> ''),
        purpose     TEXT NOT NULL DEFAULT '',
        -- Who visits (e.g. the kredsformand and the skolechef); they sign the feedback letters.
        visitors    TEXT NOT NULL DEFAULT '',
        -- The demo's series, removed again with the demo forum.
        demo        INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        created_at  TEXT NOT NULL
      );

      CREATE TABLE listening_meeting (
        id                 TEXT PRIMARY KEY,
        series_id          TEXT NOT NULL REFERENCES listening_series (id) ON DELETE CASCADE,
        school             TEXT NOT NULL CHECK (trim(school) <> ''),
        date               TEXT NOT NULL,
        start_time         TEXT,
        teacher_group      TEXT NOT NULL CHECK (trim(teacher_group) <> ''),
        participant_count  INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
        held_at            TEXT,
        created_at         TEXT NOT NULL
      );
      CREATE INDEX listening_meeting_series ON listening_meeting (series_id, date);

      CREATE TABLE listening_theme (
        id         TEXT PRIMARY KEY,
        series_id  TEXT NOT NULL REFERENCES listening_series (id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (trim(name) <> ''),
        -- The name folded (lower case, trimmed), so «Arbejdstid» and «arbejdstid » are one theme.
        name_key   TEXT NOT NULL,
        UNIQUE (series_id, name_key)
      );

      CREATE TABLE listening_input (
        id                TEXT PRIMARY KEY,
        meeting_id        TEXT NOT NULL REFERENCES listening_meeting (id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        text              TEXT NOT NULL CHECK (trim(text) <> ''),
        is_quote          INTEGER NOT NULL DEFAULT 0 CHECK (is_quote IN (0, 1)),
        destination       TEXT CHECK (destination IN ('lokalt', 'kommune_kreds', 'parkeret')),
        destination_note  TEXT NOT NULL DEFAULT '',
        sent_item_id      TEXT REFERENCES agenda_item (id) ON DELETE SET NULL,
        created_at        TEXT NOT NULL,
        UNIQUE (meeting_id, position)
      );
      CREATE UNIQUE INDEX listening_input_sent ON listening_input (sent_item_id) WHERE sent_item_id IS NOT NULL;

      CREATE TABLE listening_input_theme (
        input_id  TEXT NOT NULL REFERENCES listening_input (id) ON DELETE CASCADE,
        theme_id  TEXT NOT NULL REFERENCES listening_theme (id) ON DELETE CASCADE,
        PRIMARY KEY (input_id, theme_id)
      );
      CREATE INDEX listening_input_theme_theme ON listening_input_theme (theme_id);
    `);
  },
};
