import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOT_YOURS_MESSAGE, WHO_UNKNOWN_MESSAGE } from '../../electron/services/comments';
import { READ_ONLY_MESSAGE } from '../../electron/sync/core';
import { documentBytes, laptop, send, sharedTrio, updateItem, type Laptop } from './sync-support';
import { must, seedSlice } from './support';
import { documentName } from '../../shared/sync/documents';

/**
 * Comments and questions on an item before the meeting, «Nyt siden sidst» and the item's history, on laptops
 * that exchange their documents directly (as the server would pass them on).
 */

/** The server has said which forum person the laptop's user is, with the right given. */
function isPerson(l: Laptop, forumId: string, personId: string, right: 'medlem' | 'læser' = 'medlem'): void {
  l.services.sync.recordAccess(forumId, { right, admin: false, forumPersonId: personId });
}

async function trioWithTwoPeople() {
  const { laptops, forum, meeting, items } = await sharedTrio(3);
  const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
  const mette = await must(a.services, 'members.add', { forumId: forum.id, name: 'Mette Hansen', role: 'Skoleleder', fromDate: '2026-08-01' });
  const jonas = await must(a.services, 'members.add', { forumId: forum.id, name: 'Jonas Berg', role: 'TR', fromDate: '2026-08-01' });
  send(a, b, forum.id);
  send(a, c, forum.id);
  isPerson(a, forum.id, mette.personId);
  isPerson(b, forum.id, jonas.personId);
  return { a, b, c, forum, meeting, items, mette, jonas };
}

describe('kommentarer og spørgsmål til et punkt', () => {
  it('B skriver et spørgsmål, A ser det med B’s navn og kan markere det besvaret, men ikke rette det', async () => {
    const { a, b, forum, items } = await trioWithTwoPeople();
    const item = items[1]!;
    const [asked] = await must(b.services, 'comments.add', { itemId: item.id, kind: 'spoergsmaal', text: 'Hvem har talt med vikarerne?' });
    expect(asked).toMatchObject({ authorName: 'Jonas Berg', mine: true, kind: 'spoergsmaal', answeredAt: null });
    send(b, a, forum.id);

    const onA = await must(a.services, 'comments.list', { itemId: item.id });
    expect(onA).toEqual([expect.objectContaining({ id: asked!.id, text: 'Hvem har talt med vikarerne?', authorName: 'Jonas Berg', mine: false })]);
    const edit = await a.services.call('comments.edit', { commentId: asked!.id, kind: 'kommentar', text: 'Rettet af en anden' });
    expect(edit.ok ? null : edit.error.message).toBe(NOT_YOURS_MESSAGE);
    const removal = await a.services.call('comments.remove', { commentId: asked!.id });
    expect(removal.ok ? null : removal.error.message).toBe(NOT_YOURS_MESSAGE);

    const [answered] = await must(a.services, 'comments.markAnswered', { commentId: asked!.id, answered: true });
    expect(answered?.answeredAt).not.toBeNull();
    send(a, b, forum.id);
    expect((await must(b.services, 'comments.list', { itemId: item.id }))[0]).toMatchObject({ text: 'Hvem har talt med vikarerne?', answeredAt: answered?.answeredAt });

    // The author changes and removes their own, and the others see it go.
    await must(b.services, 'comments.edit', { commentId: asked!.id, kind: 'spoergsmaal', text: 'Hvem har talt med vikarerne i år?' });
    send(b, a, forum.id);
    expect((await must(a.services, 'comments.list', { itemId: item.id }))[0]?.text).toBe('Hvem har talt med vikarerne i år?');
    expect(await must(b.services, 'comments.remove', { commentId: asked!.id })).toEqual([]);
    send(b, a, forum.id);
    expect(await must(a.services, 'comments.list', { itemId: item.id })).toEqual([]);
  });

  it('en læser kan ikke kommentere: skrivningen afvises i sin transaktion, og intet er gemt', async () => {
    const { c, forum, items, jonas } = await trioWithTwoPeople();
    isPerson(c, forum.id, jonas.personId, 'læser');
    const result = await c.services.call('comments.add', { itemId: items[0]!.id, kind: 'kommentar', text: 'Må ikke gemmes' });
    expect(result.ok ? null : result.error.message).toBe(READ_ONLY_MESSAGE);
    expect(c.db.prepare('SELECT count(*) FROM item_comment').pluck().get()).toBe(0);
  });

  it('i et delt forum skrives en kommentar kun i et kendt navn', async () => {
    const { c, items } = await trioWithTwoPeople();
    const result = await c.services.call('comments.add', { itemId: items[0]!.id, kind: 'kommentar', text: 'Hvem er jeg?' });
    expect(result.ok ? null : result.error.message).toBe(WHO_UNKNOWN_MESSAGE);
  });

  it('i et forum, der ikke deles, er alle kommentarer den bærbares egne', async () => {
    const l = laptop();
    const { talkItem } = await seedSlice(l.services);
    const [written] = await must(l.services, 'comments.add', { itemId: talkItem.id, text: 'Husk APV-skemaet.' });
    expect(written).toMatchObject({ authorName: null, mine: true, kind: 'kommentar' });
    expect(await must(l.services, 'comments.edit', { commentId: written!.id, kind: 'spoergsmaal', text: 'Har alle fået APV-skemaet?' })).toEqual([
      expect.objectContaining({ kind: 'spoergsmaal', text: 'Har alle fået APV-skemaet?' }),
    ]);
    expect((await l.services.call('comments.markAnswered', { commentId: 'findes-ikke', answered: true })).ok).toBe(false);
  });

  it('en kommentar til et lukket punkt ligger kun i det fortrolige dokument og når aldrig en læser', async () => {
    const { a, b, c, forum, meeting, items } = await trioWithTwoPeople();
    const closed = items[2]!;
    await updateItem(a, closed.id, { confidential: true });
    send(a, b, forum.id);
    await must(b.services, 'comments.add', { itemId: closed.id, kind: 'kommentar', text: 'KANARI-kommentar-7731' });
    c.services.sync.recordAccess(forum.id, { right: 'læser', admin: false, forumPersonId: null });
    send(b, a, forum.id);
    send(b, c, forum.id, { confidential: false });

    const meetingDoc = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    const confidentialDoc = documentName({ kind: 'fortroligt', forumId: forum.id, meetingId: meeting.id });
    expect(documentBytes(b, meetingDoc)).not.toContain('KANARI-kommentar-7731');
    expect(documentBytes(b, confidentialDoc)).toContain('KANARI-kommentar-7731');
    expect((await must(a.services, 'comments.list', { itemId: closed.id }))[0]?.text).toBe('KANARI-kommentar-7731');
    expect(await must(c.services, 'comments.list', { itemId: closed.id })).toEqual([]);
    // The læser's placeholder of the closed item still opens with the meeting (no round, no title of its own).
    expect((await must(c.services, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.id === closed.id)).toMatchObject({ roundDone: [], confidential: true });
    expect(c.db.prepare("SELECT count(*) FROM item_comment WHERE text LIKE '%KANARI%'").pluck().get()).toBe(0);
  });

  it('B’s kommentar flytter uændret med punktet, når A lukker det; A’s egne ord i den og en kommentar uden kendt forfatter bliver på A’s bærbar', async () => {
    const { a, b, forum, meeting, items } = await trioWithTwoPeople();
    const item = items[1]!;
    const [asked] = await must(b.services, 'comments.add', { itemId: item.id, kind: 'spoergsmaal', text: 'KANARI-flyttes-5120' });
    send(b, a, forum.id);
    // Words A holds of B's comment that B never wrote (as a merged file could leave them), and a comment of nobody known.
    a.db.prepare('UPDATE item_comment SET text = ? WHERE id = ?').run('KANARI-ikke-B-9944', asked!.id);
    a.db.prepare("INSERT INTO item_comment (id, item_id, author_id, kind, text, created_at, changed_at) VALUES (?, ?, NULL, 'kommentar', 'KANARI-ingen-3307', ?, ?)")
      .run('0b0c0d0e-0f10-4112-8314-151617181920', item.id, '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z');
    await must(a.services, 'comments.markAnswered', { commentId: asked!.id, answered: true });
    await updateItem(a, item.id, { confidential: true });

    const meetingDoc = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    const confidentialDoc = documentName({ kind: 'fortroligt', forumId: forum.id, meetingId: meeting.id });
    const moved = a.services.sync.docFor(confidentialDoc).getMap('kommentarer').get(asked!.id);
    expect(moved instanceof Y.Map ? { text: String(moved.get('text')), answered: moved.get('answeredAt') !== null } : null).toEqual({ text: 'KANARI-flyttes-5120', answered: true });
    expect(a.services.sync.docFor(meetingDoc).getMap('kommentarer').has(asked!.id)).toBe(false);
    for (const name of [meetingDoc, confidentialDoc]) {
      expect(documentBytes(a, name)).not.toContain('KANARI-ikke-B-9944');
      expect(documentBytes(a, name)).not.toContain('KANARI-ingen-3307');
    }
  });
});

describe('nyt siden sidst og punktets historik', () => {
  it('det, andre har tilføjet eller ændret, er «nyt» eller «ændret», til man markerer dagsordenen som set', async () => {
    const { a, b, forum, meeting, items } = await trioWithTwoPeople();
    await must(a.services, 'agenda.markSeen', { meetingId: meeting.id });
    const added = await must(b.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Vikardækning', type: 'droeftelse', minutes: 15 });
    await updateItem(b, items[0]!.id, { background: 'Tilsynet er fordelt på tre.' });
    await must(b.services, 'comments.add', { itemId: items[1]!.id, text: 'Jeg tager tallene med.' });
    // A's own change is not news to A.
    await updateItem(a, items[2]!.id, { owner: 'Mette' });
    send(b, a, forum.id);

    const news = await must(a.services, 'agenda.news', { meetingId: meeting.id });
    const of = (id: string) => news.items.find((i) => i.itemId === id);
    expect(of(added.id)).toMatchObject({ item: 'nyt' });
    expect(of(items[0]!.id)).toMatchObject({ item: 'aendret', newComments: 0 });
    expect(of(items[1]!.id)).toMatchObject({ item: null, newComments: 1 });
    expect(of(items[2]!.id)).toMatchObject({ item: null });

    const seen = await must(a.services, 'agenda.markSeen', { meetingId: meeting.id });
    expect(seen.seenAt).not.toBeNull();
    expect(seen.items.every((i) => i.item === null && i.decision === null && i.newComments === 0)).toBe(true);
  });

  it('historikken siger, hvem der ændrede hvilket felt hvornår, fra dokumenterne', async () => {
    const { a, b, forum, items } = await trioWithTwoPeople();
    const item = items[0]!;
    await updateItem(b, item.id, { background: 'Ny baggrund' });
    send(b, a, forum.id);
    const history = await must(a.services, 'agenda.history', { itemId: item.id });
    expect(history[0]).toMatchObject({ record: 'punkt', personName: 'Jonas Berg', added: false, fields: ['background'] });
    // Sharing the forum wrote no history: nobody changed anything then.
    expect(history).toHaveLength(1);
  });

  it('et forum, der ikke deles, har ingen historik og intet nyt', async () => {
    const l = laptop();
    const { meeting, talkItem } = await seedSlice(l.services);
    await must(l.services, 'comments.add', { itemId: talkItem.id, text: 'Egen note' });
    expect(await must(l.services, 'agenda.history', { itemId: talkItem.id })).toEqual([]);
    expect((await must(l.services, 'agenda.news', { meetingId: meeting.id })).items.every((i) => i.item === null && i.newComments === 0)).toBe(true);
  });
});
