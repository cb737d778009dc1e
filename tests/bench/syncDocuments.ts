/**
 * Meeting documents for the sync benchmarks, built from the 10-year bench archive's own meetings: one Yjs
 * document per meeting in the shape `shared/sync/documents.ts` names (root map `moede` with the meeting's
 * fields and its items; each item with its background and notes as text, its decision and its actions),
 * so their size and structure are those of a real forum's record. A confidential item is a title-less
 * placeholder here, as in the shared record. Built directly with yjs; the product's codec replaces this.
 */
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { MEETING_ROOT, documentName } from '../../shared/sync/documents';

export interface BenchMeeting {
  forumId: string;
  meetingId: string;
  name: string;
  /** The whole document as one update, as a laptop that shares the forum sends it. */
  update: Uint8Array;
}

interface MeetingRow {
  id: string;
  forum_id: string;
  title: string;
  starts_at: string;
  place: string | null;
  status: string;
}
interface ItemRow {
  id: string;
  meeting_id: string;
  title: string;
  type: string;
  owner: string | null;
  announced_colour: string | null;
  background: string | null;
  notes: string | null;
  confidential: number;
}
interface DecisionRow {
  item_id: string;
  colour: string | null;
  text: string | null;
  outcome: string | null;
  dissent: string | null;
}
interface ActionRow {
  id: string;
  item_id: string;
  what: string;
  who: string | null;
  due: string | null;
  status: string;
}

/** The forums of the archive, most meetings first: the first is the 10-year forum a new laptop pulls. */
export function forumsBySize(archivePath: string): { forumId: string; meetings: number }[] {
  const db = new Database(archivePath, { readonly: true });
  try {
    return db
      .prepare('SELECT forum_id AS forumId, COUNT(*) AS meetings FROM meeting GROUP BY forum_id ORDER BY meetings DESC, forum_id')
      .all() as { forumId: string; meetings: number }[];
  } finally {
    db.close();
  }
}

/** Every meeting of the given forums as a document. */
export function meetingDocuments(archivePath: string, forumIds: string[]): BenchMeeting[] {
  const db = new Database(archivePath, { readonly: true });
  try {
    const meetings = db.prepare('SELECT id, forum_id, title, starts_at, place, status FROM meeting WHERE forum_id = ? ORDER BY starts_at');
    const items = db.prepare(
      `SELECT i.id, i.meeting_id, i.title, i.type, i.owner, i.announced_colour, i.background, i.notes, i.confidential
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.forum_id = ? ORDER BY i.position`,
    );
    const decisions = db.prepare(
      `SELECT d.item_id, d.colour, d.text, d.outcome, d.dissent FROM decision d
         JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id WHERE m.forum_id = ?`,
    );
    const actions = db.prepare('SELECT id, item_id, what, who, due, status FROM action WHERE forum_id = ? AND item_id IS NOT NULL');
    const result: BenchMeeting[] = [];
    for (const forumId of forumIds) {
      const itemsOf = groupBy(items.all(forumId) as ItemRow[], (row) => row.meeting_id);
      const decisionOf = new Map((decisions.all(forumId) as DecisionRow[]).map((row) => [row.item_id, row]));
      const actionsOf = groupBy(actions.all(forumId) as ActionRow[], (row) => row.item_id);
      for (const meeting of meetings.all(forumId) as MeetingRow[]) {
        const doc = buildMeeting(meeting, itemsOf.get(meeting.id) ?? [], decisionOf, actionsOf);
        result.push({
          forumId,
          meetingId: meeting.id,
          name: documentName({ kind: 'moede', forumId, meetingId: meeting.id }),
          update: Y.encodeStateAsUpdate(doc),
        });
        doc.destroy();
      }
    }
    return result;
  } finally {
    db.close();
  }
}

function buildMeeting(meeting: MeetingRow, items: ItemRow[], decisionOf: Map<string, DecisionRow>, actionsOf: Map<string, ActionRow[]>): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const root = doc.getMap<unknown>(MEETING_ROOT);
    root.set('id', meeting.id);
    root.set('titel', meeting.title);
    root.set('starter', meeting.starts_at);
    root.set('sted', meeting.place ?? '');
    root.set('status', meeting.status);
    const punkter = new Y.Array<Y.Map<unknown>>();
    root.set('punkter', punkter);
    for (const item of items) {
      const punkt = new Y.Map<unknown>();
      punkter.push([punkt]);
      punkt.set('id', item.id);
      if (item.confidential) {
        punkt.set('fortroligt', true);
        continue;
      }
      punkt.set('titel', item.title);
      punkt.set('type', item.type);
      punkt.set('ansvarlig', item.owner ?? '');
      punkt.set('farve', item.announced_colour ?? '');
      punkt.set('baggrund', new Y.Text(item.background ?? ''));
      punkt.set('noter', new Y.Text(item.notes ?? ''));
      const decision = decisionOf.get(item.id);
      if (decision) {
        const beslutning = new Y.Map<unknown>();
        punkt.set('beslutning', beslutning);
        beslutning.set('farve', decision.colour ?? '');
        beslutning.set('udfald', decision.outcome ?? '');
        beslutning.set('tekst', new Y.Text(decision.text ?? ''));
        beslutning.set('dissens', new Y.Text(decision.dissent ?? ''));
      }
      const handlinger = new Y.Array<Y.Map<unknown>>();
      punkt.set('handlinger', handlinger);
      for (const action of actionsOf.get(item.id) ?? []) {
        const handling = new Y.Map<unknown>();
        handlinger.push([handling]);
        handling.set('id', action.id);
        handling.set('hvad', new Y.Text(action.what));
        handling.set('hvem', action.who ?? '');
        handling.set('frist', action.due ?? '');
        handling.set('status', action.status);
      }
    }
  });
  return doc;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return groups;
}
