import type { Migration } from './types';

/**
 * The Oversigt, the first screen at every start, lists the coming meetings and those whose referat awaits
 * approval, with how many of them there are. Without this index each of those read the whole meeting table
 * (its purposes and titles, megabytes after some years) to learn each meeting's status and start; with it
 * the count reads the index alone, and the lists walk it in their order and stop at their last row.
 */
export const migration024: Migration = {
  version: 24,
  name: 'moeder_efter_status',
  up(db) {
    db.exec('CREATE INDEX meeting_status_starts ON meeting (status, starts_at, id);');
  },
};
