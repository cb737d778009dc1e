import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { must } from './support';
import { converge, demoOwners } from './sync-support';

/**
 * A record in a remote update with a value its field does not accept (an older or a crafted laptop's): the
 * projection leaves it out, and a row the laptop already has stays as it stands, with what hangs on it.
 */
describe('en forkert værdi i en fjernopdatering', () => {
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
});
