import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

/**
 * Two things the run mode must not lose.
 *
 * `decision_draft`: what the facilitator has typed for an item's decision and not yet recorded (read
 * back or «Gem udkast»). It is kept like the notes, while typing, so a typed decision survives moving to
 * another item or a closed window. The fields are stored as typed, as JSON, because a draft may still
 * lack what a decision needs (a colour, the text). Recording the decision removes its draft.
 *
 * `decision_dissent`: dissent as records of their own (who, with the role they sat in, the verbatim
 * text, whether it is a mindretalsudtalelse), several per decision. The old free text becomes one
 * record per decision, word for word, with no one named (the text itself says who, as it was written).
 * `decision.dissent` stays as the records' words in one text, which search indexes (migration 005).
 */
export const migration015: Migration = {
  version: 15,
  name: 'udkast_og_dissens',
  up(db) {
    db.exec(`
      CREATE TABLE decision_draft (
        item_id   TEXT PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
        fields    TEXT NOT NULL CHECK (json_valid(fields)),
        saved_at  TEXT NOT NULL
      );

      CREATE TABLE decision_dissent (
        id                  TEXT PRIMARY KEY,
        decision_id         TEXT NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
        position            INTEGER NOT NULL,
        person_id           TEXT REFERENCES person (id) ON DELETE SET NULL,
        name                TEXT NOT NULL DEFAULT '',
        role                TEXT NOT NULL DEFAULT '',
        text                TEXT NOT NULL,
        minority_statement  INTEGER NOT NULL DEFAULT 0 CHECK (minority_statement IN (0, 1)),
        UNIQUE (decision_id, position)
      );
    `);
    const old = db.prepare("SELECT id, dissent FROM decision WHERE trim(dissent) <> ''").all() as { id: string; dissent: string }[];
    const insert = db.prepare('INSERT INTO decision_dissent (id, decision_id, position, text) VALUES (?, ?, 0, ?)');
    for (const row of old) insert.run(randomUUID(), row.id, row.dissent);
  },
};
