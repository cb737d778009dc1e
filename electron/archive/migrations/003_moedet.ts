import type { Migration } from './types';

/**
 * Running the meeting: where the facilitator is, each item's timer, notes, process and round,
 * the decision's Fair Proces reasoning and read-back, action terms, and the check-out tallies.
 */
export const migration003: Migration = {
  version: 3,
  name: 'moedet',
  up(db) {
    db.exec(`
      ALTER TABLE meeting ADD COLUMN run_phase TEXT NOT NULL DEFAULT 'ikke_startet'
        CHECK (run_phase IN ('ikke_startet', 'saet_scenen', 'punkt', 'checkout', 'afsluttet'));
      ALTER TABLE meeting ADD COLUMN current_item_id TEXT REFERENCES agenda_item (id) ON DELETE SET NULL;
      ALTER TABLE meeting ADD COLUMN presenter_confidential INTEGER NOT NULL DEFAULT 0 CHECK (presenter_confidential IN (0, 1));
      ALTER TABLE meeting ADD COLUMN readback_item_id TEXT REFERENCES agenda_item (id) ON DELETE SET NULL;

      ALTER TABLE forum ADD COLUMN cycle_json TEXT NOT NULL DEFAULT '';
      ALTER TABLE forum ADD COLUMN require_action_due INTEGER NOT NULL DEFAULT 0 CHECK (require_action_due IN (0, 1));

      ALTER TABLE agenda_item ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE agenda_item ADD COLUMN process TEXT CHECK (process IN ('runde', 'par', 'stille', 'aaben', 'cyklus'));
      ALTER TABLE agenda_item ADD COLUMN round_done TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE agenda_item ADD COLUMN cycle_phase INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE agenda_item ADD COLUMN timer_elapsed INTEGER NOT NULL DEFAULT 0 CHECK (timer_elapsed >= 0);
      ALTER TABLE agenda_item ADD COLUMN timer_started_at TEXT;
      ALTER TABLE agenda_item ADD COLUMN run_state TEXT NOT NULL DEFAULT 'kommende'
        CHECK (run_state IN ('kommende', 'igang', 'faerdig', 'parkeret', 'handling'));
      ALTER TABLE agenda_item ADD COLUMN carried_from_item_id TEXT REFERENCES agenda_item (id) ON DELETE SET NULL;

      ALTER TABLE decision ADD COLUMN outcome TEXT NOT NULL DEFAULT 'beslutning'
        CHECK (outcome IN ('beslutning', 'afklaring_uden_enighed'));
      ALTER TABLE decision ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN involve_context TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN involve_need TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN involve_how TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN explain_reasoning TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN explain_compromises TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN explain_constraints TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN expect_given TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN expect_open TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN expect_of_whom TEXT NOT NULL DEFAULT '';
      ALTER TABLE decision ADD COLUMN final_at TEXT;

      ALTER TABLE action ADD COLUMN term TEXT NOT NULL DEFAULT 'kort' CHECK (term IN ('kort', 'lang'));
      ALTER TABLE action ADD COLUMN meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL;

      CREATE TABLE checkout_tally (
        meeting_id      TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        question_index  INTEGER NOT NULL CHECK (question_index >= 0),
        question        TEXT NOT NULL,
        answer          TEXT NOT NULL CHECK (answer IN ('meget_hoej', 'hoej', 'nogen', 'mindre', 'slet_ikke', 'ved_ikke')),
        count           INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (meeting_id, question_index, answer)
      );
    `);
    // Decisions recorded before read-back existed count as final; actions keep the meeting of their item.
    db.exec(`
      UPDATE decision SET final_at = recorded_at;
      UPDATE action SET meeting_id = (SELECT i.meeting_id FROM agenda_item i WHERE i.id = action.item_id);
    `);
  },
};
