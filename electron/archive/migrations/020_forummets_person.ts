import type { Migration } from './types';

/**
 * Which forum person (a row of `person`) this laptop's user is in each shared forum, as the server last told
 * it: the person the user's approvals and consents are keyed by, which the server lets them write and no
 * other. NULL while the server does not know it (a member invited without naming a forum person, or a læser
 * from outside the forum). Kept like `person_right` (migration 018), so an offline start knows it too; no
 * reference to `person`, since a laptop that joins learns the id before the forum's rows arrive.
 */
export const migration020: Migration = {
  version: 20,
  name: 'forummets_person',
  up(db) {
    db.exec(`
      ALTER TABLE shared_forum ADD COLUMN me_person_id TEXT;
    `);
  },
};
