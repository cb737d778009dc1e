import * as Y from 'yjs';
import type { SqliteDb } from '../../electron/archive/open';
import type { ArchiveServices } from '../../electron/services/dispatch';
import { createContext } from '../../electron/services/context';
import { createServices } from '../../electron/services/dispatch';
import { openArchive } from '../../electron/archive/open';
import type { AgendaItem } from '../../shared/api/types';
import { must, seedSlice, tempArchivePath } from './support';

/** A laptop: its own archive file and services, exchanging Yjs updates with others directly (no server). */
export interface Laptop {
  services: ArchiveServices;
  db: SqliteDb;
  path: string;
}

export const SERVER = 'wss://samtalerum.kommune.dk';

export function laptop(path = tempArchivePath()): Laptop {
  const archive = openArchive(path);
  return { services: createServices(createContext(archive, 'test')), db: archive.db, path };
}

/** Sends what `from` holds of the forum's documents and `to` lacks, as a server would, through applyRemoteUpdate. */
export function send(from: Laptop, to: Laptop, forumId: string, options: { confidential?: boolean } = {}): void {
  if (!to.services.sync.sharedForums().some((f) => f.forumId === forumId)) to.services.sync.shareForum(forumId, SERVER);
  for (const name of from.services.sync.documentNames(forumId)) {
    if (options.confidential === false && name.endsWith('/fortroligt')) continue;
    const update = Y.encodeStateAsUpdate(from.services.sync.docFor(name), Y.encodeStateVector(to.services.sync.docFor(name)));
    if (update.length > 2) to.services.sync.applyRemoteUpdate(name, update);
  }
}

/**
 * The server has taken everything `l` wrote to the forum's documents: each is acknowledged as the transport does it,
 * and a referat whose lock waited for that is locked (electron/sync/coreDocuments.ts).
 */
export async function serverTook(l: Laptop, forumId: string): Promise<void> {
  for (const name of l.services.sync.documentNames(forumId)) {
    l.services.sync.markAcknowledged(name, l.services.sync.lastLocalSeq(name));
    await l.services.lockAwaited(name);
  }
}

/** Every laptop sends to every other until none has anything new: what a server does, in any order. */
export function converge(laptops: readonly Laptop[], forumId: string): void {
  for (let round = 0; round < 3; round++) for (const from of laptops) for (const to of laptops) if (from !== to) send(from, to, forumId);
}

/** The forum's rows in every table a shared forum holds (drafts excepted), sorted, for comparing two archives. */
export function forumRows(db: SqliteDb, forumId: string): Record<string, unknown[]> {
  const meetings = `(SELECT id FROM meeting WHERE forum_id = '${forumId}')`;
  const items = `(SELECT id FROM agenda_item WHERE meeting_id IN ${meetings})`;
  const queries: Record<string, string> = {
    forum: `SELECT * FROM forum WHERE id = '${forumId}'`,
    forum_colour: `SELECT * FROM forum_colour WHERE forum_id = '${forumId}' ORDER BY colour`,
    forum_member: `SELECT m.*, p.name FROM forum_member m JOIN person p ON p.id = m.person_id WHERE forum_id = '${forumId}' ORDER BY m.id`,
    forum_theme: `SELECT * FROM forum_theme WHERE forum_id = '${forumId}' ORDER BY id`,
    ground_rules: `SELECT * FROM ground_rules WHERE forum_id = '${forumId}' ORDER BY version`,
    meeting: `SELECT * FROM meeting WHERE forum_id = '${forumId}' ORDER BY id`,
    agenda_item: `SELECT * FROM agenda_item WHERE meeting_id IN ${meetings} ORDER BY meeting_id, position`,
    decision: `SELECT * FROM decision WHERE item_id IN ${items} ORDER BY id`,
    decision_dissent: `SELECT * FROM decision_dissent WHERE decision_id IN (SELECT id FROM decision WHERE item_id IN ${items}) ORDER BY decision_id, position`,
    meeting_participant: `SELECT * FROM meeting_participant WHERE meeting_id IN ${meetings} ORDER BY meeting_id, position`,
    checkout_tally: `SELECT * FROM checkout_tally WHERE meeting_id IN ${meetings} ORDER BY meeting_id, question_index, answer`,
    referat_version: `SELECT * FROM referat_version WHERE meeting_id IN ${meetings} ORDER BY id`,
    referat_approval: `SELECT * FROM referat_approval WHERE version_id IN (SELECT id FROM referat_version WHERE meeting_id IN ${meetings}) ORDER BY version_id, person_id`,
    item_consent: `SELECT * FROM item_consent WHERE item_id IN ${items} ORDER BY item_id, kind, person_id`,
    action: `SELECT * FROM action WHERE forum_id = '${forumId}' ORDER BY id`,
    action_note: `SELECT * FROM action_note WHERE action_id IN (SELECT id FROM action WHERE forum_id = '${forumId}') ORDER BY id`,
    item_comment: `SELECT * FROM item_comment WHERE item_id IN ${items} ORDER BY id`,
    sag: `SELECT * FROM sag WHERE id IN (SELECT sag_id FROM agenda_item WHERE meeting_id IN ${meetings}) ORDER BY id`,
  };
  return Object.fromEntries(Object.entries(queries).map(([table, sql]) => [table, db.prepare(sql).all()]));
}

/** The bytes of a document as the server would hold and send it. */
export function documentBytes(l: Laptop, name: string): string {
  return Buffer.from(Y.encodeStateAsUpdate(l.services.sync.docFor(name))).toString('utf8');
}

/** Saves an item with some of its fields changed, as the item form does (it always sends every field). */
export async function updateItem(l: Laptop, itemId: string, change: Partial<Pick<AgendaItem, 'title' | 'background' | 'owner' | 'minutes' | 'confidential' | 'sensitive'>>) {
  const item = await itemOf(l, itemId);
  const { title, type, minutes, announcedColour, owner, background, confidential, sensitive } = { ...item, ...change };
  return must(l.services, 'agenda.updateItem', { itemId, title, type, minutes, announcedColour, owner, background, confidential, sensitive });
}

export async function itemOf(l: Laptop, itemId: string): Promise<AgendaItem> {
  const meetingId = l.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').pluck().get(itemId) as string;
  const item = (await must(l.services, 'meetings.get', { meetingId })).items.find((i) => i.id === itemId);
  if (!item) throw new Error(`Punktet ${itemId} findes ikke på den bærbare.`);
  return item;
}

/** A shared TRIO on laptop A with one meeting of three items, received by the other laptops before they go offline. */
export async function sharedTrio(count: number) {
  const laptops = Array.from({ length: count }, () => laptop());
  const [a] = laptops;
  if (!a) throw new Error('Ingen bærbar.');
  const { forum, meeting, decisionItem, talkItem } = await seedSlice(a.services);
  const third = await must(a.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemalægning', type: 'orientering', minutes: 10 });
  a.services.sync.shareForum(forum.id, SERVER);
  for (const other of laptops.slice(1)) send(a, other, forum.id);
  return { laptops, forum, meeting, items: [decisionItem, talkItem, third] };
}

export function agendaOf(l: Laptop, meetingId: string): { id: string; title: string; position: number }[] {
  return l.db.prepare('SELECT id, title, position FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(meetingId) as { id: string; title: string; position: number }[];
}

/**
 * The demo forum shared between the skoleleder's laptop A and the TR's laptop B, both agenda owners of its coming
 * meeting, whose agenda is sent (so a new item is a late one).
 */
export async function demoOwners() {
  const a = laptop();
  await must(a.services, 'demo.install', {});
  const [forum] = await must(a.services, 'forums.list', {});
  const meeting = (await must(a.services, 'meetings.list', {})).find((m) => m.status === 'planlagt');
  if (!forum || !meeting) throw new Error('Demoen mangler sit forum eller sit kommende møde.');
  await must(a.services, 'meetings.markAgendaSent', { meetingId: meeting.id });
  const owners = (await must(a.services, 'referat.get', { meetingId: meeting.id })).coOwners;
  const leader = owners.find((o) => o.role === 'Skoleleder');
  const tr = owners.find((o) => o.role !== 'Skoleleder');
  if (!leader || !tr) throw new Error('Demoens kommende møde har ikke en skoleleder og en TR som dagsordensejere.');
  a.services.sync.shareForum(forum.id, SERVER, { right: 'medlem', admin: false, forumPersonId: leader.personId });
  const b = laptop();
  send(a, b, forum.id);
  b.services.sync.recordAccess(forum.id, { right: 'medlem', admin: false, forumPersonId: tr.personId });
  return { a, b, forumId: forum.id, meetingId: meeting.id, leader, tr };
}

/**
 * The demo's two owners and an AMR on a third laptop, all three agenda owners, with the coming meeting held and a
 * closed item titled `closedTitle` on it: the referat awaits three approvals, one of them of confidential content.
 */
export async function heldMeetingOfThree(closedTitle: string) {
  const owners = await demoOwners();
  const { a, b, forumId, meetingId } = owners;
  const amr = await must(a.services, 'members.add', { forumId, name: 'Anne Berg', role: 'AMR', fromDate: '2026-01-01', agendaOwner: true });
  await must(a.services, 'agenda.addItem', { meetingId, title: closedTitle, type: 'orientering', minutes: 5, confidential: true });
  await must(a.services, 'run.start', { meetingId });
  await must(a.services, 'run.end', { meetingId });
  const c = laptop();
  send(a, c, forumId);
  c.services.sync.recordAccess(forumId, { right: 'medlem', admin: false, forumPersonId: amr.personId });
  converge([a, b, c], forumId);
  return { ...owners, c, amr };
}
