// Every field that says who did something is the writer's own: a comment's author, who put an item on, whom a
// history entry names, an approval's person. Against the built server as a real process, with raw Yjs clients on
// real WebSockets writing what a tampered laptop could send.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { APPROVAL_RECORDS, COMMENT_RECORDS, HISTORY_MAP, ITEM_RECORDS, approvalKey } from '../../shared/sync/personKeys';
import { acknowledged, type Opened } from './laptop';
import { closedWith, sharedForum, storedKeys, type Forum } from './namedForum';
import { laptop } from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

const CANARY = 'KANARIFORFATTER77';

function addItem(opened: Opened, itemId: string, addedBy: string | null, confidential = 0): void {
  opened.doc.transact(() => {
    const item = new Y.Map<unknown>();
    opened.doc.getMap(ITEM_RECORDS).set(itemId, item);
    item.set('title', 'Vikardækning');
    item.set('confidential', confidential);
    item.set('addedBy', addedBy);
  });
}

interface Comment {
  itemId: string;
  authorId: string | null;
  text: string;
  kind?: string;
}

/** A comment as the laptop's mirror writes it (shared/records/meetingFields.ts, COMMENT_FIELDS). */
function writeComment(doc: Y.Doc, commentId: string, comment: Comment): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    doc.getMap(COMMENT_RECORDS).set(commentId, record);
    record.set('itemId', comment.itemId);
    record.set('authorId', comment.authorId);
    record.set('kind', comment.kind ?? 'spoergsmaal');
    record.set('text', new Y.Text(comment.text));
    record.set('createdAt', '2026-12-07T08:00:00.000Z');
    record.set('changedAt', '2026-12-07T08:00:00.000Z');
    record.set('answeredAt', null);
  });
}

function commentOf(opened: Opened, commentId: string): Y.Map<unknown> {
  const record = opened.doc.getMap(COMMENT_RECORDS).get(commentId);
  if (!(record instanceof Y.Map)) throw new Error(`kommentaren ${commentId} mangler`);
  return record;
}

/** The refusal, logged with its reason and ids, and none of what was written. */
async function refusedAndLogged(server: ServerProcess, forum: Forum, closed: Promise<string>, document: string): Promise<void> {
  expect(await closed).toBe('named-other-person');
  const logged = await server.waitForLog((line) => line.event === 'refused' && line.reason === 'named-other-person' && line.device === forum.tr.deviceId && line.document === document);
  expect(logged).toMatchObject({ person: forum.tr.personId, forum: forum.forumId });
  expect(server.output()).not.toContain(CANARY);
}

/** The skoleleder's item with the skoleleder's question on it, as the server holds them; and TR's laptop on the meeting. */
async function questionBySkoleleder(server: ServerProcess, forum: Forum): Promise<{ itemId: string; commentId: string; tr: Opened }> {
  const itemId = randomUUID();
  const commentId = randomUUID();
  const sharer = await laptop(server, forum.sharer).sync(forum.moede);
  addItem(sharer, itemId, forum.people.skoleleder);
  writeComment(sharer.doc, commentId, { itemId, authorId: forum.people.skoleleder, text: 'Hvor mange vikartimer?' });
  await acknowledged(sharer.provider);
  const tr = await laptop(server, forum.tr).sync(forum.moede);
  return { itemId, commentId, tr };
}

describe('hvem der gjorde det, er den, der skriver', () => {
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => void (server = started));

  it('TR kommenterer som sig selv; en kommentar i skolelederens navn afvises, logges uden indhold og gemmes ikke', async () => {
    const forum = await sharedForum(server);
    const itemId = randomUUID();
    const own = randomUUID();
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    addItem(tr, itemId, forum.people.tr);
    writeComment(tr.doc, own, { itemId, authorId: forum.people.tr, text: 'Mit eget spørgsmål' });
    await acknowledged(tr.provider);

    const closed = closedWith(tr);
    writeComment(tr.doc, randomUUID(), { itemId, authorId: forum.people.skoleleder, text: `Skolelederen mener ${CANARY}` });
    await refusedAndLogged(server, forum, closed, forum.moede);
    expect(await storedKeys(server, forum.sharer, forum.moede, COMMENT_RECORDS)).toEqual([own]);
  });

  it('en kommentar uden forfatter afvises', async () => {
    const forum = await sharedForum(server);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    const closed = closedWith(tr);
    writeComment(tr.doc, randomUUID(), { itemId: randomUUID(), authorId: null, text: CANARY });
    await refusedAndLogged(server, forum, closed, forum.moede);
  });

  it('at rette teksten i skolelederens kommentar afvises; at markere spørgsmålet besvaret går igennem', async () => {
    const forum = await sharedForum(server);
    const { commentId, tr } = await questionBySkoleleder(server, forum);
    commentOf(tr, commentId).set('answeredAt', '2026-12-14T14:20:00.000Z');
    await acknowledged(tr.provider);

    const closed = closedWith(tr);
    (commentOf(tr, commentId).get('text') as Y.Text).insert(0, `${CANARY} `);
    await refusedAndLogged(server, forum, closed, forum.moede);
    const fresh = await laptop(server, forum.sharer).sync(forum.moede);
    const stored = fresh.doc.getMap(COMMENT_RECORDS).get(commentId) as Y.Map<unknown>;
    expect(stored.get('answeredAt')).toBe('2026-12-14T14:20:00.000Z');
    expect(String(stored.get('text'))).toBe('Hvor mange vikartimer?');
  });

  it('at gøre sig selv til forfatter af skolelederens kommentar afvises', async () => {
    const forum = await sharedForum(server);
    const { commentId, tr } = await questionBySkoleleder(server, forum);
    const closed = closedWith(tr);
    commentOf(tr, commentId).set('authorId', forum.people.tr);
    await refusedAndLogged(server, forum, closed, forum.moede);
  });

  it('at slette skolelederens kommentar afvises; fjernes punktet, går kommentaren med', async () => {
    const forum = await sharedForum(server);
    const { itemId, commentId, tr } = await questionBySkoleleder(server, forum);
    const closed = closedWith(tr);
    tr.doc.getMap(COMMENT_RECORDS).delete(commentId);
    await refusedAndLogged(server, forum, closed, forum.moede);
    expect(await storedKeys(server, forum.sharer, forum.moede, COMMENT_RECORDS)).toEqual([commentId]);

    const again = await laptop(server, forum.tr).sync(forum.moede);
    again.doc.transact(() => {
      again.doc.getMap(COMMENT_RECORDS).delete(commentId);
      again.doc.getMap(ITEM_RECORDS).delete(itemId);
    });
    await acknowledged(again.provider);
    expect(await storedKeys(server, forum.sharer, forum.moede, COMMENT_RECORDS)).toEqual([]);
  });

  it('et punkt sat på i skolelederens navn afvises, og det gør det også at skrive sig selv på skolelederens punkt', async () => {
    const forum = await sharedForum(server);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    const closed = closedWith(tr);
    addItem(tr, randomUUID(), forum.people.skoleleder);
    await refusedAndLogged(server, forum, closed, forum.moede);

    const { itemId, tr: again } = await questionBySkoleleder(server, forum);
    const closedAgain = closedWith(again);
    (again.doc.getMap(ITEM_RECORDS).get(itemId) as Y.Map<unknown>).set('addedBy', forum.people.tr);
    expect(await closedAgain).toBe('named-other-person');
  });

  it('historik i skolelederens navn afvises; TR’s egen og ældre indgange fra andre står', async () => {
    const forum = await sharedForum(server);
    const { itemId, tr } = await questionBySkoleleder(server, forum);
    const key = `punkter/${itemId}`;
    const stamp = (who: string) => ({ hvem: who, tid: new Date().toISOString(), felter: ['title'], ny: false });
    tr.doc.transact(() => {
      const list = new Y.Array<unknown>();
      tr.doc.getMap(HISTORY_MAP).set(key, list);
      list.push([stamp(forum.people.tr)]);
    });
    await acknowledged(tr.provider);
    const closed = closedWith(tr);
    (tr.doc.getMap(HISTORY_MAP).get(key) as Y.Array<unknown>).push([stamp(forum.people.skoleleder)]);
    await refusedAndLogged(server, forum, closed, forum.moede);
  });

  it('en godkendelse med TR’s nøgle, men skolelederen som person, afvises', async () => {
    const forum = await sharedForum(server);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    const closed = closedWith(tr);
    tr.doc.transact(() => {
      const record = new Y.Map<unknown>();
      tr.doc.getMap(APPROVAL_RECORDS).set(approvalKey(randomUUID(), forum.people.tr), record);
      record.set('personId', forum.people.skoleleder);
      record.set('approvedAt', new Date().toISOString());
    });
    await refusedAndLogged(server, forum, closed, forum.moede);
  });

  it('et punkt, der bliver lukket og åbnet igen, tager TR’s kommentar med; ændret undervejs afvises den', async () => {
    const forum = await sharedForum(server);
    const meetingId = forum.moede.split('/').pop() ?? '';
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId });
    const itemId = randomUUID();
    const commentId = randomUUID();
    const sharer = laptop(server, forum.sharer);
    const meeting = await sharer.sync(forum.moede);
    addItem(meeting, itemId, forum.people.skoleleder);
    await acknowledged(meeting.provider);
    const tr = await laptop(server, forum.tr).sync(forum.moede);
    writeComment(tr.doc, commentId, { itemId, authorId: forum.people.tr, text: 'Kan vi tage det lukket?' });
    await acknowledged(tr.provider);
    const closedDoc = await sharer.sync(fortroligt);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = commentOf(meeting, commentId).toJSON() as Comment;

    // Closed, as the mirror does it: the members-only document first, then the placeholder.
    closedDoc.doc.transact(() => {
      addItem(closedDoc, itemId, forum.people.skoleleder, 1);
      writeComment(closedDoc.doc, commentId, held);
    });
    await acknowledged(closedDoc.provider);
    meeting.doc.transact(() => {
      meeting.doc.getMap(COMMENT_RECORDS).delete(commentId);
      const item = meeting.doc.getMap(ITEM_RECORDS).get(itemId) as Y.Map<unknown>;
      item.set('confidential', 1);
      item.delete('title');
      item.delete('addedBy');
    });
    await acknowledged(meeting.provider);
    expect(await storedKeys(server, forum.tr, fortroligt, COMMENT_RECORDS)).toEqual([commentId]);

    // Open again: it leaves the members-only document, and comes back to the meeting document as it left.
    closedDoc.doc.transact(() => {
      closedDoc.doc.getMap(COMMENT_RECORDS).delete(commentId);
      closedDoc.doc.getMap(ITEM_RECORDS).delete(itemId);
    });
    await acknowledged(closedDoc.provider);
    meeting.doc.transact(() => {
      const item = meeting.doc.getMap(ITEM_RECORDS).get(itemId) as Y.Map<unknown>;
      item.set('confidential', 0);
      item.set('title', 'Vikardækning');
      item.set('addedBy', forum.people.skoleleder);
      writeComment(meeting.doc, commentId, held);
    });
    await acknowledged(meeting.provider);
    expect(await storedKeys(server, forum.tr, forum.moede, COMMENT_RECORDS)).toEqual([commentId]);

    // Closed once more, but with words TR never wrote: refused.
    const closed = closedWith(closedDoc);
    closedDoc.doc.transact(() => {
      addItem(closedDoc, itemId, forum.people.skoleleder, 1);
      writeComment(closedDoc.doc, commentId, { ...held, text: `${held.text} ${CANARY}` });
    });
    expect(await closed).toBe('named-other-person');
  });
});
