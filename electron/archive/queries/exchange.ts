import type { ExchangeFile, ExchangeForum, ExchangeMeeting, ExchangeScope } from '../../../shared/exchange/format';
import type { SqliteDb } from '../open';
import type { BulkScope } from '../searchIndexing';
import { statement } from '../statements';
import { dissentText } from '../../../shared/domain/dissent';
import { themeKey } from '../../../shared/domain/listening';
import { presentKeys } from './exchangeLookups';
import {
  FILE_ACTION_NOTES,
  FILE_APPROVALS,
  FILE_CHECKOUT,
  FILE_COLOURS,
  FILE_COMMENTS,
  FILE_CONSENTS,
  FILE_DECISIONS,
  FILE_DISSENTS,
  FILE_FORUM_ACTIONS,
  FILE_FORUMS,
  FILE_GROUND_RULES,
  FILE_ITEM_TYPES,
  FILE_ITEMS,
  FILE_LISTENING_INPUTS,
  FILE_LISTENING_INPUT_THEMES,
  FILE_LISTENING_MEETINGS,
  FILE_LISTENING_SERIES,
  FILE_LISTENING_THEMES,
  FILE_MEETING_ACTIONS,
  FILE_MEETINGS,
  FILE_MEMBERS,
  FILE_PARTICIPANTS,
  FILE_PERSONS,
  FILE_RECORD_LAYOUTS,
  FILE_REFERAT_VERSIONS,
  FILE_SAGER,
  FILE_THEMES,
} from './exchangeRecords';
import { laterLinks, linkLater, readFileRecords, readFileRecordsBy, writeFileRecord, type LaterLink, type StoredRow } from './exchangeRows';

/**
 * Reads and writes the exchange file's rows: which records go in a file of a meeting, a forum or the
 * whole archive, and how they nest. The records' fields come from their declarations (exchangeRows.ts).
 * Reading sorts by stable keys only, so the same content always gives the same file. Writing upserts
 * record by record, parents first; the caller has validated the whole file first and runs the writes in
 * one transaction.
 */

export type ExchangeContent = Pick<ExchangeFile, 'itemTypes' | 'persons' | 'forums' | 'meetings' | 'sager' | 'listeningSeries'>;
type ExchangeSeries = ExchangeFile['listeningSeries'][number];

/** The tables the exchange file covers, in the order they are written. */
export const EXCHANGE_TABLES: readonly string[] = [...new Set(FILE_RECORD_LAYOUTS.map((layout) => layout.codec.table))];

const inList = (column: string) => `"${column}" IN (SELECT value FROM json_each(?))`;

// ---------------------------------------------------------------------------------------------
// Reading

/** Everything in the scope, or null when the meeting or forum asked for is not in the archive. */
export function readExchange(db: SqliteDb, scope: ExchangeScope, id: string | null): ExchangeContent | null {
  // A single meeting travels without the forum's other business: only its own actions go with it.
  const withOwnActions = scope !== 'moede';
  let forums: ExchangeForum[];
  let meetings: ExchangeMeeting[];
  if (scope === 'arkiv') {
    forums = readForums(db, '1', [], withOwnActions);
    meetings = readMeetings(db, '1', []);
  } else if (scope === 'forum') {
    forums = readForums(db, 'id = ?', [id], withOwnActions);
    if (forums.length === 0) return null;
    meetings = readMeetings(db, 'forum_id = ?', [id]);
  } else {
    meetings = readMeetings(db, 'id = ?', [id]);
    const meeting = meetings[0];
    if (!meeting) return null;
    forums = readForums(db, 'id = ?', [meeting.forumId], withOwnActions);
  }
  const sagIds = new Set(meetings.flatMap((m) => m.items.flatMap((item) => (item.sagId === null ? [] : [item.sagId]))));
  const sager = sagIds.size === 0 ? [] : readFileRecords(db, FILE_SAGER, inList('id'), [JSON.stringify([...sagIds])]);
  // The whole archive holds every series, a forum's and those kept on this laptop alone; a forum its own; a meeting none.
  const listeningSeries = scope === 'arkiv' ? readSeries(db, '1', []) : scope === 'forum' ? readSeries(db, 'forum_id = ?', [id]) : [];
  if (scope === 'arkiv') {
    const everyone = { itemTypes: readFileRecords(db, FILE_ITEM_TYPES, '1', []), persons: readFileRecords(db, FILE_PERSONS, '1', []) };
    return { ...everyone, forums, meetings, sager, listeningSeries };
  }
  const personIds = new Set<string>();
  for (const forum of forums) for (const member of forum.members) personIds.add(member.personId);
  for (const meeting of meetings) {
    for (const participant of meeting.participants) personIds.add(participant.personId);
    for (const version of meeting.referat) for (const approval of version.approvals) personIds.add(approval.personId);
    // Who put an item on, consented to it or commented on it: named in the file, so the file brings the person.
    for (const item of meeting.items) {
      if (item.addedBy !== null) personIds.add(item.addedBy);
      for (const consent of item.consents) personIds.add(consent.personId);
      for (const comment of item.comments) if (comment.authorId !== null) personIds.add(comment.authorId);
    }
  }
  const typeKeys = new Set(meetings.flatMap((meeting) => meeting.items.map((item) => item.type)));
  return {
    itemTypes: readFileRecords(db, FILE_ITEM_TYPES, inList('key'), [JSON.stringify([...typeKeys])]),
    persons: readFileRecords(db, FILE_PERSONS, inList('id'), [JSON.stringify([...personIds])]),
    forums,
    meetings,
    sager,
    listeningSeries,
  };
}

/** Lyttemøde series with their themes, meetings and inputs; no person is read here. */
function readSeries(db: SqliteDb, where: string, params: readonly unknown[]): ExchangeSeries[] {
  const ofSeries = `series_id IN (SELECT id FROM listening_series WHERE ${where})`;
  const ofMeetings = `meeting_id IN (SELECT id FROM listening_meeting WHERE ${ofSeries})`;
  const inputThemes = readFileRecordsBy(db, FILE_LISTENING_INPUT_THEMES, 'input_id', `input_id IN (SELECT id FROM listening_input WHERE ${ofMeetings})`, params);
  const inputs = readFileRecordsBy(db, FILE_LISTENING_INPUTS, 'meeting_id', ofMeetings, params, (row) => ({
    themes: inputThemes.get(row['id'] ?? null) ?? [],
  }));
  const meetings = readFileRecordsBy(db, FILE_LISTENING_MEETINGS, 'series_id', ofSeries, params, (row) => ({
    inputs: inputs.get(row['id'] ?? null) ?? [],
  }));
  const themes = readFileRecordsBy(db, FILE_LISTENING_THEMES, 'series_id', ofSeries, params);
  return readFileRecords(db, FILE_LISTENING_SERIES, where, params, (row) => ({
    themes: themes.get(row['id'] ?? null) ?? [],
    meetings: meetings.get(row['id'] ?? null) ?? [],
  }));
}

/** Each action with its notes, oldest first. */
function notesOf(db: SqliteDb, where: string, params: readonly unknown[]) {
  const notes = readFileRecordsBy(db, FILE_ACTION_NOTES, 'action_id', `action_id IN (SELECT id FROM action WHERE ${where})`, params);
  return (row: StoredRow) => ({ notes: notes.get(row['id'] ?? null) ?? [] });
}

function readForums(db: SqliteDb, where: string, params: readonly unknown[], withOwnActions: boolean): ExchangeForum[] {
  return readFileRecords(db, FILE_FORUMS, where, params, (row) => {
    const forum = [row['id']];
    const ownActions = 'forum_id = ? AND meeting_id IS NULL';
    return {
      colours: readFileRecords(db, FILE_COLOURS, 'forum_id = ?', forum),
      groundRules: readFileRecords(db, FILE_GROUND_RULES, 'forum_id = ?', forum),
      members: readFileRecords(db, FILE_MEMBERS, 'forum_id = ?', forum),
      themes: readFileRecords(db, FILE_THEMES, 'forum_id = ?', forum),
      actions: withOwnActions ? readFileRecords(db, FILE_FORUM_ACTIONS, ownActions, forum, notesOf(db, ownActions, forum)) : [],
    };
  });
}

function readMeetings(db: SqliteDb, where: string, params: readonly unknown[]): ExchangeMeeting[] {
  return readFileRecords(db, FILE_MEETINGS, where, params, (row) => {
    const meeting = [row['id']];
    return {
      participants: readFileRecords(db, FILE_PARTICIPANTS, 'meeting_id = ?', meeting),
      items: readItems(db, meeting),
      actions: readFileRecords(db, FILE_MEETING_ACTIONS, 'meeting_id = ?', meeting, notesOf(db, 'meeting_id = ?', meeting)),
      checkout: readFileRecords(db, FILE_CHECKOUT, 'meeting_id = ?', meeting),
      referat: readReferat(db, meeting),
    };
  });
}

function readItems(db: SqliteDb, meeting: readonly unknown[]): ExchangeMeeting['items'] {
  const ofMeeting = 'item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)';
  const dissents = readFileRecordsBy(db, FILE_DISSENTS, 'decision_id', `decision_id IN (SELECT id FROM decision WHERE ${ofMeeting})`, meeting);
  const decisions = readFileRecordsBy(db, FILE_DECISIONS, 'item_id', ofMeeting, meeting, (row) => ({
    dissents: dissents.get(row['id'] ?? null) ?? [],
  }));
  const itemsOfMeeting = 'item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)';
  const consents = readFileRecordsBy(db, FILE_CONSENTS, 'item_id', itemsOfMeeting, meeting);
  const comments = readFileRecordsBy(db, FILE_COMMENTS, 'item_id', itemsOfMeeting, meeting);
  return readFileRecords(db, FILE_ITEMS, 'meeting_id = ?', meeting, (row) => ({
    decision: decisions.get(row['id'] ?? null)?.[0] ?? null,
    consents: consents.get(row['id'] ?? null) ?? [],
    comments: comments.get(row['id'] ?? null) ?? [],
  }));
}

function readReferat(db: SqliteDb, meeting: readonly unknown[]): ExchangeMeeting['referat'] {
  const approvals = readFileRecordsBy(db, FILE_APPROVALS, 'version_id', 'version_id IN (SELECT id FROM referat_version WHERE meeting_id = ?)', meeting);
  return readFileRecords(db, FILE_REFERAT_VERSIONS, 'meeting_id = ?', meeting, (row) => ({ approvals: approvals.get(row['id'] ?? null) ?? [] }));
}

export function rowCounts(db: SqliteDb): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of EXCHANGE_TABLES) {
    counts[table] = (statement(db, `SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
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
 * Upserts every row of the content: a row with the same key is overwritten (the file wins, but for what
 * exchangeRecords.ts says an import keeps), others are added, and nothing is deleted but a decision's
 * dissents, which the file gives whole. References to rows that may come later are set in a last pass,
 * once every row exists; a link to a row that is neither in the file nor in the archive is left empty.
 */
export function writeExchange(db: SqliteDb, content: ExchangeContent): void {
  const links: LaterLink[] = [];
  for (const t of content.itemTypes) writeFileRecord(db, FILE_ITEM_TYPES, t);
  for (const p of content.persons) writeFileRecord(db, FILE_PERSONS, p);
  for (const forum of content.forums) writeForum(db, forum, links);
  for (const sag of content.sager) writeFileRecord(db, FILE_SAGER, sag);
  // Only a meeting the archive has already can have items that must step aside (writeItems).
  const meetingsHere = presentKeys(db, 'meeting', content.meetings.map((m) => m.id));
  for (const meeting of content.meetings) writeMeeting(db, meeting, meetingsHere.has(meeting.id), links);
  for (const series of content.listeningSeries) writeSeries(db, series);
  linkLater(db, links);
}

function writeSeries(db: SqliteDb, s: ExchangeSeries): void {
  writeFileRecord(db, FILE_LISTENING_SERIES, s);
  for (const t of s.themes) writeFileRecord(db, FILE_LISTENING_THEMES, t, { series_id: s.id, name_key: themeKey(t.name) });
  for (const m of s.meetings) {
    writeFileRecord(db, FILE_LISTENING_MEETINGS, m, { series_id: s.id });
    writeInputs(db, m);
  }
}

/**
 * Input numbers are unique per lyttemøde, as item numbers per meeting (writeItems): the meeting's inputs step
 * aside while the file's take their numbers, and inputs only the archive has keep their order after the file's.
 */
function writeInputs(db: SqliteDb, m: ExchangeSeries['meetings'][number]): void {
  statement(db, 'UPDATE listening_input SET position = -position WHERE meeting_id = ? AND position > 0').run(m.id);
  for (const input of m.inputs) {
    writeFileRecord(db, FILE_LISTENING_INPUTS, input, { meeting_id: m.id });
    for (const theme of input.themes) writeFileRecord(db, FILE_LISTENING_INPUT_THEMES, theme, { input_id: input.id });
  }
  const leftOver = statement(db, 'SELECT id FROM listening_input WHERE meeting_id = ? AND position <= 0 ORDER BY position DESC, id').pluck().all(m.id) as string[];
  const last = m.inputs.reduce((max, input) => Math.max(max, input.position), 0);
  leftOver.forEach((id, index) => statement(db, 'UPDATE listening_input SET position = ? WHERE id = ?').run(last + index + 1, id));
}

function writeForum(db: SqliteDb, f: ExchangeForum, links: LaterLink[]): void {
  writeFileRecord(db, FILE_FORUMS, f);
  const given = { forum_id: f.id };
  for (const c of f.colours) writeFileRecord(db, FILE_COLOURS, c, given);
  for (const g of f.groundRules) writeFileRecord(db, FILE_GROUND_RULES, g, given);
  for (const m of f.members) writeFileRecord(db, FILE_MEMBERS, m, given);
  for (const t of f.themes) writeFileRecord(db, FILE_THEMES, t, given);
  const ownAction = { forum_id: f.id, meeting_id: null, item_id: null };
  for (const a of f.actions) {
    writeFileRecord(db, FILE_FORUM_ACTIONS, a, ownAction);
    links.push(...laterLinks(FILE_FORUM_ACTIONS, a, ownAction));
    writeNotes(db, a, links);
  }
}

function writeNotes(db: SqliteDb, a: ExchangeForum['actions'][number], links: LaterLink[]): void {
  const given = { action_id: a.id };
  for (const n of a.notes) {
    writeFileRecord(db, FILE_ACTION_NOTES, n, given);
    links.push(...laterLinks(FILE_ACTION_NOTES, n, given));
  }
}

function writeMeeting(db: SqliteDb, m: ExchangeMeeting, inArchive: boolean, links: LaterLink[]): void {
  writeFileRecord(db, FILE_MEETINGS, m);
  links.push(...laterLinks(FILE_MEETINGS, m));
  const given = { meeting_id: m.id };
  for (const p of m.participants) writeFileRecord(db, FILE_PARTICIPANTS, p, given);
  writeItems(db, m, inArchive, links);
  const ofMeeting = { forum_id: m.forumId, meeting_id: m.id };
  for (const a of m.actions) {
    writeFileRecord(db, FILE_MEETING_ACTIONS, a, ofMeeting);
    links.push(...laterLinks(FILE_MEETING_ACTIONS, a, ofMeeting));
    writeNotes(db, a, links);
  }
  for (const t of m.checkout) writeFileRecord(db, FILE_CHECKOUT, t, given);
  for (const v of m.referat) {
    writeFileRecord(db, FILE_REFERAT_VERSIONS, v, given);
    for (const a of v.approvals) writeFileRecord(db, FILE_APPROVALS, a, { version_id: v.id });
  }
}

/**
 * Item numbers are unique per meeting. The meeting's items step aside (negative numbers) while the
 * file's items take theirs; items only the archive has keep their order after the file's.
 */
function writeItems(db: SqliteDb, m: ExchangeMeeting, inArchive: boolean, links: LaterLink[]): void {
  if (inArchive) statement(db, 'UPDATE agenda_item SET position = -position WHERE meeting_id = ? AND position > 0').run(m.id);
  const given = { meeting_id: m.id };
  for (const item of m.items) {
    writeFileRecord(db, FILE_ITEMS, item, given);
    links.push(...laterLinks(FILE_ITEMS, item, given));
    if (item.decision) writeDecision(db, item.id, item.decision, links);
    for (const consent of item.consents) writeFileRecord(db, FILE_CONSENTS, consent, { item_id: item.id });
    for (const comment of item.comments) {
      writeFileRecord(db, FILE_COMMENTS, comment, { item_id: item.id });
      links.push(...laterLinks(FILE_COMMENTS, comment, { item_id: item.id }));
    }
  }
  // A meeting new to the archive has no items but the file's: none stepped aside.
  if (!inArchive) return;
  const leftOver = statement(db, 'SELECT id FROM agenda_item WHERE meeting_id = ? AND position <= 0 ORDER BY position DESC, id').all(
    m.id,
  ) as { id: string }[];
  const last = m.items.reduce((max, item) => Math.max(max, item.position), 0);
  leftOver.forEach(({ id }, index) => statement(db, 'UPDATE agenda_item SET position = ? WHERE id = ?').run(last + index + 1, id));
}

/** The file gives a decision's dissents whole: those it no longer has are gone. */
function writeDecision(db: SqliteDb, itemId: string, decision: NonNullable<ExchangeMeeting['items'][number]['decision']>, links: LaterLink[]): void {
  writeFileRecord(db, FILE_DECISIONS, decision, { item_id: itemId });
  statement(db, 'DELETE FROM decision_dissent WHERE decision_id = ?').run(decision.id);
  decision.dissents.forEach((dissent, position) => {
    const given = { decision_id: decision.id, position };
    writeFileRecord(db, FILE_DISSENTS, dissent, given);
    links.push(...laterLinks(FILE_DISSENTS, dissent, given));
  });
  // The decision's dissent as one text for search, as every write of dissent keeps it.
  statement(db, 'UPDATE decision SET dissent = ? WHERE id = ?').run(dissentText(decision.dissents), decision.id);
}
