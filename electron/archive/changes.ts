import type { Aggregate, Change } from '../../shared/api/changes';
import type { SqliteDb } from './open';
import { statement } from './statements';

/**
 * Which aggregates a write touched, found by construction: TEMP triggers on every table note the
 * aggregate and id of each row a statement inserts, updates or deletes, so no service has to remember
 * to say what it changed. Temp objects live only in this connection and are never written to the
 * archive file, so no migration is needed and an older app opening the file sees nothing of them.
 */

type RowEvent = 'INSERT' | 'UPDATE' | 'DELETE';

interface Target {
  aggregate: Aggregate;
  /** SQL for the id, with `$` standing for the row (NEW, or OLD for a delete); NULL notes nothing. */
  id: string;
  /**
   * For an update: only when one of these columns changed, or (allBut) when any column but these did.
   * Inserts and deletes always count, unless the target is for updates only.
   */
  whenChanged?: readonly string[] | { allBut: readonly string[] };
  /** Not noted for inserts and deletes: the table's other targets say enough about those. */
  updatesOnly?: true;
}

const meetingOfItem = (itemId: string) => `(SELECT meeting_id FROM main.agenda_item WHERE id = ${itemId})`;
const inputSeries = (inputId: string) => `(SELECT m.series_id FROM main.listening_input i JOIN main.listening_meeting m ON m.id = i.meeting_id WHERE i.id = ${inputId})`;

/**
 * Every table of the archive and what its rows belong to (see shared/api/changes.ts). A row removed
 * by a cascade is noted through its own delete (the parent is gone by then, so subselects find nothing).
 */
export const TRACKED_TABLES: Readonly<Record<string, readonly Target[]>> = {
  forum: [{ aggregate: 'forum', id: '$.id' }],
  forum_colour: [{ aggregate: 'forum', id: '$.forum_id' }],
  forum_member: [{ aggregate: 'forum', id: '$.forum_id' }],
  forum_theme: [{ aggregate: 'forum', id: '$.forum_id' }],
  ground_rules: [{ aggregate: 'forum', id: '$.forum_id' }],
  person: [{ aggregate: 'person', id: '$.id' }],
  meeting: [{ aggregate: 'meeting', id: '$.id' }],
  agenda_item: [
    // Notes are saved every few hundred milliseconds while someone writes; only what shows them reads them again.
    { aggregate: 'agenda', id: '$.meeting_id', whenChanged: { allBut: ['notes'] } },
    { aggregate: 'notes', id: '$.meeting_id', whenChanged: ['notes'], updatesOnly: true },
    // Lists outside the meeting show its number of items and their titles, colours and sag; never notes or timers.
    { aggregate: 'meeting', id: '$.meeting_id', whenChanged: ['title', 'type', 'announced_colour', 'confidential', 'sag_id', 'position'] },
  ],
  decision: [
    { aggregate: 'agenda', id: meetingOfItem('$.item_id') },
    // The register, the Oversigt and sager show decisions.
    { aggregate: 'meeting', id: meetingOfItem('$.item_id') },
  ],
  decision_dissent: [
    { aggregate: 'agenda', id: "(SELECT meeting_id FROM main.agenda_item WHERE id = (SELECT item_id FROM main.decision WHERE id = $.decision_id))" },
  ],
  // Only the open meeting's decision panel reads a draft.
  decision_draft: [{ aggregate: 'agenda', id: meetingOfItem('$.item_id') }],
  meeting_participant: [{ aggregate: 'agenda', id: '$.meeting_id' }],
  item_comment: [{ aggregate: 'comments', id: '$.item_id' }],
  agenda_seen: [{ aggregate: 'seen', id: '$.meeting_id' }],
  checkout_tally: [{ aggregate: 'agenda', id: '$.meeting_id' }],
  referat_version: [
    { aggregate: 'agenda', id: '$.meeting_id' },
    { aggregate: 'meeting', id: '$.meeting_id', whenChanged: ['status'] },
  ],
  referat_approval: [{ aggregate: 'agenda', id: '(SELECT meeting_id FROM main.referat_version WHERE id = $.version_id)' }],
  item_consent: [{ aggregate: 'agenda', id: meetingOfItem('$.item_id') }],
  action: [
    { aggregate: 'action', id: '$.forum_id' },
    // The meeting that agreed it lists it, by item or under «Andre handlinger».
    { aggregate: 'agenda', id: '$.meeting_id' },
    { aggregate: 'agenda', id: meetingOfItem('$.item_id') },
  ],
  action_note: [{ aggregate: 'action', id: '(SELECT forum_id FROM main.action WHERE id = $.action_id)' }],
  sag: [{ aggregate: 'sag', id: '$.id' }],
  item_type: [{ aggregate: 'itemTypes', id: "''" }],
  listening_series: [{ aggregate: 'listening', id: '$.id' }],
  listening_meeting: [{ aggregate: 'listening', id: '$.series_id' }],
  listening_theme: [{ aggregate: 'listening', id: '$.series_id' }],
  listening_input: [{ aggregate: 'listening', id: '(SELECT series_id FROM main.listening_meeting WHERE id = $.meeting_id)' }],
  // Sharing a forum changes how its screens show it (where it is shared).
  shared_forum: [{ aggregate: 'forum', id: '$.forum_id' }],
  // Losing a forum, or its confidential part, to the server changes what its screens may show.
  forum_access_lost: [{ aggregate: 'forum', id: '$.forum_id' }],
  // The forum's sharing tab shows its members (refetched on 'sync.changed'; the list is kept without a change event).
  shared_forum_member: [{ aggregate: 'forum', id: '$.forum_id' }],
  inbox_document: [{ aggregate: 'forum', id: '$.forum_id' }],
  inbox_submission: [
    { aggregate: 'forum', id: '(SELECT forum_id FROM main.inbox_document WHERE document = $.document)' },
    { aggregate: 'listening', id: inputSeries('$.listening_input_id') },
    { aggregate: 'agenda', id: meetingOfItem('$.agenda_item_id') },
  ],
  inbox_answer: [
    { aggregate: 'forum', id: '(SELECT d.forum_id FROM main.inbox_submission s JOIN main.inbox_document d ON d.document = s.document WHERE s.id = $.submission_id)' },
    { aggregate: 'listening', id: inputSeries('(SELECT listening_input_id FROM main.inbox_submission WHERE id = $.submission_id)') },
    { aggregate: 'agenda', id: meetingOfItem('(SELECT agenda_item_id FROM main.inbox_submission WHERE id = $.submission_id)') },
  ],
  listening_input_theme: [
    {
      aggregate: 'listening',
      id: '(SELECT m.series_id FROM main.listening_input i JOIN main.listening_meeting m ON m.id = i.meeting_id WHERE i.id = $.input_id)',
    },
  ],
};

/**
 * Tables derived from the tracked ones, so a change there is already noted at its source: the search
 * indexes (kept by their own triggers), and a shared forum's documents and update log (electron/sync:
 * a local update mirrors rows written in the same transaction; a remote one is projected into them).
 */
export const DERIVED_TABLES: readonly string[] = ['search_doc', 'item_title_doc', 'sync_update', 'sync_document'];

/** More changes than this in one write are reported as «everything»: refetching what is open is cheaper than the list. */
const MOST_LISTED = 200;

const tracked = new WeakSet<SqliteDb>();

function triggerSql(table: string, event: RowEvent, targets: readonly Target[], when: readonly string[] | undefined, name: string): string {
  const row = event === 'DELETE' ? 'OLD' : 'NEW';
  // NOT EXISTS rather than OR IGNORE: an upsert (INSERT ... ON CONFLICT DO UPDATE) that fires the
  // trigger imposes its own conflict handling on the trigger's statements, and a second note of the
  // same change would then fail the write.
  const notes = targets.map(
    (t) =>
      `INSERT INTO temp.archive_change (aggregate, id) SELECT '${t.aggregate}', id FROM (SELECT ${t.id.replaceAll('$', row)} AS id) AS noted ` +
      `WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM temp.archive_change c WHERE c.aggregate = '${t.aggregate}' AND c.id = noted.id);`,
  );
  const condition = when ? ` WHEN ${when.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}` : '';
  return `CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON main."${table}"${condition} BEGIN ${notes.join(' ')} END`;
}

/**
 * Creates this connection's change table and triggers, once; tables the archive lacks (an older
 * schema in a test) are skipped. Call it outside any transaction: created inside one, they would be
 * gone again when that transaction rolls back (a refused write).
 */
export function trackChanges(db: SqliteDb): void {
  if (tracked.has(db)) return;
  if (db.inTransaction) throw new Error('Ændringssporingen skal oprettes uden for en transaktion.');
  db.transaction(() => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS archive_change (aggregate TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (aggregate, id)) WITHOUT ROWID');
    createTriggers(db);
  })();
  tracked.add(db);
}

function createTriggers(db: SqliteDb): void {
  const present = new Set((db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all() as string[]));
  for (const [table, targets] of Object.entries(TRACKED_TABLES)) {
    if (!present.has(table)) continue;
    const always = targets.filter((t) => !t.whenChanged);
    const rowsAddedOrRemoved = targets.filter((t) => !t.updatesOnly);
    for (const event of ['INSERT', 'DELETE'] as const) db.exec(triggerSql(table, event, rowsAddedOrRemoved, undefined, `archive_change_${table}_${event.toLowerCase()}`));
    if (always.length > 0) db.exec(triggerSql(table, 'UPDATE', always, undefined, `archive_change_${table}_update`));
    targets.forEach((t, index) => {
      if (t.whenChanged) db.exec(triggerSql(table, 'UPDATE', [t], changedColumns(db, table, t.whenChanged), `archive_change_${table}_update_${index}`));
    });
  }
}

/** The columns whose change counts; «all but» is read from the table as it is, so a column added later counts too. */
function changedColumns(db: SqliteDb, table: string, when: NonNullable<Target['whenChanged']>): readonly string[] {
  if (!('allBut' in when)) return when;
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  return columns.filter((column) => !when.allBut.includes(column));
}

/** The note that stands for «everything changed»; no aggregate is called so. */
const EVERYTHING_NOTE = 'alt';

/**
 * Runs a bulk write (a whole archive's import) without noting its rows one by one and reports it as
 * everything, which is what a write of more than MOST_LISTED rows reports anyway: per row, the notes
 * cost a good part of the write. The triggers are dropped and created again inside the caller's
 * transaction (the temp schema is transactional too), so a rollback leaves them as they were. Call it
 * inside the write's transaction, after startChanges.
 */
export function withChangesUntracked<T>(db: SqliteDb, write: () => T): T {
  if (!db.inTransaction) throw new Error('withChangesUntracked must run inside a transaction.');
  const triggers = db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'archive\\_change\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const name of triggers) db.exec(`DROP TRIGGER temp.${name}`);
  const result = write();
  if (triggers.length > 0) createTriggers(db);
  statement(db, 'INSERT OR IGNORE INTO temp.archive_change (aggregate, id) VALUES (?, ?)').run(EVERYTHING_NOTE, '');
  return result;
}

/**
 * Notes a change that no row of the archive shows, inside the write's transaction: what only a shared document holds
 * (words kept for the members, electron/sync/openedWords.ts) changed, and the windows read it again.
 */
export function noteChange(db: SqliteDb, aggregate: Aggregate, id: string): void {
  statement(db, 'INSERT OR IGNORE INTO temp.archive_change (aggregate, id) VALUES (?, ?)').run(aggregate, id);
}

/** Forgets what earlier writes touched; call at the start of a write's transaction, after trackChanges. */
export function startChanges(db: SqliteDb): void {
  statement(db, 'DELETE FROM temp.archive_change').run();
}

/** Per connection: how many of its writes have changed more than items' notes (see writesBeyondNotes). */
const beyondNotes = new WeakMap<SqliteDb, number>();

/**
 * How many writes on this connection have changed anything but items' notes, as takeChanges saw them:
 * while it stands still, what is read from everything else is as it was. A notes autosave every few
 * hundred milliseconds leaves it alone. Another connection's writes are not in it (PRAGMA data_version).
 */
export function writesBeyondNotes(db: SqliteDb): number {
  return beyondNotes.get(db) ?? 0;
}

/** What the rows written since startChanges belong to; call at the end of the write's transaction. */
export function takeChanges(db: SqliteDb): Change[] {
  const rows = statement(db, 'SELECT aggregate, id FROM temp.archive_change').all() as { aggregate: Aggregate | typeof EVERYTHING_NOTE; id: string }[];
  statement(db, 'DELETE FROM temp.archive_change').run();
  // Counted even if the transaction is rolled back after this: a list read again for nothing, never one kept wrongly.
  if (rows.some((r) => r.aggregate !== 'notes')) beyondNotes.set(db, writesBeyondNotes(db) + 1);
  if (rows.length > MOST_LISTED || rows.some((r) => r.aggregate === EVERYTHING_NOTE)) return [{ aggregate: 'alt' }];
  return rows.flatMap(({ aggregate, id }) => (aggregate === EVERYTHING_NOTE ? [] : [id === '' ? { aggregate } : { aggregate, id }]));
}
