import type { Migration } from './types';

/**
 * A forum this laptop held before it joined the shared one (a copy from an exchange file, a member who rejoins):
 * from the joining until the server's documents have arrived, its rows are that copy, kept as they are, and
 * then merged into the documents as an import into a shared forum is (electron/sync/joiningCopy.ts). The mark
 * is in the archive, so a laptop that stops in between merges at its next start.
 */
export const migration027: Migration = {
  version: 27,
  name: 'lokal_kopi_venter',
  up(db) {
    db.exec('ALTER TABLE shared_forum ADD COLUMN copy_waiting_since TEXT;');
  },
};
