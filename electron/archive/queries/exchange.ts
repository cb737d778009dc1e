import { SCALE } from '../../../shared/domain/checkout';
import { COLOUR_KEYS } from '../../../shared/domain/colours';
import {
  exchangeCycle,
  type ExchangeFile,
  type ExchangeForum,
  type ExchangeItem,
  type ExchangeMeeting,
  type ExchangeScope,
} from '../../../shared/exchange/format';
import type { ProblemResolution } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import type { BulkScope } from '../searchIndexing';
import { statement } from '../statements';
import { readSager, writeSager } from './exchangeSager';
import { dissentsOfDecisions, replaceDissents } from './decisions';

/**
 * Reads and writes the exchange file's rows. Reading sorts by stable keys only (ids, dates, numbers;
 * never rowid, which differs between archives), so the same content always gives the same file.
 * Writing upserts row by row in dependency order; the caller has validated the whole file first and
 * runs the writes in one transaction.
 */

export type ExchangeContent = Pick<ExchangeFile, 'itemTypes' | 'persons' | 'forums' | 'meetings' | 'sager'>;

/** The tables the exchange file covers, in the order they are written. */
export const EXCHANGE_TABLES = [
  'item_type',
  'person',
  'forum',
  'forum_colour',
  'ground_rules',
  'forum_member',
  'forum_theme',
  'sag',
  'meeting',
  'meeting_participant',
  'agenda_item',
  'decision',
  'decision_dissent',
  'action',
  'action_note',
  'checkout_tally',
  'referat_version',
  'referat_approval',
] as const;
export type ExchangeTable = (typeof EXCHANGE_TABLES)[number];

const flag = (value: 0 | 1) => value === 1;
const bit = (value: boolean) => (value ? 1 : 0);
const asJson = (values: readonly string[]) => JSON.stringify(values);

// ---------------------------------------------------------------------------------------------
// Reading

interface ForumRow {
  id: string;
  kind: ExchangeForum['kind'];
  name: string;
  school: string;
  purpose: string;
  mandate: string;
  understanding: string;
  cadence: ExchangeForum['cadence'];
  default_minutes: number;
  default_place: string;
  require_action_due: 0 | 1;
  demo: 0 | 1;
  cycle_json: string;
  created_at: string;
}

interface MeetingRow {
  id: string;
  forum_id: string;
  title: string;
  starts_at: string;
  duration_minutes: number;
  place: string;
  purpose: string;
  status: ExchangeMeeting['status'];
  agenda_sent_at: string | null;
  created_at: string;
  run_phase: ExchangeMeeting['run']['phase'];
  current_item_id: string | null;
  presenter_confidential: 0 | 1;
  readback_item_id: string | null;
}

interface ActionRow {
  id: string;
  item_id: string | null;
  term: 'kort' | 'lang';
  what: string;
  who: string;
  due: string | null;
  status: ExchangeForum['actions'][number]['status'];
  created_at: string;
  drop_reason: string | null;
  parent_action_id: string | null;
  confidential: 0 | 1;
}

const MEETING_ORDER = 'ORDER BY starts_at, id';

/** Everything in the scope, or null when the meeting or forum asked for is not in the archive. */
export function readExchange(db: SqliteDb, scope: ExchangeScope, id: string | null): ExchangeContent | null {
  let forumRows: ForumRow[];
  let meetingRows: MeetingRow[];
  if (scope === 'arkiv') {
    forumRows = statement(db, 'SELECT * FROM forum ORDER BY id').all() as ForumRow[];
    meetingRows = statement(db, `SELECT * FROM meeting ${MEETING_ORDER}`).all() as MeetingRow[];
  } else if (scope === 'forum') {
    const forum = statement(db, 'SELECT * FROM forum WHERE id = ?').get(id) as ForumRow | undefined;
    if (!forum) return null;
    forumRows = [forum];
    meetingRows = statement(db, `SELECT * FROM meeting WHERE forum_id = ? ${MEETING_ORDER}`).all(forum.id) as MeetingRow[];
  } else {
    const meeting = statement(db, 'SELECT * FROM meeting WHERE id = ?').get(id) as MeetingRow | undefined;
    if (!meeting) return null;
    meetingRows = [meeting];
    forumRows = [statement(db, 'SELECT * FROM forum WHERE id = ?').get(meeting.forum_id) as ForumRow];
  }
  // A single meeting travels without the forum's other business: only its own actions go with it.
  const forums = forumRows.map((row) => readForum(db, row, scope !== 'moede'));
  const meetings = meetingRows.map((row) => readMeeting(db, row));
  const sager = readSager(db, new Set(meetings.flatMap((m) => m.items.flatMap((item) => (item.sagId === null ? [] : [item.sagId])))));
  if (scope === 'arkiv') {
    return { itemTypes: readItemTypes(db, null), persons: readPersons(db, null), forums, meetings, sager };
  }
  const personIds = new Set<string>();
  for (const forum of forums) for (const member of forum.members) personIds.add(member.personId);
  for (const meeting of meetings) {
    for (const participant of meeting.participants) personIds.add(participant.personId);
    for (const version of meeting.referat) for (const approval of version.approvals) personIds.add(approval.personId);
  }
  const typeKeys = new Set(meetings.flatMap((meeting) => meeting.items.map((item) => item.type)));
  return { itemTypes: readItemTypes(db, [...typeKeys]), persons: readPersons(db, [...personIds]), forums, meetings, sager };
}

/** The users' own item types, all of them or those with the given keys. */
function readItemTypes(db: SqliteDb, keys: string[] | null): ExchangeFile['itemTypes'] {
  const rows = (
    keys === null
      ? statement(db, 'SELECT key, label, created_at FROM item_type ORDER BY key').all()
      : statement(db, 'SELECT key, label, created_at FROM item_type WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key').all(
          JSON.stringify(keys),
        )
  ) as { key: string; label: string; created_at: string }[];
  return rows.map((r) => ({ key: r.key, label: r.label, createdAt: r.created_at }));
}

function readPersons(db: SqliteDb, ids: string[] | null): ExchangeFile['persons'] {
  const rows = (
    ids === null
      ? statement(db, 'SELECT id, name, created_at FROM person ORDER BY id').all()
      : statement(db, 'SELECT id, name, created_at FROM person WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(
          JSON.stringify(ids),
        )
  ) as { id: string; name: string; created_at: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

/** The stored cycle, or null for the default; a cycle the app could not use either counts as the default. */
function readCycle(json: string): ExchangeForum['cycle'] {
  if (json === '') return null;
  try {
    const parsed = exchangeCycle.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function readForum(db: SqliteDb, f: ForumRow, withOwnActions: boolean): ExchangeForum {
  const colourRank = (key: string) => (COLOUR_KEYS as readonly string[]).indexOf(key);
  const colours = (
    statement(db, 'SELECT colour, label, code, shape, meaning, hex, text_hex FROM forum_colour WHERE forum_id = ?').all(f.id) as {
      colour: ExchangeForum['colours'][number]['key'];
      label: string;
      code: string;
      shape: ExchangeForum['colours'][number]['shape'];
      meaning: string;
      hex: string;
      text_hex: string;
    }[]
  )
    .sort((a, b) => colourRank(a.colour) - colourRank(b.colour))
    .map((c) => ({ key: c.colour, label: c.label, code: c.code, shape: c.shape, meaning: c.meaning, hex: c.hex, textHex: c.text_hex }));
  const groundRules = (
    statement(db, 'SELECT version, text, note, changed_at FROM ground_rules WHERE forum_id = ? ORDER BY version').all(f.id) as {
      version: number;
      text: string;
      note: string;
      changed_at: string;
    }[]
  ).map((g) => ({ version: g.version, text: g.text, note: g.note, changedAt: g.changed_at }));
  const members = (
    statement(
      db,
      'SELECT id, person_id, role, from_date, to_date, agenda_owner, chair FROM forum_member WHERE forum_id = ? ORDER BY from_date, id',
    ).all(f.id) as {
      id: string;
      person_id: string;
      role: string;
      from_date: string;
      to_date: string | null;
      agenda_owner: 0 | 1;
      chair: 0 | 1;
    }[]
  ).map((m) => ({
    id: m.id,
    personId: m.person_id,
    role: m.role,
    fromDate: m.from_date,
    toDate: m.to_date,
    agendaOwner: flag(m.agenda_owner),
    chair: flag(m.chair),
  }));
  const themes = statement(db, 'SELECT id, month, title FROM forum_theme WHERE forum_id = ? ORDER BY month, id').all(f.id) as {
    id: string;
    month: number;
    title: string;
  }[];
  const actions = withOwnActions
    ? (
        statement(db, 'SELECT * FROM action WHERE forum_id = ? AND meeting_id IS NULL ORDER BY created_at, id').all(f.id) as ActionRow[]
      ).map((a) => forumAction(db, a))
    : [];
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    school: f.school,
    purpose: f.purpose,
    mandate: f.mandate,
    understanding: f.understanding,
    cadence: f.cadence,
    defaultMinutes: f.default_minutes,
    defaultPlace: f.default_place,
    requireActionDue: flag(f.require_action_due),
    demo: flag(f.demo),
    cycle: readCycle(f.cycle_json),
    createdAt: f.created_at,
    colours,
    groundRules,
    members,
    themes: themes.map((t) => ({ id: t.id, month: t.month, title: t.title })),
    actions,
  };
}

function forumAction(db: SqliteDb, a: ActionRow): ExchangeForum['actions'][number] {
  const notes = (
    statement(
      db,
      'SELECT id, note, status_from, status_to, created_at, meeting_id, resolution FROM action_note WHERE action_id = ? ORDER BY created_at, id',
    ).all(a.id) as {
      id: string;
      note: string;
      status_from: ActionRow['status'];
      status_to: ActionRow['status'];
      created_at: string;
      meeting_id: string | null;
      resolution: ProblemResolution | null;
    }[]
  ).map((n) => ({
    id: n.id,
    note: n.note,
    statusFrom: n.status_from,
    statusTo: n.status_to,
    createdAt: n.created_at,
    meetingId: n.meeting_id,
    resolution: n.resolution,
  }));
  return {
    id: a.id,
    term: a.term,
    what: a.what,
    who: a.who,
    due: a.due,
    status: a.status,
    createdAt: a.created_at,
    dropReason: a.drop_reason,
    parentActionId: a.parent_action_id,
    notes,
    confidential: flag(a.confidential),
  };
}

function readMeeting(db: SqliteDb, m: MeetingRow): ExchangeMeeting {
  const participants = (
    statement(
      db,
      'SELECT person_id, role, attendance, facilitator, referent, position FROM meeting_participant WHERE meeting_id = ? ORDER BY position, person_id',
    ).all(m.id) as {
      person_id: string;
      role: string;
      attendance: 'deltager' | 'afbud';
      facilitator: 0 | 1;
      referent: 0 | 1;
      position: number;
    }[]
  ).map((p) => ({
    personId: p.person_id,
    role: p.role,
    attendance: p.attendance,
    facilitator: flag(p.facilitator),
    referent: flag(p.referent),
    position: p.position,
  }));
  const actions = (statement(db, 'SELECT * FROM action WHERE meeting_id = ? ORDER BY created_at, id').all(m.id) as ActionRow[]).map(
    (a) => ({ ...forumAction(db, a), itemId: a.item_id }),
  );
  const answerRank = (answer: string) => (SCALE as readonly string[]).indexOf(answer);
  const checkout = (
    statement(db, 'SELECT question_index, question, answer, count FROM checkout_tally WHERE meeting_id = ?').all(m.id) as {
      question_index: number;
      question: string;
      answer: ExchangeMeeting['checkout'][number]['answer'];
      count: number;
    }[]
  )
    .sort((a, b) => a.question_index - b.question_index || answerRank(a.answer) - answerRank(b.answer))
    .map((t) => ({ questionIndex: t.question_index, question: t.question, answer: t.answer, count: t.count }));
  return {
    id: m.id,
    forumId: m.forum_id,
    title: m.title,
    startsAt: m.starts_at,
    durationMinutes: m.duration_minutes,
    place: m.place,
    purpose: m.purpose,
    status: m.status,
    agendaSentAt: m.agenda_sent_at,
    createdAt: m.created_at,
    run: {
      phase: m.run_phase,
      currentItemId: m.current_item_id,
      presenterConfidential: flag(m.presenter_confidential),
      readbackItemId: m.readback_item_id,
    },
    participants,
    items: readItems(db, m.id),
    actions,
    checkout,
    referat: readReferat(db, m.id),
  };
}

interface ItemRow {
  id: string;
  position: number;
  title: string;
  type: string;
  minutes: number;
  announced_colour: ExchangeItem['announcedColour'];
  owner: string;
  background: string;
  announced_given: string;
  announced_open: string;
  confidential: 0 | 1;
  sensitive: 0 | 1;
  forvarsel_at: string | null;
  forvarsel_note: string;
  added_late: 0 | 1;
  consent_by: string;
  consent_at: string | null;
  notes: string;
  process: ExchangeItem['process'];
  round_done: string;
  cycle_phase: number;
  timer_elapsed: number;
  timer_started_at: string | null;
  run_state: ExchangeItem['runState'];
  carried_from_item_id: string | null;
  sag_id: string | null;
}

interface DecisionRow {
  id: string;
  item_id: string;
  outcome: 'beslutning' | 'afklaring_uden_enighed';
  colour: NonNullable<ExchangeItem['decision']>['colour'];
  colour_reason: string;
  text: string;
  decided_by: string;
  involve_context: string;
  involve_need: string;
  involve_how: string;
  explain_reasoning: string;
  explain_compromises: string;
  explain_constraints: string;
  expect_given: string;
  expect_open: string;
  expect_of_whom: string;
  recorded_at: string;
  final_at: string | null;
}

function readItems(db: SqliteDb, meetingId: string): ExchangeItem[] {
  const rows = statement(db, 'SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as ItemRow[];
  const decisions = new Map(
    (
      statement(
        db,
        'SELECT d.* FROM decision d JOIN agenda_item i ON i.id = d.item_id WHERE i.meeting_id = ?',
      ).all(meetingId) as DecisionRow[]
    ).map((d) => [d.item_id, d]),
  );
  const dissents = dissentsOfDecisions(db, [...decisions.values()].map((d) => d.id));
  return rows.map((r) => {
    const d = decisions.get(r.id);
    return {
      id: r.id,
      position: r.position,
      title: r.title,
      type: r.type,
      minutes: r.minutes,
      announcedColour: r.announced_colour,
      owner: r.owner,
      background: r.background,
      announcedGiven: r.announced_given,
      announcedOpen: r.announced_open,
      confidential: flag(r.confidential),
      sensitive: flag(r.sensitive),
      forvarselAt: r.forvarsel_at,
      forvarselNote: r.forvarsel_note,
      addedLate: flag(r.added_late),
      consentBy: r.consent_by,
      consentAt: r.consent_at,
      notes: r.notes,
      process: r.process,
      roundDone: JSON.parse(r.round_done) as string[],
      cyclePhase: r.cycle_phase,
      timerElapsed: r.timer_elapsed,
      timerStartedAt: r.timer_started_at,
      runState: r.run_state,
      carriedFromItemId: r.carried_from_item_id,
      sagId: r.sag_id,
      decision: d
        ? {
            id: d.id,
            outcome: d.outcome,
            colour: d.colour,
            colourReason: d.colour_reason,
            text: d.text,
            decidedBy: d.decided_by,
            dissents: dissents.get(d.id) ?? [],
            involveContext: d.involve_context,
            involveNeed: d.involve_need,
            involveHow: d.involve_how,
            explainReasoning: d.explain_reasoning,
            explainCompromises: d.explain_compromises,
            explainConstraints: d.explain_constraints,
            expectGiven: d.expect_given,
            expectOpen: d.expect_open,
            expectOfWhom: d.expect_of_whom,
            recordedAt: d.recorded_at,
            finalAt: d.final_at,
          }
        : null,
    };
  });
}

function readReferat(db: SqliteDb, meetingId: string): ExchangeMeeting['referat'] {
  const versions = statement(db, 'SELECT * FROM referat_version WHERE meeting_id = ? ORDER BY version').all(meetingId) as {
    id: string;
    version: number;
    status: 'udkast' | 'godkendt';
    change_note: string;
    created_at: string;
    approved_at: string | null;
    snapshot: string | null;
    changes: string;
  }[];
  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    status: v.status,
    changeNote: v.change_note,
    createdAt: v.created_at,
    approvedAt: v.approved_at,
    changes: JSON.parse(v.changes) as string[],
    snapshot: v.snapshot,
    approvals: (
      statement(db, 'SELECT person_id, role, approved_at FROM referat_approval WHERE version_id = ? ORDER BY person_id').all(v.id) as {
        person_id: string;
        role: string;
        approved_at: string;
      }[]
    ).map((a) => ({ personId: a.person_id, role: a.role, approvedAt: a.approved_at })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Looking up before writing

const KEY_COLUMN: Record<'person' | 'forum' | 'meeting' | 'agenda_item' | 'item_type' | 'action', string> = {
  person: 'id',
  action: 'id',
  forum: 'id',
  meeting: 'id',
  agenda_item: 'id',
  item_type: 'key',
};

/** Which of the given ids (or item type keys) the archive already has. */
export function presentKeys(db: SqliteDb, table: keyof typeof KEY_COLUMN, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const column = KEY_COLUMN[table];
  const rows = statement(db, `SELECT ${column} AS key FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(keys),
  ) as { key: string }[];
  return new Set(rows.map((r) => r.key));
}

/** Another forum with this name at this school (compared as the archive's unique index does). */
export function forumWithName(db: SqliteDb, name: string, school: string, exceptIds: readonly string[]): string | null {
  const row = statement(
    db,
    `SELECT id FROM forum WHERE name = ? COLLATE NOCASE AND school = ? COLLATE NOCASE
        AND id NOT IN (SELECT value FROM json_each(?))`,
  ).get(name, school, JSON.stringify(exceptIds)) as { id: string } | undefined;
  return row?.id ?? null;
}

export interface MeetingHeading {
  id: string;
  title: string;
  startsAt: string;
}

/**
 * A meeting of the forum with the same start and title under an id the file does not bring: most
 * likely the same meeting, planned on two laptops. Titles are compared as the archive compares names.
 * The file's ids are a set checked here, not a list handed to SQL: a whole archive's file asks this
 * for each of its thousands of meetings, and a list would be read anew for every one of them.
 */
export function sameMeetingUnderOtherId(
  db: SqliteDb,
  meeting: { forumId: string; startsAt: string; title: string },
  exceptIds: ReadonlySet<string>,
): MeetingHeading | null {
  const rows = statement(
    db,
    `SELECT id, title, starts_at FROM meeting
      WHERE forum_id = ? AND starts_at = ? AND title = ? COLLATE NOCASE
      ORDER BY id`,
  ).all(meeting.forumId, meeting.startsAt, meeting.title.trim()) as { id: string; title: string; starts_at: string }[];
  const row = rows.find((r) => !exceptIds.has(r.id));
  return row ? { id: row.id, title: row.title, startsAt: row.starts_at } : null;
}

/** A person's name, as the archive has it. */
export function personName(db: SqliteDb, id: string): string | null {
  const row = statement(db, 'SELECT name FROM person WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Another item type with this label under a different key. */
export function itemTypeWithLabel(db: SqliteDb, label: string, exceptKeys: readonly string[]): string | null {
  const row = statement(
    db,
    'SELECT key FROM item_type WHERE label = ? COLLATE NOCASE AND key NOT IN (SELECT value FROM json_each(?))',
  ).get(label, JSON.stringify(exceptKeys)) as { key: string } | undefined;
  return row?.key ?? null;
}

/**
 * The ids of the decisions the archive has on these items, by item. One query for a whole file: a
 * whole archive's file has tens of thousands of decisions.
 */
export function decisionIdsOnItems(db: SqliteDb, itemIds: readonly string[]): Map<string, string> {
  if (itemIds.length === 0) return new Map();
  const rows = statement(db, 'SELECT item_id, id FROM decision WHERE item_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(itemIds),
  ) as { item_id: string; id: string }[];
  return new Map(rows.map((r) => [r.item_id, r.id]));
}

/** The ids of these meetings' referat versions in the archive, by meeting and then by version number. */
export function referatVersionIds(db: SqliteDb, meetingIds: readonly string[]): Map<string, Map<number, string>> {
  const byMeeting = new Map<string, Map<number, string>>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = statement(db, 'SELECT meeting_id, version, id FROM referat_version WHERE meeting_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(meetingIds),
  ) as { meeting_id: string; version: number; id: string }[];
  for (const r of rows) {
    const versions = byMeeting.get(r.meeting_id) ?? new Map<number, string>();
    versions.set(r.version, r.id);
    byMeeting.set(r.meeting_id, versions);
  }
  return byMeeting;
}

export function rowCounts(db: SqliteDb): Record<ExchangeTable, number> {
  const counts = {} as Record<ExchangeTable, number>;
  for (const table of EXCHANGE_TABLES) {
    counts[table] = (statement(db, `SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The meetings and actions the content writes: whose search documents a bulk write assembles. */
export function searchScope(content: ExchangeContent): BulkScope {
  return {
    meetingIds: content.meetings.map((m) => m.id),
    actionIds: [...content.forums.flatMap((f) => f.actions), ...content.meetings.flatMap((m) => m.actions)].map((a) => a.id),
  };
}

/**
 * Upserts every row of the content: a row with the same key is overwritten (the file wins), others
 * are added, and nothing is deleted. References to items are set in a last pass, once every item
 * exists; a link to an earlier item that is neither in the file nor in the archive is left empty.
 */
export function writeExchange(db: SqliteDb, content: ExchangeContent): void {
  for (const t of content.itemTypes) {
    statement(
      db,
      `INSERT INTO item_type (key, label, created_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET label = excluded.label, created_at = excluded.created_at`,
    ).run(t.key, t.label, t.createdAt);
  }
  for (const p of content.persons) {
    statement(
      db,
      `INSERT INTO person (id, name, created_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_at = excluded.created_at`,
    ).run(p.id, p.name, p.createdAt);
  }
  for (const forum of content.forums) writeForum(db, forum);
  writeSager(db, content.sager);
  // Only a meeting the archive has already can have items that must step aside (writeItems).
  const meetingsHere = presentKeys(db, 'meeting', content.meetings.map((m) => m.id));
  for (const meeting of content.meetings) writeMeeting(db, meeting, meetingsHere.has(meeting.id));

  // Every row of the file was written with these links empty; only the ones that point somewhere are set.
  const itemsInFile = content.meetings.flatMap((m) => m.items);
  const carriedFrom = itemsInFile.flatMap((item) => (item.carriedFromItemId === null ? [] : [item.carriedFromItemId]));
  const known = presentKeys(db, 'agenda_item', carriedFrom);
  const setCarried = statement(db, 'UPDATE agenda_item SET carried_from_item_id = ? WHERE id = ?');
  for (const item of itemsInFile) {
    if (item.carriedFromItemId !== null && known.has(item.carriedFromItemId)) setCarried.run(item.carriedFromItemId, item.id);
  }
  const setRunItems = statement(db, 'UPDATE meeting SET current_item_id = ?, readback_item_id = ? WHERE id = ?');
  for (const m of content.meetings) {
    if (m.run.currentItemId !== null || m.run.readbackItemId !== null) setRunItems.run(m.run.currentItemId, m.run.readbackItemId, m.id);
  }

  // A split action points at the action it came from when that action is in the archive.
  const actionsInFile = [...content.forums.flatMap((f) => f.actions), ...content.meetings.flatMap((m) => m.actions)];
  const parents = presentKeys(
    db,
    'action',
    actionsInFile.flatMap((a) => (a.parentActionId === null ? [] : [a.parentActionId])),
  );
  const setParent = statement(db, 'UPDATE action SET parent_action_id = ? WHERE id = ?');
  for (const a of actionsInFile) {
    if (a.parentActionId !== null && parents.has(a.parentActionId)) setParent.run(a.parentActionId, a.id);
  }

  // A note names the meeting it was written in when that meeting is in the archive.
  const notesInFile = actionsInFile.flatMap((a) => a.notes);
  const noteMeetings = presentKeys(
    db,
    'meeting',
    notesInFile.flatMap((n) => (n.meetingId === null ? [] : [n.meetingId])),
  );
  const setNoteMeeting = statement(db, 'UPDATE action_note SET meeting_id = ? WHERE id = ?');
  for (const n of notesInFile) {
    if (n.meetingId !== null && noteMeetings.has(n.meetingId)) setNoteMeeting.run(n.meetingId, n.id);
  }
}

function writeForum(db: SqliteDb, f: ExchangeForum): void {
  statement(
    db,
    `INSERT INTO forum (id, kind, name, school, purpose, mandate, understanding, cadence, default_minutes, default_place,
                        require_action_due, demo, cycle_json, created_at)
     VALUES (@id, @kind, @name, @school, @purpose, @mandate, @understanding, @cadence, @defaultMinutes, @defaultPlace,
             @requireActionDue, @demo, @cycleJson, @createdAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, school = excluded.school,
       purpose = excluded.purpose, mandate = excluded.mandate, understanding = excluded.understanding,
       cadence = excluded.cadence, default_minutes = excluded.default_minutes, default_place = excluded.default_place,
       require_action_due = excluded.require_action_due, demo = excluded.demo, cycle_json = excluded.cycle_json,
       created_at = excluded.created_at`,
  ).run({
    id: f.id,
    kind: f.kind,
    name: f.name,
    school: f.school,
    purpose: f.purpose,
    mandate: f.mandate,
    understanding: f.understanding,
    cadence: f.cadence,
    defaultMinutes: f.defaultMinutes,
    defaultPlace: f.defaultPlace,
    requireActionDue: bit(f.requireActionDue),
    demo: bit(f.demo),
    cycleJson: f.cycle === null ? '' : JSON.stringify(f.cycle),
    createdAt: f.createdAt,
  });
  for (const c of f.colours) {
    statement(
      db,
      `INSERT INTO forum_colour (forum_id, colour, label, code, shape, meaning, hex, text_hex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (forum_id, colour) DO UPDATE SET label = excluded.label, code = excluded.code, shape = excluded.shape,
         meaning = excluded.meaning, hex = excluded.hex, text_hex = excluded.text_hex`,
    ).run(f.id, c.key, c.label, c.code, c.shape, c.meaning, c.hex, c.textHex);
  }
  for (const g of f.groundRules) {
    statement(
      db,
      `INSERT INTO ground_rules (forum_id, version, text, note, changed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (forum_id, version) DO UPDATE SET text = excluded.text, note = excluded.note, changed_at = excluded.changed_at`,
    ).run(f.id, g.version, g.text, g.note, g.changedAt);
  }
  for (const m of f.members) {
    statement(
      db,
      `INSERT INTO forum_member (id, forum_id, person_id, role, from_date, to_date, agenda_owner, chair) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET forum_id = excluded.forum_id, person_id = excluded.person_id, role = excluded.role,
         from_date = excluded.from_date, to_date = excluded.to_date, agenda_owner = excluded.agenda_owner, chair = excluded.chair`,
    ).run(m.id, f.id, m.personId, m.role, m.fromDate, m.toDate, bit(m.agendaOwner), bit(m.chair));
  }
  for (const t of f.themes) {
    statement(
      db,
      `INSERT INTO forum_theme (id, forum_id, month, title) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET forum_id = excluded.forum_id, month = excluded.month, title = excluded.title`,
    ).run(t.id, f.id, t.month, t.title);
  }
  for (const a of f.actions) writeAction(db, { ...a, forumId: f.id, meetingId: null, itemId: null });
}

function writeAction(
  db: SqliteDb,
  a: ExchangeForum['actions'][number] & { forumId: string; meetingId: string | null; itemId: string | null },
): void {
  // The parent is linked once every action in the file exists (see writeExchange). A file never opens an
  // action the archive holds as closed (an older file knows no flag); opening an item in the file opens its
  // actions through the item's own trigger.
  statement(
    db,
    `INSERT INTO action (id, forum_id, meeting_id, item_id, term, what, who, due, status, created_at, drop_reason, confidential)
     VALUES (@id, @forumId, @meetingId, @itemId, @term, @what, @who, @due, @status, @createdAt, @dropReason, @confidential)
     ON CONFLICT (id) DO UPDATE SET forum_id = excluded.forum_id, meeting_id = excluded.meeting_id, item_id = excluded.item_id,
       term = excluded.term, what = excluded.what, who = excluded.who, due = excluded.due, status = excluded.status,
       created_at = excluded.created_at, drop_reason = excluded.drop_reason, parent_action_id = NULL,
       confidential = max(action.confidential, excluded.confidential)`,
  ).run({
    id: a.id,
    forumId: a.forumId,
    meetingId: a.meetingId,
    itemId: a.itemId,
    term: a.term,
    what: a.what,
    who: a.who,
    due: a.due,
    status: a.status,
    createdAt: a.createdAt,
    dropReason: a.dropReason,
    confidential: bit(a.confidential),
  });
  for (const n of a.notes) {
    statement(
      db,
      `INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET action_id = excluded.action_id, note = excluded.note, status_from = excluded.status_from,
         status_to = excluded.status_to, created_at = excluded.created_at, resolution = excluded.resolution, meeting_id = NULL`,
    ).run(n.id, a.id, n.note, n.statusFrom, n.statusTo, n.createdAt, n.resolution);
  }
}

function writeMeeting(db: SqliteDb, m: ExchangeMeeting, inArchive: boolean): void {
  // The run's item references are set once the items exist (see writeExchange).
  statement(
    db,
    `INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, place, purpose, status, agenda_sent_at, created_at,
                          run_phase, current_item_id, presenter_confidential, readback_item_id)
     VALUES (@id, @forumId, @title, @startsAt, @durationMinutes, @place, @purpose, @status, @agendaSentAt, @createdAt,
             @phase, NULL, @presenterConfidential, NULL)
     ON CONFLICT (id) DO UPDATE SET forum_id = excluded.forum_id, title = excluded.title, starts_at = excluded.starts_at,
       duration_minutes = excluded.duration_minutes, place = excluded.place, purpose = excluded.purpose,
       status = excluded.status, agenda_sent_at = excluded.agenda_sent_at, created_at = excluded.created_at,
       run_phase = excluded.run_phase, current_item_id = NULL, presenter_confidential = excluded.presenter_confidential,
       readback_item_id = NULL`,
  ).run({
    id: m.id,
    forumId: m.forumId,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    place: m.place,
    purpose: m.purpose,
    status: m.status,
    agendaSentAt: m.agendaSentAt,
    createdAt: m.createdAt,
    phase: m.run.phase,
    presenterConfidential: bit(m.run.presenterConfidential),
  });
  for (const p of m.participants) {
    statement(
      db,
      `INSERT INTO meeting_participant (meeting_id, person_id, role, attendance, facilitator, referent, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, person_id) DO UPDATE SET role = excluded.role, attendance = excluded.attendance,
         facilitator = excluded.facilitator, referent = excluded.referent, position = excluded.position`,
    ).run(m.id, p.personId, p.role, p.attendance, bit(p.facilitator), bit(p.referent), p.position);
  }
  writeItems(db, m, inArchive);
  for (const a of m.actions) writeAction(db, { ...a, forumId: m.forumId, meetingId: m.id });
  for (const t of m.checkout) {
    statement(
      db,
      `INSERT INTO checkout_tally (meeting_id, question_index, question, answer, count) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, question_index, answer) DO UPDATE SET question = excluded.question, count = excluded.count`,
    ).run(m.id, t.questionIndex, t.question, t.answer, t.count);
  }
  for (const v of m.referat) {
    statement(
      db,
      `INSERT INTO referat_version (id, meeting_id, version, status, change_note, created_at, approved_at, snapshot, changes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, version = excluded.version, status = excluded.status,
         change_note = excluded.change_note, created_at = excluded.created_at, approved_at = excluded.approved_at,
         snapshot = excluded.snapshot, changes = excluded.changes`,
    ).run(v.id, m.id, v.version, v.status, v.changeNote, v.createdAt, v.approvedAt, v.snapshot, asJson(v.changes));
    for (const a of v.approvals) {
      statement(
        db,
        `INSERT INTO referat_approval (version_id, person_id, role, approved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (version_id, person_id) DO UPDATE SET role = excluded.role, approved_at = excluded.approved_at`,
      ).run(v.id, a.personId, a.role, a.approvedAt);
    }
  }
}

/**
 * Item numbers are unique per meeting. The meeting's items step aside (negative numbers) while the
 * file's items take theirs; items only the archive has keep their order after the file's.
 */
function writeItems(db: SqliteDb, m: ExchangeMeeting, inArchive: boolean): void {
  if (inArchive) statement(db, 'UPDATE agenda_item SET position = -position WHERE meeting_id = ? AND position > 0').run(m.id);
  for (const item of m.items) {
    statement(
      db,
      `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background,
                                announced_given, announced_open, confidential, sensitive, forvarsel_at, forvarsel_note, added_late, consent_by, consent_at, notes, process,
                                round_done, cycle_phase, timer_elapsed, timer_started_at, run_state, carried_from_item_id, sag_id)
       VALUES (@id, @meetingId, @position, @title, @type, @minutes, @announcedColour, @owner, @background,
               @announcedGiven, @announcedOpen, @confidential, @sensitive, @forvarselAt, @forvarselNote, @addedLate, @consentBy, @consentAt, @notes, @process,
               @roundDone, @cyclePhase, @timerElapsed, @timerStartedAt, @runState, NULL, @sagId)
       ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, position = excluded.position, title = excluded.title,
         type = excluded.type, minutes = excluded.minutes, announced_colour = excluded.announced_colour, owner = excluded.owner,
         background = excluded.background, announced_given = excluded.announced_given,
         announced_open = excluded.announced_open, sensitive = excluded.sensitive,
         -- A file from before the item was closed here (or written to open it) never opens it again.
         confidential = max(agenda_item.confidential, excluded.confidential),
         forvarsel_at = excluded.forvarsel_at, forvarsel_note = excluded.forvarsel_note, added_late = excluded.added_late,
         consent_by = excluded.consent_by, consent_at = excluded.consent_at, notes = excluded.notes, process = excluded.process,
         round_done = excluded.round_done, cycle_phase = excluded.cycle_phase, timer_elapsed = excluded.timer_elapsed,
         timer_started_at = excluded.timer_started_at, run_state = excluded.run_state, carried_from_item_id = NULL,
         -- An import never takes anything away: an item the file has outside any sag (as every item of a
         -- file from before sager) keeps the sag it has here.
         sag_id = COALESCE(excluded.sag_id, agenda_item.sag_id)`,
    ).run({
      id: item.id,
      meetingId: m.id,
      position: item.position,
      title: item.title,
      type: item.type,
      minutes: item.minutes,
      announcedColour: item.announcedColour,
      owner: item.owner,
      background: item.background,
      announcedGiven: item.announcedGiven,
      announcedOpen: item.announcedOpen,
      confidential: bit(item.confidential),
      sensitive: bit(item.sensitive),
      forvarselAt: item.forvarselAt,
      forvarselNote: item.forvarselNote,
      addedLate: bit(item.addedLate),
      consentBy: item.consentBy,
      consentAt: item.consentAt,
      notes: item.notes,
      process: item.process,
      roundDone: asJson(item.roundDone),
      cyclePhase: item.cyclePhase,
      timerElapsed: item.timerElapsed,
      timerStartedAt: item.timerStartedAt,
      runState: item.runState,
      sagId: item.sagId,
    });
    if (item.decision) writeDecision(db, item.id, item.decision);
  }
  // A meeting new to the archive has no items but the file's: none stepped aside.
  if (!inArchive) return;
  const leftOver = statement(db, 'SELECT id FROM agenda_item WHERE meeting_id = ? AND position <= 0 ORDER BY position DESC, id').all(
    m.id,
  ) as { id: string }[];
  const last = m.items.reduce((max, item) => Math.max(max, item.position), 0);
  leftOver.forEach(({ id }, index) => statement(db, 'UPDATE agenda_item SET position = ? WHERE id = ?').run(last + index + 1, id));
}

function writeDecision(db: SqliteDb, itemId: string, decision: NonNullable<ExchangeItem['decision']>): void {
  const { dissents, ...d } = decision;
  statement(
    db,
    `INSERT INTO decision (id, item_id, outcome, colour, colour_reason, text, decided_by, dissent, involve_context, involve_need,
                           involve_how, explain_reasoning, explain_compromises, explain_constraints, expect_given, expect_open,
                           expect_of_whom, recorded_at, final_at)
     VALUES (@id, @itemId, @outcome, @colour, @colourReason, @text, @decidedBy, @dissent, @involveContext, @involveNeed,
             @involveHow, @explainReasoning, @explainCompromises, @explainConstraints, @expectGiven, @expectOpen,
             @expectOfWhom, @recordedAt, @finalAt)
     ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, outcome = excluded.outcome, colour = excluded.colour,
       colour_reason = excluded.colour_reason, text = excluded.text, decided_by = excluded.decided_by, dissent = excluded.dissent,
       involve_context = excluded.involve_context, involve_need = excluded.involve_need, involve_how = excluded.involve_how,
       explain_reasoning = excluded.explain_reasoning, explain_compromises = excluded.explain_compromises,
       explain_constraints = excluded.explain_constraints, expect_given = excluded.expect_given,
       expect_open = excluded.expect_open, expect_of_whom = excluded.expect_of_whom, recorded_at = excluded.recorded_at,
       final_at = excluded.final_at`,
  ).run({ ...d, itemId, dissent: '' });
  // A person the archive does not know (not in the file, or removed) leaves the name and role standing.
  const known = (personId: string | null) =>
    personId !== null && statement(db, 'SELECT 1 FROM person WHERE id = ?').get(personId) !== undefined ? personId : null;
  replaceDissents(db, d.id, dissents.map((dissent) => ({ ...dissent, personId: known(dissent.personId) })));
}
