import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { must, seedSlice } from './support';
import { converge, demoOwners } from './sync-support';

/**
 * A remote update from an older or a crafted laptop: a record with a value its field does not accept is left out, and
 * a row the laptop already has stays as it stands, with what hangs on it; a record or a meeting document that names
 * another forum's rows writes nothing there.
 */
describe('en fjernopdatering med en forkert værdi eller en post, der hører til et andet forum', () => {
  it('sletter ikke punktet på den bærbare, der modtager den, og heller ikke dets handlinger, kommentarer og udkast', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Tilsyn', type: 'droeftelse', minutes: 10 });
    await must(a.services, 'actions.create', { itemId: item.id, what: 'Skemaet rettes', who: 'Mette', due: null });
    await must(a.services, 'comments.add', { itemId: item.id, kind: 'kommentar', text: 'Husk gården' });
    converge([a, b], forumId);
    // The facilitator on B has begun the decision: a draft is this laptop's alone and travels nowhere.
    await must(b.services, 'decisions.saveDraft', { itemId: item.id, colour: 'gul', text: 'Vi prøver', dissents: [] });
    const hanging = () => ({
      item: b.db.prepare('SELECT title, minutes FROM agenda_item WHERE id = ?').get(item.id),
      actions: b.db.prepare('SELECT count(*) FROM action WHERE item_id = ?').pluck().get(item.id),
      comments: b.db.prepare('SELECT count(*) FROM item_comment WHERE item_id = ?').pluck().get(item.id),
      drafts: b.db.prepare('SELECT count(*) FROM decision_draft WHERE item_id = ?').pluck().get(item.id),
    });
    const before = hanging();
    expect(before).toEqual({ item: { title: 'Tilsyn', minutes: 10 }, actions: 1, comments: 1, drafts: 1 });

    // Another laptop's update gives the item a time that is not a number, and renames another item.
    const name = documentName({ kind: 'moede', forumId, meetingId });
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(a.services.sync.docFor(name)));
    const known = Y.encodeStateVector(crafted);
    (crafted.getMap('punkter').get(item.id) as Y.Map<unknown>).set('minutes', 'mange');
    const other = [...crafted.getMap('punkter').keys()].find((id) => id !== item.id) ?? '';
    (crafted.getMap('punkter').get(other) as Y.Map<unknown>).set('title', 'Omdøbt andetsteds');
    b.services.sync.applyRemoteUpdate(name, Y.encodeStateAsUpdate(crafted, known));

    expect(hanging()).toEqual(before);
    // The rest of the update is taken.
    expect(b.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(other)).toBe('Omdøbt andetsteds');
    for (const l of [a, b]) l.services.close();
  });

  it('en post, der nævner et punkt i et andet forum, skrives ikke ind i det forum på den bærbare, der modtager den', async () => {
    const { a, b, forumId, meetingId, leader } = await demoOwners();
    // The TR's own TRIO on her laptop, which the skoleleder's laptop has no part in.
    const own = await seedSlice(b.services);
    converge([a, b], forumId);

    // A laptop in the shared forum writes records into its meeting's document that name the TR's own items.
    const name = documentName({ kind: 'moede', forumId, meetingId });
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(a.services.sync.docFor(name)));
    const known = Y.encodeStateVector(crafted);
    const record = (type: string, id: string, values: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      crafted.getMap(type).set(id, map);
      for (const [field, value] of Object.entries(values)) map.set(field, typeof value === 'string' && field === 'text' ? new Y.Text(value) : value);
    };
    const at = '2026-12-01T10:00:00.000Z';
    record('kommentarer', '11111111-1111-4111-8111-111111111111', { itemId: own.talkItem.id, authorId: leader.personId, kind: 'kommentar', text: 'Indsat udefra', createdAt: at, changedAt: at });
    record('beslutninger', '22222222-2222-4222-8222-222222222222', { itemId: own.decisionItem.id, text: 'Indsat udefra' });
    record('handlinger', '33333333-3333-4333-8333-333333333333', { itemId: own.talkItem.id, meetingId, what: 'Indsat udefra', who: 'Mette', createdAt: at });
    b.services.sync.applyRemoteUpdate(name, Y.encodeStateAsUpdate(crafted, known));

    const items = [own.talkItem.id, own.decisionItem.id];
    for (const table of ['item_comment', 'decision', 'action']) {
      expect(b.db.prepare(`SELECT count(*) FROM ${table} WHERE item_id IN (?, ?)`).pluck().get(...items), table).toBe(0);
    }
    const page = await must(b.services, 'meetings.get', { meetingId: own.meeting.id });
    expect(JSON.stringify(page)).not.toContain('Indsat udefra');
    for (const l of [a, b]) l.services.close();
  });

  it('et mødedokument under det delte forum med id’et på et møde i et andet forum ændrer ikke det møde og fjerner ikke dets punkter', async () => {
    const { a, b, forumId } = await demoOwners();
    const own = await seedSlice(b.services);
    converge([a, b], forumId);
    const before = { meeting: b.db.prepare('SELECT * FROM meeting WHERE id = ?').get(own.meeting.id), items: b.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(own.meeting.id) };
    expect(before.items).toHaveLength(2);

    // The shared forum's index may list any meeting id, and the server keeps a meeting under each forum apart.
    const crafted = new Y.Doc();
    const root = crafted.getMap('moede');
    for (const [field, value] of Object.entries({ title: 'Overtaget', startsAt: '2026-12-01T14:00', createdAt: '2026-12-01T10:00:00.000Z' })) root.set(field, value);
    b.services.sync.applyRemoteUpdate(documentName({ kind: 'moede', forumId, meetingId: own.meeting.id }), Y.encodeStateAsUpdate(crafted));

    expect({ meeting: b.db.prepare('SELECT * FROM meeting WHERE id = ?').get(own.meeting.id), items: b.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(own.meeting.id) }).toEqual(before);
    for (const l of [a, b]) l.services.close();
  });
});
