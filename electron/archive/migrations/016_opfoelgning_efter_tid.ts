import type { Migration } from './types';

/**
 * Finding, by time, the actions that were closed or marked udført in a stretch of days: «Opfølgning fra
 * sidst» keeps what was closed after the meeting began, and «Udført siden sidst» shows what was done between
 * the forum's previous meeting and this one. An action is closed at its newest note that set the status it
 * has; without this index that was found by reading every action the forum ever had, on every read of the
 * meeting (each autosave of its notes reads it again). With it, the notes of the stretch are read directly.
 */
export const migration016: Migration = {
  version: 16,
  name: 'opfoelgning_efter_tid',
  up(db) {
    db.exec('CREATE INDEX action_note_status_time ON action_note (status_to, created_at, action_id);');
  },
};
