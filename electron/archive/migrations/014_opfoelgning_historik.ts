import type { Migration } from './types';

/**
 * Following up in the meeting: a dated action note can say in which meeting it was written (so the
 * meeting's «Opfølgning fra sidst» keeps what it acted on, and the next meeting knows what was done
 * since), and whether the problem behind the action is løst or ikke løst. An «ikke løst» keeps the action
 * open, so it comes back at the forum's next meeting with its notes as its history.
 *
 * Both are new nullable columns: the notes written before say nothing about either.
 */
export const migration014: Migration = {
  version: 14,
  name: 'opfoelgning_historik',
  up(db) {
    db.exec(`
      ALTER TABLE action_note ADD COLUMN meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL;
      ALTER TABLE action_note ADD COLUMN resolution TEXT CHECK (resolution IN ('loest', 'ikke_loest'));
      CREATE INDEX action_note_meeting ON action_note (meeting_id) WHERE meeting_id IS NOT NULL;
    `);
  },
};
