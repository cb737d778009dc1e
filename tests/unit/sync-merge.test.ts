import { describe, expect, it } from 'vitest';
import { must } from './support';
import { agendaOf, converge, forumRows, itemOf, sharedTrio, updateItem } from './sync-support';

/** Three laptops with the same shared forum edit offline, then exchange updates in every order (no server). */
describe('hvad der flettes hvordan', () => {
  it('offline ændringer på tre bærbare ender i de samme rækker på alle tre', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(3);
    const [a, b, c] = laptops as [typeof laptops[0], typeof laptops[0], typeof laptops[0]];
    const [first, second] = items as [typeof items[0], typeof items[0]];
    await updateItem(a, first.id, { title: 'Fordeling af tilsyn i udskolingen' });
    await must(b.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Trivselsmåling', type: 'droeftelse', minutes: 15 });
    await must(c.services, 'run.saveNotes', { itemId: second.id, notes: 'APV-runden er i gang.' });
    await must(c.services, 'members.add', { forumId: forum.id, name: 'Jonas Holm', role: 'AMR', fromDate: '2026-08-01' });
    await must(b.services, 'decisions.record', { itemId: first.id, colour: 'gul', text: 'Tilsyn fordeles på tre', dissents: [{ role: 'TR (lærere)', text: 'For få timer' }] });

    converge([c, b, a], forum.id);
    const rows = forumRows(a.db, forum.id);
    expect(forumRows(b.db, forum.id)).toEqual(rows);
    expect(forumRows(c.db, forum.id)).toEqual(rows);
    expect((rows['agenda_item'] as { title: string }[]).map((i) => i.title)).toEqual(
      expect.arrayContaining(['Fordeling af tilsyn i udskolingen', 'Trivselsmåling']),
    );
    expect(rows['decision_dissent']).toHaveLength(1);
    expect(rows['forum_member']?.length).toBe(1);
    // What arrived is searchable as what was typed here (the search index follows the rows).
    const found = await must(a.services, 'search.query', { text: 'APV-runden' });
    expect(JSON.stringify(found)).toContain(second.id);
  });

  it('ændringer af to forskellige felter i samme punkt overlever begge', async () => {
    const { laptops, forum, items } = await sharedTrio(2);
    const [a, b] = laptops as [typeof laptops[0], typeof laptops[0]];
    const item = items[0]!;
    await updateItem(a, item.id, { title: 'Tilsyn: ny fordeling' });
    await updateItem(b, item.id, { minutes: 35 });
    converge([a, b], forum.id);
    for (const l of [a, b]) expect(await itemOf(l, item.id)).toMatchObject({ title: 'Tilsyn: ny fordeling', minutes: 35 });
  });

  it('to der skriver i de samme noter samtidig beholder begges ord', async () => {
    const { laptops, forum, items } = await sharedTrio(2);
    const [a, b] = laptops as [typeof laptops[0], typeof laptops[0]];
    const item = items[1]!;
    await must(a.services, 'run.saveNotes', { itemId: item.id, notes: 'Runde om APV.' });
    converge([a, b], forum.id);
    await must(a.services, 'run.saveNotes', { itemId: item.id, notes: 'Mette: Runde om APV.' });
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'Runde om APV. Jonas tager den videre.' });
    converge([a, b], forum.id);
    for (const l of [a, b]) expect((await itemOf(l, item.id)).notes).toBe('Mette: Runde om APV. Jonas tager den videre.');
  });

  it('dagsordenens rækkefølge ender ens uden dobbelte og uden tab', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(3);
    const [a, b, c] = laptops as [typeof laptops[0], typeof laptops[0], typeof laptops[0]];
    await must(a.services, 'agenda.moveItem', { itemId: items[2]!.id, toPosition: 1 });
    await must(b.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Budget', type: 'orientering', minutes: 5 });
    await must(b.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Eventuelt', type: 'orientering', minutes: 5 });
    await must(c.services, 'agenda.moveItem', { itemId: items[0]!.id, toPosition: 3 });
    await must(c.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Lokaler', type: 'orientering', minutes: 5 });
    converge([b, c, a], forum.id);
    const order = agendaOf(a, meeting.id);
    expect(agendaOf(b, meeting.id)).toEqual(order);
    expect(agendaOf(c, meeting.id)).toEqual(order);
    expect(order.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(order.map((i) => i.title))).toEqual(new Set(['Fordeling af tilsyn', 'APV', 'Skemalægning', 'Budget', 'Eventuelt', 'Lokaler']));
    // A's move holds: Skemalægning stands before everything that was there when it moved.
    expect(order.findIndex((i) => i.title === 'Skemalægning')).toBeLessThan(order.findIndex((i) => i.title === 'APV'));
  });
});
