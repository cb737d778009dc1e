import type { Migration } from './types';

/**
 * The search triggers on action exactly as migration 005 created them, written out here so this migration
 * stays as it shipped whatever later happens to 005's helpers.
 */
const ACTION_DOC_TRIGGERS = `
      CREATE TRIGGER search_action_ai AFTER INSERT ON action BEGIN
        INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
        SELECT 'action', a.id, m.id, a.forum_id, NULL, NULL, m.starts_at, COALESCE(i.confidential, 0), a.what, a.who
          FROM action a
          LEFT JOIN agenda_item i ON i.id = a.item_id
          LEFT JOIN meeting m ON m.id = COALESCE(a.meeting_id, i.meeting_id)
        WHERE a.id = new.id
        ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
          colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
          confidential = excluded.confidential, title = excluded.title, body = excluded.body;
      END;
      -- Marking an action done changes nothing that is searched.
      CREATE TRIGGER search_action_au AFTER UPDATE ON action
        WHEN old.what IS NOT new.what OR old.who IS NOT new.who OR old.item_id IS NOT new.item_id
          OR old.meeting_id IS NOT new.meeting_id OR old.forum_id IS NOT new.forum_id BEGIN
        INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
        SELECT 'action', a.id, m.id, a.forum_id, NULL, NULL, m.starts_at, COALESCE(i.confidential, 0), a.what, a.who
          FROM action a
          LEFT JOIN agenda_item i ON i.id = a.item_id
          LEFT JOIN meeting m ON m.id = COALESCE(a.meeting_id, i.meeting_id)
        WHERE a.id = new.id
        ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
          colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
          confidential = excluded.confidential, title = excluded.title, body = excluded.body;
      END;
      CREATE TRIGGER search_action_ad AFTER DELETE ON action BEGIN
        DELETE FROM search_doc WHERE kind = 'action' AND ref_id = old.id;
      END;
`;

/**
 * Actions between meetings: more statuses (i gang, forsinket, droppet with a reason), splitting an action
 * into smaller ones (parent_action_id), and dated status notes (action_note).
 *
 * SQLite cannot change a CHECK constraint in place, so the action table is rebuilt: a new table, the rows
 * copied, the old table dropped and the new one renamed. Dropping the old table drops its indexes and
 * the search triggers from migration 005, so both are created again exactly as before (the triggers' SQL
 * is copied above). The rename runs with legacy_alter_table on, so SQLite does not re-check the other
 * tables' triggers that name `action` (they refer to the table by name and work again once the new table
 * has it).
 */
export const migration006: Migration = {
  version: 6,
  name: 'handlinger',
  up(db) {
    db.exec(`
      CREATE TABLE action_new (
        id                TEXT PRIMARY KEY,
        forum_id          TEXT NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
        item_id           TEXT REFERENCES agenda_item (id) ON DELETE SET NULL,
        what              TEXT NOT NULL,
        who               TEXT NOT NULL,
        due               TEXT,
        status            TEXT NOT NULL DEFAULT 'aaben'
                          CHECK (status IN ('aaben', 'igang', 'udfoert', 'forsinket', 'droppet')),
        created_at        TEXT NOT NULL,
        term              TEXT NOT NULL DEFAULT 'kort' CHECK (term IN ('kort', 'lang')),
        meeting_id        TEXT REFERENCES meeting (id) ON DELETE SET NULL,
        drop_reason       TEXT,
        parent_action_id  TEXT REFERENCES action (id) ON DELETE SET NULL,
        CHECK (status <> 'droppet' OR (drop_reason IS NOT NULL AND trim(drop_reason) <> ''))
      );
      INSERT INTO action_new (id, forum_id, item_id, what, who, due, status, created_at, term, meeting_id)
        SELECT id, forum_id, item_id, what, who, due, status, created_at, term, meeting_id FROM action;
      -- Before the old table is dropped: with foreign keys on, dropping it looks for rows that point at
      -- each of its rows through parent_action_id, which without this index is a scan per row.
      CREATE INDEX action_parent ON action_new (parent_action_id);
      DROP TRIGGER IF EXISTS search_action_ai;
      DROP TRIGGER IF EXISTS search_action_au;
      DROP TRIGGER IF EXISTS search_action_ad;
      DROP TABLE action;
    `);
    const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
    db.pragma('legacy_alter_table = ON');
    try {
      db.exec('ALTER TABLE action_new RENAME TO action;');
    } finally {
      db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
    }
    db.exec(`
      CREATE INDEX action_forum_status ON action (forum_id, status);
      CREATE INDEX action_item ON action (item_id);
      -- The actions overview pages through actions by deadline.
      CREATE INDEX action_due ON action (due);
      CREATE INDEX action_meeting ON action (meeting_id);

      CREATE TABLE action_note (
        id           TEXT PRIMARY KEY,
        action_id    TEXT NOT NULL REFERENCES action (id) ON DELETE CASCADE,
        note         TEXT NOT NULL,
        status_from  TEXT NOT NULL CHECK (status_from IN ('aaben', 'igang', 'udfoert', 'forsinket', 'droppet')),
        status_to    TEXT NOT NULL CHECK (status_to IN ('aaben', 'igang', 'udfoert', 'forsinket', 'droppet')),
        created_at   TEXT NOT NULL
      );
      CREATE INDEX action_note_action ON action_note (action_id, created_at);

      ${ACTION_DOC_TRIGGERS}
    `);
  },
};
