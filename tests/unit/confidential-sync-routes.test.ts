import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { contentHash } from '../../electron/sync/approvals';
import { must } from './support';
import { converge, demoOwners, documentBytes, forumRows, laptop, send, updateItem, type Laptop } from './sync-support';

/**
 * Routes of a shared forum where an item is closed after others have written to it from their own laptops: what
 * they wrote goes with the item into the members-only document, and a reader's laptop gets none of it.
 */

/** A reader's laptop: it receives the forum and meeting documents, never the fortroligt ones. */
function readerOf(from: Laptop, forumId: string): Laptop {
  const reader = laptop();
  send(from, reader, forumId, { confidential: false });
  return reader;
}

describe('et punkt, der lukkes, efter at andre har skrevet til det fra deres egne bærbare', { timeout: 30_000 }, () => {
  it('TR’s samtykke til et sent punkt følger punktet ind i det fortrolige dokument, når skolelederen lukker det', async () => {
    const { a, b, forumId, meetingId, tr } = await demoOwners();
    const late = await must(a.services, 'agenda.addItem', { meetingId, title: 'Vikardækning i 5. klasse', type: 'droeftelse', minutes: 10 });
    converge([a, b], forumId);
    await must(b.services, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true });
    converge([a, b], forumId);

    await updateItem(a, late.id, { confidential: true });
    converge([a, b], forumId);

    for (const l of [a, b]) {
      const meetingDoc = l.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId }));
      expect([...meetingDoc.getMap('samtykker').keys()].filter((key) => key.startsWith(late.id)), 'samtykket i mødedokumentet').toEqual([]);
      const members = l.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId }));
      expect([...members.getMap('samtykker').keys()].filter((key) => key.startsWith(late.id)), 'samtykket i det fortrolige dokument').toHaveLength(1);
    }
    // Nothing is lost: both owners still see the TR's consent.
    for (const l of [a, b]) {
      const round = (await must(l.services, 'agenda.consents', { meetingId })).items.find((i) => i.itemId === late.id)?.sent;
      expect(round?.given.map((g) => g.personId)).toEqual([tr.personId]);
    }
    const reader = readerOf(a, forumId);
    expect(reader.db.prepare('SELECT count(*) FROM item_consent WHERE item_id = ?').pluck().get(late.id)).toBe(0);

    // Opened again by the skoleleder, the consent is shared with the item once more.
    await updateItem(a, late.id, { confidential: false });
    converge([a, b], forumId);
    const meetingDoc = a.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId }));
    expect([...meetingDoc.getMap('samtykker').keys()].filter((key) => key.startsWith(late.id))).toHaveLength(1);
    send(a, reader, forumId, { confidential: false });
    expect(reader.db.prepare('SELECT count(*) FROM item_consent WHERE item_id = ?').pluck().get(late.id)).toBe(1);
    for (const l of [a, b, reader]) l.services.close();
  });

  it('en godkendelse i mødedokumentet bærer ingen hash, en læser kan prøve gæt af det lukkede punkts indhold imod', async () => {
    const { a, b, forumId, meetingId, tr } = await demoOwners();
    // A short closed item: its whole content is easy to guess for someone who knows the school.
    const closed = await must(a.services, 'agenda.addItem', { meetingId, title: 'Sygefravær', type: 'orientering', minutes: 5, confidential: true });
    await must(a.services, 'run.start', { meetingId });
    await must(a.services, 'run.end', { meetingId });
    converge([a, b], forumId);
    await must(b.services, 'referat.approve', { meetingId, personId: tr.personId });
    converge([a, b], forumId);

    // What a reader can compute from a guess of the closed content: its plain hash, in the approval's layout.
    const members = a.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId }));
    expect(members.getMap('punkter').has(closed.id)).toBe(true);
    const guess = contentHash(members);
    const reader = readerOf(a, forumId);
    const received = Buffer.from(Y.encodeStateAsUpdate(reader.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId })))).toString('latin1');
    expect(received).toContain(tr.personId);
    expect(received, 'mødedokumentet bærer en hash af det fortrolige indhold').not.toContain(guess);

    // The approval still stands on both members' laptops, and goes stale when the closed item changes.
    for (const l of [a, b]) expect((await must(l.services, 'referat.get', { meetingId })).versions.at(-1)?.approvals.map((x) => x.personId)).toEqual([tr.personId]);
    await updateItem(a, closed.id, { title: 'Sygefravær i indskolingen' });
    converge([a, b], forumId);
    for (const l of [a, b]) expect((await must(l.services, 'referat.get', { meetingId })).versions.at(-1)?.approvals).toEqual([]);
    for (const l of [a, b, reader]) l.services.close();
  });

  // The two documents' halves of the closing reach the TR's laptop in either order.
  it.each(['mødedokumentet', 'det fortrolige dokument'])('skolelederen lukker et punkt, mens TR retter det offline: TR’s ord følger punktet ind i det fortrolige dokument, og en læser ser kun «Lukket punkt» (%s først)', async (first) => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Tilsyn', type: 'droeftelse', minutes: 10, background: 'Baggrund' });
    converge([a, b], forumId);
    // A closes it (with a note of her own); B, offline, renames it and writes in it, not knowing.
    await must(a.services, 'run.saveNotes', { itemId: item.id, notes: 'Skolelederens note' });
    await updateItem(a, item.id, { confidential: true });
    await updateItem(b, item.id, { title: 'Tilsyn i frikvarteret', owner: 'Jens', background: 'Baggrund og skema' });
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'TR’s note' });

    // A reader hears both before B has heard of the closing, as the server relays them.
    const reader = laptop();
    send(a, reader, forumId, { confidential: false });
    send(b, reader, forumId, { confidential: false });
    expect(reader.db.prepare('SELECT title, owner, background, notes FROM agenda_item WHERE id = ?').get(item.id)).toEqual({ title: 'Lukket punkt', owner: '', background: '', notes: '' });

    const confidential = documentName({ kind: 'fortroligt', forumId, meetingId });
    const closing = Y.encodeStateAsUpdate(a.services.sync.docFor(confidential), Y.encodeStateVector(b.services.sync.docFor(confidential)));
    if (first === 'det fortrolige dokument') b.services.sync.applyRemoteUpdate(confidential, closing);
    converge([a, b], forumId);
    // Nothing B typed is lost, and nothing A wrote either: both laptops hold the item closed, with all of it.
    for (const l of [a, b]) {
      expect(l.db.prepare('SELECT title, owner, background, notes, confidential FROM agenda_item WHERE id = ?').get(item.id)).toEqual({
        title: 'Tilsyn i frikvarteret',
        owner: 'Jens',
        background: 'Baggrund og skema',
        notes: expect.stringMatching(/^(?=.*Skolelederens)(?=.*TR’s).*note/),
        confidential: 1,
      });
      const meetingDoc = l.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId }));
      const placeholder = meetingDoc.getMap('punkter').get(item.id) as Y.Map<unknown>;
      expect([...placeholder.keys()].sort(), 'mødedokumentets pladsholder').toEqual(['confidential', 'minutes', 'orden', 'type']);
      expect(meetingDoc.getMap('historik').has(`punkter/${item.id}`), 'historik om det lukkede punkt i mødedokumentet').toBe(false);
    }
    send(a, reader, forumId, { confidential: false });
    expect(reader.db.prepare('SELECT title, owner, background, notes FROM agenda_item WHERE id = ?').get(item.id)).toEqual({ title: 'Lukket punkt', owner: '', background: '', notes: '' });
    for (const l of [a, b, reader]) l.services.close();
  });

  it('TR beslutter, aftaler en handling og kommenterer offline på et punkt, som skolelederen imens lukker: intet af det bliver i mødedokumentet', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Tilsyn', type: 'beslutning', minutes: 10, announcedColour: 'gul' });
    converge([a, b], forumId);
    await updateItem(a, item.id, { confidential: true });
    await must(b.services, 'decisions.record', { itemId: item.id, colour: 'gul', text: 'BESLUTNINGOFFLINE', dissents: [{ role: 'TR', text: 'DISSENSOFFLINE' }] });
    await must(b.services, 'actions.create', { itemId: item.id, what: 'HANDLINGOFFLINE', who: 'Jens', due: null });
    await must(b.services, 'comments.add', { itemId: item.id, kind: 'kommentar', text: 'KOMMENTAROFFLINE' });
    converge([a, b], forumId);

    const words = ['BESLUTNINGOFFLINE', 'DISSENSOFFLINE', 'HANDLINGOFFLINE', 'KOMMENTAROFFLINE'];
    for (const l of [a, b]) {
      const meetingDoc = l.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId }));
      const shared = JSON.stringify(['beslutninger', 'dissenser', 'handlinger', 'kommentarer'].map((type) => meetingDoc.getMap(type).toJSON()));
      for (const word of words) expect(shared, `«${word}» i mødedokumentet`).not.toContain(word);
      // Nothing is lost: both members hold all of it, with the closed item.
      const held = JSON.stringify([forumRows(l.db, forumId).decision, forumRows(l.db, forumId).decision_dissent, forumRows(l.db, forumId).action, forumRows(l.db, forumId).item_comment]);
      for (const word of words) expect(held).toContain(word);
    }
    const reader = readerOf(a, forumId);
    const rows = JSON.stringify(forumRows(reader.db, forumId));
    for (const word of words) expect(rows, `«${word}» hos læseren`).not.toContain(word);
    for (const l of [a, b, reader]) l.services.close();
  });

  it('et punkt, der lukkes, efter at det blev delt åbent: en læser, der kommer til bagefter, får intet af det, det sagde', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Omplacering FØRLUKNING', type: 'droeftelse', minutes: 10, background: 'Baggrund FØRLUKNING' });
    await must(a.services, 'comments.add', { itemId: item.id, kind: 'spoergsmaal', text: 'Spørgsmål FØRLUKNING' });
    converge([a, b], forumId);
    await updateItem(b, item.id, { confidential: true });
    converge([a, b], forumId);

    // Neither laptop's document state, which the server's would be built from, keeps the words it deleted.
    for (const l of [a, b]) {
      const state = Buffer.from(Y.encodeStateAsUpdate(l.services.sync.docFor(documentName({ kind: 'moede', forumId, meetingId })))).toString('utf8');
      expect(state).not.toContain('FØRLUKNING');
    }
    const reader = readerOf(b, forumId);
    expect(JSON.stringify(reader.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ?').all(meetingId))).not.toContain('FØRLUKNING');
    expect(JSON.stringify(reader.db.prepare('SELECT * FROM item_comment').all())).not.toContain('FØRLUKNING');
    for (const l of [a, b, reader]) l.services.close();
  });

  it('TR bliver læser og medlem igen og skriver i mødet, før det fortrolige dokument er kommet: det lukkede punkts indhold bliver hos alle', async () => {
    const { a, b, forumId, meetingId, tr } = await demoOwners();
    const other = await must(a.services, 'agenda.addItem', { meetingId, title: 'Skemalægning', type: 'droeftelse', minutes: 10 });
    const closed = await must(a.services, 'agenda.addItem', { meetingId, title: 'Sygefravær', type: 'droeftelse', minutes: 10, background: 'Lægeerklæringen', confidential: true });
    converge([a, b], forumId);
    b.services.sync.recordAccess(forumId, { right: 'læser', admin: false, forumPersonId: tr.personId });
    b.services.sync.accessLost(forumId, 'fortroligt', 'confidential');
    b.services.sync.recordAccess(forumId, { right: 'medlem', admin: false, forumPersonId: tr.personId });
    // B holds the closed item as a læser does («Lukket punkt», nothing it said) and writes in the meeting.
    await updateItem(b, other.id, { title: 'Skemalægning i indskolingen' });

    // B's laptop does not hold the item's content, so it writes none: only the server's copy has it.
    const members = b.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId }));
    expect(members.getMap('punkter').has(closed.id), 'det lukkede punkt i B’s fortrolige dokument').toBe(false);
    converge([a, b], forumId);
    for (const l of [a, b]) {
      expect(l.db.prepare('SELECT title, background, confidential FROM agenda_item WHERE id = ?').get(closed.id)).toEqual({ title: 'Sygefravær', background: 'Lægeerklæringen', confidential: 1 });
      expect(l.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(other.id)).toBe('Skemalægning i indskolingen');
    }
    for (const l of [a, b]) l.services.close();
  });

  it('skolelederen udskyder et punkt til næste møde, mens TR lukker det offline: kopien på næste dagsorden lukkes også, og en læser ser kun «Lukket punkt»', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Klagen over kollegaen', type: 'droeftelse', minutes: 10, background: 'Hvad klagen går ud på' });
    const next = await must(a.services, 'meetings.create', { forumId, title: 'TRIO-møde', startsAt: '2027-06-01T14:00', durationMinutes: 90 });
    converge([a, b], forumId);
    // A carries it to the next meeting; B, not knowing, closes it: closing a matter closes its carried copies.
    await must(a.services, 'run.park', { itemId: item.id });
    await updateItem(b, item.id, { confidential: true });
    converge([a, b], forumId);

    for (const l of [a, b]) {
      const copy = l.db.prepare('SELECT title, background, confidential FROM agenda_item WHERE meeting_id = ? AND carried_from_item_id = ?').get(next.id, item.id);
      // Nothing is lost: the members hold the copy with all it said, closed.
      expect(copy).toEqual({ title: 'Klagen over kollegaen', background: 'Hvad klagen går ud på', confidential: 1 });
    }
    const reader = readerOf(a, forumId);
    const shown = JSON.stringify(reader.db.prepare('SELECT title, background FROM agenda_item').all());
    expect(shown).not.toContain('Klagen');
    expect(shown).not.toContain('Hvad klagen');
    for (const l of [a, b, reader]) l.services.close();
  });

  it('et punkt, som en sag er opkaldt efter, omdøbes flere gange og lukkes: sagen bærer ingen af dets titler til en læser', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Mettes sygefravær', type: 'droeftelse', minutes: 10 });
    const next = await must(a.services, 'meetings.create', { forumId, title: 'TRIO-møde', startsAt: '2027-06-01T14:00', durationMinutes: 90 });
    const later = await must(a.services, 'agenda.addItem', { meetingId: next.id, title: 'Opfølgning', type: 'droeftelse', minutes: 10 });
    await must(a.services, 'sager.link', { itemId: later.id, earlierItemId: item.id });
    converge([a, b], forumId);
    // Renamed on both laptops while open, then closed by TR.
    await updateItem(a, item.id, { title: 'Mettes fravær' });
    converge([a, b], forumId);
    await updateItem(b, item.id, { title: 'Mettes langtidsfravær' });
    await updateItem(b, item.id, { confidential: true });
    converge([a, b], forumId);

    const reader = readerOf(a, forumId);
    const forum = documentBytes(reader, documentName({ kind: 'forum', forumId }));
    expect(forum).not.toContain('Mettes');
    expect(JSON.stringify(reader.db.prepare('SELECT title FROM sag').all())).not.toContain('Mettes');
    for (const l of [a, b, reader]) l.services.close();
  });
});
