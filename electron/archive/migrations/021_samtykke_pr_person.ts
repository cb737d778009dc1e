import type { Migration } from './types';

/**
 * Consent per person. A late item asks each of the forum's other agenda owners for consent, and a sensitive
 * item's forvarsel is confirmed by the other side, each on their own laptop: one row per person and kind
 * (`sent` for a late item, `forvarsel` for a forvarsel), so two people consenting at once never overwrite each
 * other. `agenda_item.added_by` is the person who put the item on (known in a shared forum): they do not
 * consent to their own item.
 *
 * The single `consent_by`/`consent_at` of the single-laptop flow is moved over where `consent_by` is exactly the
 * name of one of the forum's agenda owners on the meeting day (the person then is known). The columns stay: a
 * forum that is not shared still records a consent given by phone under a typed name there, and exchange files
 * from before this version carry them.
 */
export const migration021: Migration = {
  version: 21,
  name: 'samtykke_pr_person',
  up(db) {
    db.exec(`
      CREATE TABLE item_consent (
        item_id    TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('sent', 'forvarsel')),
        person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        given_at   TEXT NOT NULL,
        PRIMARY KEY (item_id, kind, person_id)
      );
      CREATE INDEX item_consent_person ON item_consent (person_id);

      ALTER TABLE agenda_item ADD COLUMN added_by TEXT REFERENCES person (id) ON DELETE SET NULL;

      INSERT OR IGNORE INTO item_consent (item_id, kind, person_id, given_at)
      SELECT i.id, 'sent', fm.person_id, i.consent_at
        FROM agenda_item i
        JOIN meeting m ON m.id = i.meeting_id
        JOIN forum_member fm ON fm.forum_id = m.forum_id AND fm.agenda_owner = 1
                            AND fm.from_date <= substr(m.starts_at, 1, 10)
                            AND (fm.to_date IS NULL OR fm.to_date >= substr(m.starts_at, 1, 10))
        JOIN person p ON p.id = fm.person_id AND p.name = trim(i.consent_by)
       WHERE i.added_late = 1 AND i.consent_at IS NOT NULL;
    `);
  },
};
