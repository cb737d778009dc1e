import type { Migration } from './types';

/**
 * The first pages of the follow-up list and of the register searched by text, at any archive size.
 *
 * The list is ordered by deadline (none last), then newest first (queries/actions.ts). Each index below
 * holds exactly that order, so a page is the first rows of an index walk instead of a sort of every
 * action ever agreed (the status at the end lets the overdue test be made in the index alone):
 * - `action_list`: all actions, for the list without a status filter;
 * - `action_status_list`: one status's actions, for the status filters;
 * - `action_open_list`: the open actions only (written as the queries write «every open one», so SQLite
 *   can use the partial index), where the overdue ones and those without a deadline are taken from.
 *
 * `search_doc_register`: the decisions' search documents by meeting date, with the register's filters
 * beside it, so the date down to which a text-filtered register page reaches is found from the matches
 * without reading the decisions (queries/register.ts).
 */
export const migration012: Migration = {
  version: 12,
  name: 'listeorden',
  up(db) {
    db.exec(`
      CREATE INDEX action_list ON action (due IS NULL, due, created_at DESC, id, status);
      CREATE INDEX action_status_list ON action (status, due IS NULL, due, created_at DESC, id);
      CREATE INDEX action_open_list ON action (due IS NULL, due, created_at DESC, id, status)
        WHERE status IN ('aaben', 'igang', 'forsinket');
      CREATE INDEX search_doc_register ON search_doc (kind, starts_at, confidential, forum_id, colour);
    `);
  },
};
