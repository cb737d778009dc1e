import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { afterLockWrite } from '../../server/sync/afterLock';
import { documentName } from '../../shared/sync/documents';
import { KEPT_WORDS } from '../../shared/sync/keptWords';
import { must } from './support';
import { converge, demoOwners, laptop, send, updateItem, type Laptop } from './sync-support';

/**
 * Words the TR typed, offline, in a closed item that the skoleleder opened meanwhile, kept for the members
 * (electron/sync/openedWords.ts; the loss itself, through a real server: opened-words-server.test.ts): what a member's
 * choice does with them, and what happens to them when the item is closed again or removed.
 */

/** The TR's words in an item the skoleleder opened while the TR, offline, wrote in it closed; both laptops in step again. */
async function keptAfterOpening() {
  const owners = await demoOwners();
  const { a, b, forumId, meetingId } = owners;
  const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Trivsel i 7.b', type: 'droeftelse', minutes: 10, background: 'Baggrund', confidential: true });
  converge([a, b], forumId);
  await updateItem(b, item.id, { title: 'Trivsel i 7.b TRORD', background: 'Baggrund og TRORD' });
  await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'TR’s note TRORD' });
  await updateItem(a, item.id, { confidential: false, background: 'Baggrund fra skolelederen' });
  converge([a, b], forumId);
  return { ...owners, item };
}

const keptOf = async (l: Laptop, meetingId: string) => must(l.services, 'agenda.keptWords', { meetingId });
const itemRow = (l: Laptop, itemId: string) => l.db.prepare('SELECT title, background, notes, confidential FROM agenda_item WHERE id = ?').get(itemId);
const bytesOf = (l: Laptop, name: string) => Buffer.from(Y.encodeStateAsUpdate(l.services.sync.docFor(name))).toString('utf8');

/** A læser's laptop: the forum and meeting documents, never the fortroligt ones. */
function readerOf(from: Laptop, forumId: string): Laptop {
  const reader = laptop();
  send(from, reader, forumId, { confidential: false });
  return reader;
}

describe('ord skrevet i et lukket punkt, som en anden imens åbnede', { timeout: 30_000 }, () => {
  it('skolelederen sætter TR’s ord ind: titlen bliver TR’s, teksterne får begges ord, og først nu deles de med læsere', async () => {
    const { a, b, forumId, meetingId, item, tr } = await keptAfterOpening();
    const [kept] = await keptOf(a, meetingId);
    expect(kept?.personName).toBe(tr.name);
    const reader = readerOf(a, forumId);
    expect(JSON.stringify(reader.db.prepare('SELECT * FROM agenda_item').all())).not.toContain('TRORD');

    expect(await must(a.services, 'agenda.useKeptWords', { itemId: item.id, keptId: kept!.keptId })).toEqual([]);
    converge([a, b], forumId);
    for (const l of [a, b]) {
      expect(itemRow(l, item.id)).toEqual({ title: 'Trivsel i 7.b TRORD', background: expect.stringMatching(/skolelederen.*TRORD|TRORD.*skolelederen/), notes: 'TR’s note TRORD', confidential: 0 });
      expect(await keptOf(l, meetingId)).toEqual([]);
      expect(l.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId })).getMap(KEPT_WORDS).size).toBe(0);
    }
    send(a, reader, forumId, { confidential: false });
    expect(reader.db.prepare('SELECT notes FROM agenda_item WHERE id = ?').pluck().get(item.id)).toBe('TR’s note TRORD');
    for (const l of [a, b, reader]) l.services.close();
  });

  it('åbningens halvdel i det fortrolige dokument når TR før mødedokumentets: ordene venter og gemmes, når punktet er åbnet', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Trivsel i 7.b', type: 'droeftelse', minutes: 10, confidential: true });
    converge([a, b], forumId);
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'TR’s note TRORD' });
    await updateItem(a, item.id, { confidential: false });
    const confidential = documentName({ kind: 'fortroligt', forumId, meetingId });
    b.services.sync.applyRemoteUpdate(confidential, Y.encodeStateAsUpdate(a.services.sync.docFor(confidential), Y.encodeStateVector(b.services.sync.docFor(confidential))));
    expect(await keptOf(b, meetingId)).toEqual([]);
    send(a, b, forumId);
    expect((await keptOf(b, meetingId)).map((k) => k.fields.map((f) => f.words))).toEqual([['TR’s note TRORD']]);
    // The skoleleder's laptop hears of them as a change to the meeting's agenda, though no row of it changed.
    const arriving = Y.encodeStateAsUpdate(b.services.sync.docFor(confidential), Y.encodeStateVector(a.services.sync.docFor(confidential)));
    expect(a.services.sync.applyRemoteUpdate(confidential, arriving)).toContainEqual({ aggregate: 'agenda', id: meetingId });
    converge([a, b], forumId);
    for (const l of [a, b]) expect((await keptOf(l, meetingId)).map((k) => k.fields.map((f) => f.words))).toEqual([['TR’s note TRORD']]);
    for (const l of [a, b]) l.services.close();
  });

  it('TR kasserer sine ord: punktet er som åbnet, ordene er væk hos begge, og en læser har aldrig fået dem', async () => {
    const { a, b, forumId, meetingId, item } = await keptAfterOpening();
    const [kept] = await keptOf(b, meetingId);
    await must(b.services, 'agenda.discardKeptWords', { itemId: item.id, keptId: kept!.keptId });
    converge([a, b], forumId);
    for (const l of [a, b]) {
      expect(await keptOf(l, meetingId)).toEqual([]);
      expect(itemRow(l, item.id)).toEqual({ title: 'Trivsel i 7.b', background: 'Baggrund fra skolelederen', notes: '', confidential: 0 });
    }
    // Discarded once: the other member's choice of the same words finds them gone.
    const again = await a.services.call('agenda.useKeptWords', { itemId: item.id, keptId: kept!.keptId });
    expect(again.ok).toBe(false);
    const reader = readerOf(a, forumId);
    expect(JSON.stringify(reader.db.prepare('SELECT * FROM agenda_item').all())).not.toContain('TRORD');
    expect(bytesOf(a, documentName({ kind: 'moede', forumId, meetingId }))).not.toContain('TRORD');
    for (const l of [a, b, reader]) l.services.close();
  });

  it('punktet lukkes igen: ordene bliver hos medlemmerne og kan sættes ind uden at blive delt', async () => {
    const { a, b, forumId, meetingId, item } = await keptAfterOpening();
    await updateItem(a, item.id, { confidential: true });
    converge([a, b], forumId);
    const [kept] = await keptOf(b, meetingId);
    expect(kept?.fields.map((f) => f.label)).toEqual(['Titel', 'Baggrund', 'Noter']);
    await must(b.services, 'agenda.useKeptWords', { itemId: item.id, keptId: kept!.keptId });
    converge([a, b], forumId);
    for (const l of [a, b]) expect(itemRow(l, item.id)).toMatchObject({ title: 'Trivsel i 7.b TRORD', notes: 'TR’s note TRORD', confidential: 1 });
    const reader = readerOf(a, forumId);
    expect(JSON.stringify(reader.db.prepare('SELECT * FROM agenda_item').all())).not.toContain('TRORD');
    expect(bytesOf(a, documentName({ kind: 'moede', forumId, meetingId }))).not.toContain('TRORD');
    for (const l of [a, b, reader]) l.services.close();
  });

  it('punktet fjernes: de gemte ord går med det, hos begge medlemmer', async () => {
    const { a, b, forumId, meetingId, item } = await keptAfterOpening();
    expect(await keptOf(b, meetingId)).toHaveLength(1);
    await must(a.services, 'agenda.removeItem', { itemId: item.id });
    converge([a, b], forumId);
    for (const l of [a, b]) {
      expect(await keptOf(l, meetingId)).toEqual([]);
      expect(l.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId })).getMap(KEPT_WORDS).size).toBe(0);
    }
    for (const l of [a, b]) l.services.close();
  });

  it('efter referatets lås tager serveren stadig ord, der gemmes til eller kasseres af medlemmerne, men ikke at de sættes ind i punktet', async () => {
    const { a, forumId, meetingId, item } = await keptAfterOpening();
    const name = documentName({ kind: 'fortroligt', forumId, meetingId });
    const held = new Y.Doc();
    Y.applyUpdate(held, Y.encodeStateAsUpdate(a.services.sync.docFor(name)));
    const change = (edit: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(held));
      const before = Y.encodeStateVector(doc);
      edit(doc);
      return Y.encodeStateAsUpdate(doc, before);
    };
    const [key] = [...held.getMap(KEPT_WORDS).keys()];
    expect(afterLockWrite('fortroligt', held, change((doc) => doc.getMap(KEPT_WORDS).delete(key!)))).toBe('gemte-ord');
    expect(afterLockWrite('fortroligt', held, change((doc) => doc.getMap(KEPT_WORDS).set(`${item.id}|x`, { itemId: item.id })))).toBe('gemte-ord');
    expect(afterLockWrite('moede', held, change((doc) => doc.getMap(KEPT_WORDS).set(`${item.id}|x`, { itemId: item.id })))).toBeNull();
    // Put in: the item changes with the entry's removal, which the lock refuses.
    const putIn = change((doc) => {
      doc.getMap(KEPT_WORDS).delete(key!);
      doc.getMap('punkter').set(item.id, new Y.Map());
    });
    expect(afterLockWrite('fortroligt', held, putIn)).toBeNull();
    a.services.close();
  });
});
