import { describe, expect, it } from 'vitest';
import { must, seedSlice } from './support';
import { unionText } from '../../electron/sync/textUnion';
import { agendaOf, converge, demoOwners, itemOf, laptop, send, sharedTrio, updateItem, type Laptop } from './sync-support';

/** The forum as an exchange file, as the app saves it. */
async function forumFile(l: Laptop, forumId: string): Promise<string> {
  return (await must(l.services, 'exchange.export', { scope: 'forum', id: forumId })).base64;
}

/**
 * An exchange file imported into a shared forum is merged with the shared copy: what the file adds arrives,
 * what the members wrote meanwhile stays, and the merge goes out as this laptop's own updates.
 */
describe('en udvekslingsfil indlæst i et delt forum', { timeout: 30_000 }, () => {
  it('fletter filen ind: det nye kommer til, de andres samtidige ændringer bliver, og ændringen sendes videre', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(2);
    const [a, b] = laptops as [Laptop, Laptop];
    const [decisionItem, talkItem] = items as [(typeof items)[0], (typeof items)[0]];
    await must(a.services, 'run.saveNotes', { itemId: talkItem.id, notes: 'Runde om APV.' });
    send(a, b, forum.id);

    // A colleague's laptop that does not share the forum works on a copy from an exchange file.
    const c = laptop();
    await must(c.services, 'exchange.import', { base64: await forumFile(a, forum.id) });
    await must(c.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Legepladsen', type: 'orientering', minutes: 5 });
    await must(c.services, 'run.saveNotes', { itemId: talkItem.id, notes: 'Runde om APV. Tilsynet aftales i teamene.' });
    const fromC = await forumFile(c, forum.id);

    // Meanwhile a member edits the shared copy, and it reaches laptop A.
    await updateItem(b, decisionItem.id, { title: 'Tilsyn: ny fordeling' });
    await must(b.services, 'run.saveNotes', { itemId: talkItem.id, notes: 'Mette: Runde om APV.' });
    send(b, a, forum.id);

    const updates: string[] = [];
    a.services.sync.onLocalUpdate((update) => updates.push(update.name));
    const pendingBefore = a.services.sync.pendingCount(forum.id);
    const summary = await must(a.services, 'exchange.import', { base64: fromC });

    // The file's new item arrives; the member's title stands; both notes keep every word.
    expect(agendaOf(a, meeting.id).map((i) => i.title)).toEqual(['Tilsyn: ny fordeling', 'APV', 'Skemalægning', 'Legepladsen']);
    expect((await itemOf(a, decisionItem.id)).title).toBe('Tilsyn: ny fordeling');
    expect((await itemOf(a, talkItem.id)).notes).toBe('Mette: Runde om APV. Tilsynet aftales i teamene.');

    // The merge is this laptop's own update of the meeting's document, waiting for the server.
    expect(updates).toContain(`forum/${forum.id}/moede/${meeting.id}`);
    expect(a.services.sync.pendingCount(forum.id)).toBeGreaterThan(pendingBefore);

    // The summary says, in Danish, that the shared forum was merged with and what was kept.
    expect(summary.merged).toHaveLength(1);
    expect(summary.merged[0]).toContain('Forummet «TRIO» deles med andre, så filen blev flettet ind i stedet for at overskrive');
    expect(summary.merged[0]).toMatch(/1 felt beholdt forummets værdi/);

    // The others get it as any other edit.
    send(a, b, forum.id);
    expect(agendaOf(b, meeting.id)).toEqual(agendaOf(a, meeting.id));
    expect((await itemOf(b, talkItem.id)).notes).toBe('Mette: Runde om APV. Tilsynet aftales i teamene.');
    expect((await itemOf(b, decisionItem.id)).title).toBe('Tilsyn: ny fordeling');
  });

  it('en ældre fil sletter ikke en dissens, som er skrevet i det delte forum', async () => {
    const { laptops, forum, items } = await sharedTrio(2);
    const [a, b] = laptops as [Laptop, Laptop];
    const decisionItem = items[0]!;
    await must(a.services, 'decisions.record', { itemId: decisionItem.id, colour: 'gul', text: 'Tilsyn fordeles på tre', dissents: [] });
    const older = await forumFile(a, forum.id);
    send(a, b, forum.id);
    await must(b.services, 'decisions.record', {
      itemId: decisionItem.id,
      colour: 'gul',
      text: 'Tilsyn fordeles på tre',
      dissents: [{ role: 'TR (lærere)', text: 'For få timer' }],
    });
    send(b, a, forum.id);

    const summary = await must(a.services, 'exchange.import', { base64: older });
    const decision = (await itemOf(a, decisionItem.id)).decision;
    expect(decision?.dissents.map((d) => d.text)).toEqual(['For få timer']);
    expect(summary.merged[0]).toMatch(/1 post, som filen ikke havde, blev stående/);
  });

  it('et forum, der ikke deles, overskrives stadig af filen (filen vinder)', async () => {
    const a = laptop();
    const { forum, decisionItem } = await seedSlice(a.services);
    const file = await forumFile(a, forum.id);
    await updateItem(a, decisionItem.id, { title: 'Tilsyn: ny fordeling' });
    const summary = await must(a.services, 'exchange.import', { base64: file });
    expect(summary.merged).toEqual([]);
    expect((await itemOf(a, decisionItem.id)).title).toBe('Fordeling af tilsyn');
  });
});

describe('tekst fra filen lægges til forummets', () => {
  it('ord, kun den ene side har, bliver stående, hvor de står; fælles ord står én gang', () => {
    expect(unionText('Mette: Runde om APV.', 'Runde om APV. Tilsynet aftales i teamene.')).toBe('Mette: Runde om APV. Tilsynet aftales i teamene.');
    expect(unionText('Runde om APV.', 'Runde om APV.')).toBe('Runde om APV.');
    expect(unionText('', 'Ny baggrund')).toBe('Ny baggrund');
    expect(unionText('Forummets tekst', '')).toBe('Forummets tekst');
    // Without the common ancestor a replaced word stands beside its replacement, the shared copy's first.
    expect(unionText('Vi mødes kl. 10 i salen', 'Vi mødes kl. 12 i salen')).toBe('Vi mødes kl. 10 12 i salen');
    expect(unionText('Linje 1\nLinje 2', 'Linje 1\nLinje 1½\nLinje 2')).toBe('Linje 1\nLinje 1½\nLinje 2');
  });

  it('en fil, hvor et punkt er udskudt til næste møde, mens punktet er lukket i det delte forum: kopien kommer lukket, og en læser ser den som «Lukket punkt»', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Klagen over kollegaen', type: 'droeftelse', minutes: 10, background: 'Hvad klagen går ud på' });
    const next = await must(a.services, 'meetings.create', { forumId, title: 'TRIO-møde', startsAt: '2027-06-01T14:00', durationMinutes: 90 });
    converge([a, b], forumId);
    // A colleague's copy from a file: there the item is carried to the next meeting, open as it was.
    const c = laptop();
    await must(c.services, 'exchange.import', { base64: await forumFile(a, forumId) });
    await must(c.services, 'run.park', { itemId: item.id });
    const fromC = await forumFile(c, forumId);
    // Meanwhile TR closes the item in the shared forum; then the file is merged in on A.
    await updateItem(b, item.id, { confidential: true });
    converge([a, b], forumId);
    await must(a.services, 'exchange.import', { base64: fromC });
    converge([a, b], forumId);

    for (const l of [a, b]) {
      // Nothing is lost: the copy arrived with all it said, closed as the item it came from.
      expect(l.db.prepare('SELECT title, background, confidential FROM agenda_item WHERE meeting_id = ? AND carried_from_item_id = ?').get(next.id, item.id)).toEqual({
        title: 'Klagen over kollegaen',
        background: 'Hvad klagen går ud på',
        confidential: 1,
      });
    }
    const reader = laptop();
    send(a, reader, forumId, { confidential: false });
    expect(JSON.stringify(reader.db.prepare('SELECT title, background FROM agenda_item').all())).not.toContain('Klagen');
    for (const l of [a, b, c, reader]) l.services.close();
  });
});
