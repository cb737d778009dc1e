import type { Migration } from './types';

/**
 * Confidentiality follows the content, not the item it was written under.
 *
 * - `action.confidential`: an action (and every action split from it) of a confidential item is
 *   confidential, and stays so when the item is removed and the action is left without one. Triggers
 *   keep it so for every writer, the app's services and an import alike: a new action takes the flag of
 *   its item and of the action it was split from; marking an item confidential marks its actions.
 *   Un-marking an item opens the actions still on it too: the user has chosen to share what the item
 *   holds, and its actions are part of that. An action whose item is gone keeps its flag for good.
 * - `referat_version.closed_changes`: which of a version's change lines are about a confidential item
 *   (indexes into `changes`), so a line stays confidential after the item is renamed or removed.
 * - The search documents of actions read the action's own flag, so an action from a removed confidential
 *   item is not found with the confidential switch off.
 *
 * Backfill (and, for versions written without flags by an import, triggers): actions of items that are
 * confidential now, and their split-offs; actions whose item was
 * removed before this version cannot be told apart and stay open. A change line is confidential when it
 * names («…») an item that was confidential in the version it describes or the one before. A sag that
 * carries a confidential item's title (it was named after it) is named after its earliest open item, or
 * «Sag om lukkede punkter».
 */

/** Frozen copy of the action search document of migration 005, reading the action's own flag. */
function actionDocs(where: string): string {
  return `
  INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
  SELECT 'action', a.id, m.id, a.forum_id, NULL, NULL, m.starts_at, a.confidential, a.what, a.who
    FROM action a
    LEFT JOIN agenda_item i ON i.id = a.item_id
    LEFT JOIN meeting m ON m.id = COALESCE(a.meeting_id, i.meeting_id)
   WHERE ${where}
  ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
    colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
    confidential = excluded.confidential, title = excluded.title, body = excluded.body;`;
}

/** Frozen copies of migration 005's item and decision documents, for the rebuilt item trigger. */
const ITEM_DOC = `
  INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
  SELECT 'item', i.id, i.meeting_id, m.forum_id, i.announced_colour, i.type, m.starts_at, i.confidential, i.title,
         concat_ws(char(10), NULLIF(i.background, ''), NULLIF(i.notes, ''))
    FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
   WHERE i.id = new.id
  ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
    colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
    confidential = excluded.confidential, title = excluded.title, body = excluded.body;`;

const DECISION_DOC = `
  INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)
  SELECT 'decision', d.id, i.meeting_id, m.forum_id, d.colour, i.type, m.starts_at, i.confidential, i.title,
         concat_ws(char(10), d.text, 'Dissens: ' || NULLIF(d.dissent, ''), NULLIF(d.colour_reason, ''),
                   NULLIF(d.decided_by, ''), NULLIF(d.involve_context, ''), NULLIF(d.involve_need, ''),
                   NULLIF(d.involve_how, ''), NULLIF(d.explain_reasoning, ''), NULLIF(d.explain_compromises, ''),
                   NULLIF(d.explain_constraints, ''), NULLIF(d.expect_given, ''), NULLIF(d.expect_open, ''),
                   NULLIF(d.expect_of_whom, ''))
    FROM decision d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
   WHERE d.item_id = new.id
  ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
    colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
    confidential = excluded.confidential, title = excluded.title, body = excluded.body;`;

/** A stored snapshot's confidential items as rows (title), or none when the text is not JSON. */
function closedItemsOf(snapshot: string): string {
  return `SELECT json_extract(it.value, '$.title') AS title
            FROM json_each(CASE WHEN json_valid(${snapshot}) THEN ${snapshot} ELSE '{}' END, '$.items') it
           WHERE json_extract(it.value, '$.confidential') = 1`;
}

/**
 * The indexes of a version's change lines that name («…») an item confidential in its snapshot or in the
 * snapshot of the locked version before it. `v` is the version row.
 */
function closedChangesOf(v: string): string {
  const before = `(SELECT p.snapshot FROM referat_version p
                    WHERE p.meeting_id = ${v}.meeting_id AND p.version < ${v}.version AND p.snapshot IS NOT NULL
                    ORDER BY p.version DESC LIMIT 1)`;
  return `(SELECT json_group_array(c.key) FROM json_each(${v}.changes) c
            WHERE EXISTS (SELECT 1 FROM (${closedItemsOf(`${v}.snapshot`)} UNION ALL ${closedItemsOf(before)}) t
                           WHERE instr(c.value, '«' || t.title || '»') > 0))`;
}

export const migration009: Migration = {
  version: 9,
  name: 'fortrolighed',
  up(db) {
    db.exec(`
      ALTER TABLE action ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
      ALTER TABLE referat_version ADD COLUMN closed_changes TEXT NOT NULL DEFAULT '[]';

      UPDATE action SET confidential = 1
       WHERE item_id IN (SELECT id FROM agenda_item WHERE confidential = 1);
    `);
    // Split-offs of confidential actions, however deep the splitting went.
    db.exec(`
      WITH RECURSIVE closed (id) AS (
        SELECT id FROM action WHERE confidential = 1
        UNION SELECT a.id FROM action a JOIN closed c ON a.parent_action_id = c.id
      )
      UPDATE action SET confidential = 1 WHERE id IN (SELECT id FROM closed);
    `);
    db.exec(`UPDATE referat_version AS v SET closed_changes = ${closedChangesOf('v')};`);
    // A sag named after a confidential item is named after its earliest open item, or neutrally.
    db.exec(`
      UPDATE sag SET title = COALESCE(
        (SELECT i.title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
          WHERE i.sag_id = sag.id AND i.confidential = 0 ORDER BY m.starts_at, m.rowid, i.position LIMIT 1),
        'Sag om lukkede punkter')
       WHERE EXISTS (SELECT 1 FROM agenda_item c WHERE c.sag_id = sag.id AND c.confidential = 1 AND c.title = sag.title);
    `);

    db.exec(`
      CREATE TRIGGER action_confidential_ai AFTER INSERT ON action
        WHEN new.confidential = 0
         AND (EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = new.item_id AND i.confidential = 1)
              OR EXISTS (SELECT 1 FROM action p WHERE p.id = new.parent_action_id AND p.confidential = 1)) BEGIN
        UPDATE action SET confidential = 1 WHERE id = new.id;
      END;
      -- A version written without flags (an import) gets them the way the backfill does; the app's own
      -- flags are exact and kept.
      CREATE TRIGGER referat_closed_changes_aiu AFTER INSERT ON referat_version
        WHEN new.closed_changes = '[]' AND new.changes <> '[]' BEGIN
        UPDATE referat_version AS v SET closed_changes = ${closedChangesOf('v')} WHERE v.id = new.id;
      END;
      CREATE TRIGGER referat_closed_changes_au AFTER UPDATE OF changes, snapshot ON referat_version
        WHEN new.closed_changes = '[]' AND new.changes <> '[]' BEGIN
        UPDATE referat_version AS v SET closed_changes = ${closedChangesOf('v')} WHERE v.id = new.id;
      END;
      CREATE TRIGGER item_confidential_au AFTER UPDATE OF confidential ON agenda_item
        WHEN old.confidential IS NOT new.confidential BEGIN
        UPDATE action SET confidential = new.confidential WHERE item_id = new.id;
      END;

      DROP TRIGGER search_action_ai;
      DROP TRIGGER search_action_au;
      DROP TRIGGER search_item_au;
      CREATE TRIGGER search_action_ai AFTER INSERT ON action BEGIN
        ${actionDocs('a.id = new.id')}
      END;
      CREATE TRIGGER search_action_au AFTER UPDATE ON action
        WHEN old.what IS NOT new.what OR old.who IS NOT new.who OR old.item_id IS NOT new.item_id
          OR old.meeting_id IS NOT new.meeting_id OR old.forum_id IS NOT new.forum_id
          OR old.confidential IS NOT new.confidential BEGIN
        ${actionDocs('a.id = new.id')}
      END;
      CREATE TRIGGER search_item_au AFTER UPDATE ON agenda_item
        WHEN old.title IS NOT new.title OR old.background IS NOT new.background OR old.notes IS NOT new.notes
          OR old.confidential IS NOT new.confidential OR old.type IS NOT new.type
          OR old.announced_colour IS NOT new.announced_colour OR old.meeting_id IS NOT new.meeting_id BEGIN
        ${ITEM_DOC}
        ${DECISION_DOC}
        ${actionDocs('a.item_id = new.id')}
      END;
    `);
    db.exec(actionDocs('true'));
  },
};
