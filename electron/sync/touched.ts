import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import type { RecordCodec } from '../../shared/records/fields';
import { FORUM_RECORDS } from './codec/forumRecords';
import { MEETING_RECORDS } from './codec/meetingRecords';

/**
 * Which shared documents a write touched, found as electron/archive/changes.ts finds the aggregates: TEMP
 * triggers note, for each row a statement changes in a shared forum, the document it belongs in, and for
 * each row deleted its record's key. Only a deleted row's record leaves a document: a record this laptop
 * holds in a document but not (yet) in its rows is one the projection is still waiting to place.
 * The triggers are created only once the archive shares a forum, so an archive that shares none pays nothing.
 */

/** What a note names: a forum's index, a meeting's documents, a deleted meeting, or every shared forum's index. */
export type TouchKind = 'forum' | 'moede' | 'slettet' | 'sag' | 'alle';

interface Target {
  kind: TouchKind;
  /** SQL for the id, with `$` standing for the row. */
  id: string;
  /** SQL for the forum, with `$` for the row; the note is kept only when that forum is shared. */
  forum: string;
  /** For an update: only when one of these columns changed (an item's notes do not touch the forum's index). */
  whenChanged?: readonly string[];
}

const forumOfMeeting = (meetingId: string) => `(SELECT forum_id FROM main.meeting WHERE id = ${meetingId})`;
const meetingOfItem = (itemId: string) => `(SELECT meeting_id FROM main.agenda_item WHERE id = ${itemId})`;
const meetingOfDecision = (decisionId: string) => meetingOfItem(`(SELECT item_id FROM main.decision WHERE id = ${decisionId})`);
const meetingOfAction = (row: string) => `COALESCE(${row}.meeting_id, ${meetingOfItem(`${row}.item_id`)})`;
const inMeeting = (meetingId: string): Target => ({ kind: 'moede', id: meetingId, forum: forumOfMeeting(meetingId) });
const ofForum = (forumId: string): Target => ({ kind: 'forum', id: forumId, forum: forumId });
/** The forum index of the meeting's forum, for what the index holds of a meeting's rows (sager, people). */
const indexOfMeeting = (meetingId: string, whenChanged: readonly string[]): Target => ({
  kind: 'forum',
  id: forumOfMeeting(meetingId),
  forum: forumOfMeeting(meetingId),
  whenChanged,
});
/** The forum a lyttemøde series belongs to, from its meeting, theme, input or an input's theme. */
const forumOfSeries = (seriesId: string) => `(SELECT forum_id FROM main.listening_series WHERE id = ${seriesId})`;
const forumOfListeningMeeting = (meetingId: string) => forumOfSeries(`(SELECT series_id FROM main.listening_meeting WHERE id = ${meetingId})`);
const forumOfInput = (inputId: string) => forumOfListeningMeeting(`(SELECT meeting_id FROM main.listening_input WHERE id = ${inputId})`);
/** Persons and item types belong to the archive, not one forum: every shared forum's index holds them. */
const everyForum: Target = { kind: 'alle', id: "''", forum: '(SELECT forum_id FROM main.shared_forum LIMIT 1)' };

const TARGETS: Readonly<Record<string, readonly Target[]>> = {
  forum: [ofForum('$.id')],
  forum_colour: [ofForum('$.forum_id')],
  forum_member: [ofForum('$.forum_id')],
  forum_theme: [ofForum('$.forum_id')],
  ground_rules: [ofForum('$.forum_id')],
  person: [everyForum],
  item_type: [everyForum],
  sag: [{ kind: 'sag', id: '$.id', forum: '(SELECT forum_id FROM main.shared_forum LIMIT 1)' }],
  meeting: [{ kind: 'moede', id: '$.id', forum: '$.forum_id' }, ofForum('$.forum_id')],
  // An item names its sag, which the forum's index holds.
  agenda_item: [inMeeting('$.meeting_id'), indexOfMeeting('$.meeting_id', ['sag_id'])],
  decision: [inMeeting(meetingOfItem('$.item_id'))],
  // The author is among the forum's people, in its index.
  item_comment: [inMeeting(meetingOfItem('$.item_id')), indexOfMeeting(meetingOfItem('$.item_id'), ['author_id'])],
  // Those who dissent, take part and approve are among the forum's people, in its index.
  decision_dissent: [inMeeting(meetingOfDecision('$.decision_id')), indexOfMeeting(meetingOfDecision('$.decision_id'), ['person_id'])],
  meeting_participant: [inMeeting('$.meeting_id'), indexOfMeeting('$.meeting_id', ['person_id'])],
  checkout_tally: [inMeeting('$.meeting_id')],
  referat_version: [inMeeting('$.meeting_id')],
  referat_approval: [inMeeting('(SELECT meeting_id FROM main.referat_version WHERE id = $.version_id)')],
  // Those who consent are among the forum's people, in its index, as those who approve.
  item_consent: [inMeeting(meetingOfItem('$.item_id'))],
  action: [inMeeting(meetingOfAction('$'))],
  // A lyttemøde forum's series live in its index.
  listening_series: [ofForum('$.forum_id')],
  listening_meeting: [ofForum(forumOfSeries('$.series_id'))],
  listening_theme: [ofForum(forumOfSeries('$.series_id'))],
  listening_input: [ofForum(forumOfListeningMeeting('$.meeting_id'))],
  listening_input_theme: [ofForum(forumOfInput('$.input_id'))],
  action_note: [inMeeting(`(SELECT ${meetingOfAction('a')} FROM main.action a WHERE a.id = $.action_id)`)],
};

const CODECS: readonly RecordCodec[] = [...FORUM_RECORDS, ...MEETING_RECORDS];

function keySql(codec: RecordCodec): string {
  return codec.key.map((column) => `OLD."${column}"`).join(` || '|' || `);
}

function noteSql(target: Target, row: 'NEW' | 'OLD'): string {
  const id = target.id.replaceAll('$', row);
  const forum = target.forum.replaceAll('$', row);
  return (
    `INSERT INTO temp.sync_touched (kind, id, forum_id) SELECT '${target.kind}', id, forum_id FROM (SELECT ${id} AS id, ${forum} AS forum_id) AS noted ` +
    `WHERE id IS NOT NULL AND forum_id IN (SELECT forum_id FROM main.shared_forum) ` +
    `AND NOT EXISTS (SELECT 1 FROM temp.sync_touched t WHERE t.kind = '${target.kind}' AND t.id = noted.id);`
  );
}

function triggers(): string[] {
  const sql: string[] = [];
  for (const [table, targets] of Object.entries(TARGETS)) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const rows: ('NEW' | 'OLD')[] = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['NEW', 'OLD'];
      const always = event === 'UPDATE' ? targets.filter((t) => !t.whenChanged) : targets;
      const notes = rows.flatMap((row) => always.map((t) => noteSql(t, row)));
      if (table === 'meeting' && event === 'DELETE') notes.push(noteSql({ kind: 'slettet', id: '$.id', forum: '$.forum_id' }, 'OLD'));
      if (event === 'DELETE') {
        for (const codec of CODECS.filter((c) => c.table === table)) {
          notes.push(
            `INSERT INTO temp.sync_deleted (tbl, key) SELECT '${table}', ${keySql(codec)} WHERE NOT EXISTS (SELECT 1 FROM temp.sync_deleted d WHERE d.tbl = '${table}' AND d.key = ${keySql(codec)});`,
          );
        }
      }
      sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touched_${table}_${event.toLowerCase()} AFTER ${event} ON main."${table}" BEGIN ${notes.join(' ')} END`);
    }
    targets.forEach((t, index) => {
      if (!t.whenChanged) return;
      const notes = (['NEW', 'OLD'] as const).map((row) => noteSql(t, row)).join(' ');
      sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touched_${table}_update_${index} AFTER UPDATE OF ${t.whenChanged.join(', ')} ON main."${table}" BEGIN ${notes} END`);
    });
  }
  return sql;
}

const watching = new WeakSet<SqliteDb>();

/** Creates the notes' tables and triggers on this connection, once; outside any transaction (as trackChanges). */
export function watchSharedWrites(db: SqliteDb): void {
  if (watching.has(db)) return;
  if (db.inTransaction) throw new Error('Delingens ændringsspor skal oprettes uden for en transaktion.');
  db.transaction(() => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_touched (kind TEXT NOT NULL, id TEXT NOT NULL, forum_id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID');
    db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_deleted (tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key)) WITHOUT ROWID');
    // Kept words a member put into their item or discarded (openedWords.ts): no row says so.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_kept_settled (key TEXT PRIMARY KEY) WITHOUT ROWID');
    for (const sql of triggers()) db.exec(sql);
  })();
  watching.add(db);
}

export function isWatching(db: SqliteDb): boolean {
  return watching.has(db);
}

export interface Touched {
  notes: { kind: TouchKind; id: string; forumId: string }[];
  /** Keys of deleted rows, by table. */
  deleted: Map<string, Set<string>>;
}

/** What the write touched so far, and forgets it. */
export function takeTouched(db: SqliteDb): Touched {
  const notes = statement(db, 'SELECT kind, id, forum_id AS forumId FROM temp.sync_touched').all() as Touched['notes'];
  const deleted = new Map<string, Set<string>>();
  for (const row of statement(db, 'SELECT tbl, key FROM temp.sync_deleted').all() as { tbl: string; key: string }[]) {
    const keys = deleted.get(row.tbl) ?? new Set<string>();
    keys.add(row.key);
    deleted.set(row.tbl, keys);
  }
  forgetTouched(db);
  return { notes, deleted };
}

export function forgetTouched(db: SqliteDb): void {
  statement(db, 'DELETE FROM temp.sync_touched').run();
  statement(db, 'DELETE FROM temp.sync_deleted').run();
}
