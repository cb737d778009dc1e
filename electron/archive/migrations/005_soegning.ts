import type { Migration } from './types';

/**
 * Search over meetings, agenda items (title, background, notes), decisions (text, dissent, Fair Proces)
 * and actions, with SQLite FTS5.
 *
 * Why an external-content table over a document table of our own (`search_doc`), kept in sync by
 * triggers, and not the alternatives:
 * - A search document joins several source rows (a decision's title is its item's title, its period is
 *   the meeting's date, its confidentiality is the item's flag), so no single source table can be the
 *   content table, and a UNION view cannot either: FTS5 reads a hit's text for snippet() with
 *   `WHERE doc = ?`, which on a view with a computed document id is a scan of the whole archive.
 * - Contentless FTS5 keeps no text, so snippet() and highlight() cannot work.
 * - The source tables have TEXT ids and no INTEGER PRIMARY KEY, so their rowids may change on VACUUM and
 *   cannot be the document id; `search_doc` owns a stable integer id and a unique (kind, ref_id).
 * So `search_doc` is the one place a document is assembled (by the triggers below, from the source
 * tables), it holds the filter columns as ordinary columns, and the FTS5 index `search` is kept equal to
 * it by three triggers of the documented external-content pattern ('delete' with the old text, then
 * insert). The index stores no copy of the text, and a change of only a filter column (a meeting moved
 * to another date, an item made confidential) updates `search_doc` without touching the index.
 *
 * Tokenizer: unicode61 with remove_diacritics 0, so æ, ø and å stay letters of their own (fravær is not
 * fraver) while case still folds (ÆØÅ match æøå); prefix indexes for 2 and 3 letters make the short
 * prefixes a user types while searching compound words cheap.
 */

/** One document per (kind, ref_id); an upsert, so one statement both adds and refreshes documents. */
const UPSERT = `
  INSERT INTO search_doc (kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body)`;
const ON_CONFLICT = `
  ON CONFLICT (kind, ref_id) DO UPDATE SET meeting_id = excluded.meeting_id, forum_id = excluded.forum_id,
    colour = excluded.colour, item_type = excluded.item_type, starts_at = excluded.starts_at,
    confidential = excluded.confidential, title = excluded.title, body = excluded.body`;

function meetingDocs(where: string): string {
  return `${UPSERT}
  SELECT 'meeting', m.id, m.id, m.forum_id, NULL, NULL, m.starts_at, 0, m.title, m.purpose
    FROM meeting m
   WHERE ${where} ${ON_CONFLICT};`;
}

function itemDocs(where: string): string {
  return `${UPSERT}
  SELECT 'item', i.id, i.meeting_id, m.forum_id, i.announced_colour, i.type, m.starts_at, i.confidential, i.title,
         concat_ws(char(10), NULLIF(i.background, ''), NULLIF(i.notes, ''))
    FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
   WHERE ${where} ${ON_CONFLICT};`;
}

/** A decision is found by its item's title; dissent is labelled so a search for "dissens" finds it. */
function decisionDocs(where: string): string {
  return `${UPSERT}
  SELECT 'decision', d.id, i.meeting_id, m.forum_id, d.colour, i.type, m.starts_at, i.confidential, i.title,
         concat_ws(char(10), d.text, 'Dissens: ' || NULLIF(d.dissent, ''), NULLIF(d.colour_reason, ''),
                   NULLIF(d.decided_by, ''), NULLIF(d.involve_context, ''), NULLIF(d.involve_need, ''),
                   NULLIF(d.involve_how, ''), NULLIF(d.explain_reasoning, ''), NULLIF(d.explain_compromises, ''),
                   NULLIF(d.explain_constraints, ''), NULLIF(d.expect_given, ''), NULLIF(d.expect_open, ''),
                   NULLIF(d.expect_of_whom, ''))
    FROM decision d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
   WHERE ${where} ${ON_CONFLICT};`;
}

/** An action from a confidential item is confidential too; one made for the whole meeting is not. */
function actionDocs(where: string): string {
  return `${UPSERT}
  SELECT 'action', a.id, m.id, a.forum_id, NULL, NULL, m.starts_at, COALESCE(i.confidential, 0), a.what, a.who
    FROM action a
    LEFT JOIN agenda_item i ON i.id = a.item_id
    LEFT JOIN meeting m ON m.id = COALESCE(a.meeting_id, i.meeting_id)
   WHERE ${where} ${ON_CONFLICT};`;
}

function removeDoc(kind: string): string {
  return `DELETE FROM search_doc WHERE kind = '${kind}' AND ref_id = old.id;`;
}

/** The search triggers on action (migration 006 rebuilds the table and keeps its own copy of them). */
const ACTION_DOC_TRIGGERS = `
      CREATE TRIGGER search_action_ai AFTER INSERT ON action BEGIN
        ${actionDocs('a.id = new.id')}
      END;
      -- Marking an action done changes nothing that is searched.
      CREATE TRIGGER search_action_au AFTER UPDATE ON action
        WHEN old.what IS NOT new.what OR old.who IS NOT new.who OR old.item_id IS NOT new.item_id
          OR old.meeting_id IS NOT new.meeting_id OR old.forum_id IS NOT new.forum_id BEGIN
        ${actionDocs('a.id = new.id')}
      END;
      CREATE TRIGGER search_action_ad AFTER DELETE ON action BEGIN
        ${removeDoc('action')}
      END;
`;

export const migration005: Migration = {
  version: 5,
  name: 'soegning',
  up(db) {
    db.exec(`
      CREATE TABLE search_doc (
        doc           INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('meeting', 'item', 'decision', 'action')),
        ref_id        TEXT NOT NULL,
        meeting_id    TEXT,
        forum_id      TEXT NOT NULL,
        colour        TEXT,
        item_type     TEXT,
        starts_at     TEXT,
        confidential  INTEGER NOT NULL CHECK (confidential IN (0, 1)),
        title         TEXT NOT NULL,
        body          TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      );
      CREATE INDEX search_doc_meeting ON search_doc (meeting_id);

      CREATE VIRTUAL TABLE search USING fts5 (
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, forum_id UNINDEXED, colour UNINDEXED,
        item_type UNINDEXED, starts_at UNINDEXED, confidential UNINDEXED,
        content = 'search_doc', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
      );
    `);

    // Backfill first and build the index in one pass, then install the triggers that keep it in step.
    db.exec([meetingDocs('true'), itemDocs('true'), decisionDocs('true'), actionDocs('true')].join('\n'));
    db.exec(`INSERT INTO search (search) VALUES ('rebuild');`);

    db.exec(`
      CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
        INSERT INTO search (rowid, title, body) VALUES (new.doc, new.title, new.body);
      END;
      CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
        INSERT INTO search (search, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
      END;
      CREATE TRIGGER search_doc_au AFTER UPDATE OF title, body ON search_doc
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
        INSERT INTO search (search, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
        INSERT INTO search (rowid, title, body) VALUES (new.doc, new.title, new.body);
      END;

      CREATE TRIGGER search_meeting_ai AFTER INSERT ON meeting BEGIN
        ${meetingDocs('m.id = new.id')}
      END;
      CREATE TRIGGER search_meeting_au AFTER UPDATE ON meeting
        WHEN old.title IS NOT new.title OR old.purpose IS NOT new.purpose OR old.starts_at IS NOT new.starts_at
          OR old.forum_id IS NOT new.forum_id BEGIN
        ${meetingDocs('m.id = new.id')}
        -- Everything from the meeting follows its date; actions keep their own forum.
        UPDATE search_doc
           SET starts_at = new.starts_at,
               forum_id = CASE WHEN kind = 'action' THEN forum_id ELSE new.forum_id END
         WHERE meeting_id = new.id AND kind <> 'meeting';
      END;
      CREATE TRIGGER search_meeting_ad AFTER DELETE ON meeting BEGIN
        ${removeDoc('meeting')}
      END;

      CREATE TRIGGER search_item_ai AFTER INSERT ON agenda_item BEGIN
        ${itemDocs('i.id = new.id')}
      END;
      -- Timer ticks and reordering touch other columns and leave the index alone.
      CREATE TRIGGER search_item_au AFTER UPDATE ON agenda_item
        WHEN old.title IS NOT new.title OR old.background IS NOT new.background OR old.notes IS NOT new.notes
          OR old.confidential IS NOT new.confidential OR old.type IS NOT new.type
          OR old.announced_colour IS NOT new.announced_colour OR old.meeting_id IS NOT new.meeting_id BEGIN
        ${itemDocs('i.id = new.id')}
        ${decisionDocs('d.item_id = new.id')}
        ${actionDocs('a.item_id = new.id')}
      END;
      CREATE TRIGGER search_item_ad AFTER DELETE ON agenda_item BEGIN
        ${removeDoc('item')}
      END;

      CREATE TRIGGER search_decision_ai AFTER INSERT ON decision BEGIN
        ${decisionDocs('d.id = new.id')}
      END;
      -- Finalizing (final_at) changes nothing that is searched.
      CREATE TRIGGER search_decision_au AFTER UPDATE ON decision
        WHEN old.item_id IS NOT new.item_id OR old.colour IS NOT new.colour OR old.text IS NOT new.text
          OR old.dissent IS NOT new.dissent OR old.colour_reason IS NOT new.colour_reason
          OR old.decided_by IS NOT new.decided_by OR old.involve_context IS NOT new.involve_context
          OR old.involve_need IS NOT new.involve_need OR old.involve_how IS NOT new.involve_how
          OR old.explain_reasoning IS NOT new.explain_reasoning OR old.explain_compromises IS NOT new.explain_compromises
          OR old.explain_constraints IS NOT new.explain_constraints OR old.expect_given IS NOT new.expect_given
          OR old.expect_open IS NOT new.expect_open OR old.expect_of_whom IS NOT new.expect_of_whom BEGIN
        ${decisionDocs('d.id = new.id')}
      END;
      CREATE TRIGGER search_decision_ad AFTER DELETE ON decision BEGIN
        ${removeDoc('decision')}
      END;

      ${ACTION_DOC_TRIGGERS}
    `);
  },
};
