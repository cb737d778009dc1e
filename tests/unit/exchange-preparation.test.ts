import { describe, expect, it } from 'vitest';
import type { ArchiveServices } from '../../electron/services/dispatch';
import { EXCHANGE_FORMAT_VERSION } from '../../shared/exchange/format';
import { must } from './support';
import { converge, demoOwners, laptop, type Laptop } from './sync-support';

/**
 * The room's preparation travels with the exchange file (formatversion 6): each person's consent to a late item,
 * the members' comments and questions, and who put an item on. Read back into another archive, they are the
 * same rows; the shared variant leaves a closed item's comments out with the item; a file from before still imports.
 */

const CANARY = 'KANARIKOMMENTAR-FIL';

async function exported(services: ArchiveServices, meetingId: string, variant: 'fuld' | 'delt' = 'fuld'): Promise<string> {
  const doc = await must(services, 'exchange.export', { scope: 'moede', id: meetingId, variant });
  return Buffer.from(doc.base64, 'base64').toString('utf8');
}

function rows(l: Laptop, table: 'item_consent' | 'item_comment', meetingId: string): unknown[] {
  return l.db.prepare(`SELECT * FROM ${table} WHERE item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?) ORDER BY 1, 2, 3`).all(meetingId);
}

/** The demo's coming meeting, shared between the skoleleder's laptop and the TR's, with a late item the TR consented to and comments on it. */
async function preparedMeeting() {
  const { a, b, forumId, meetingId, leader, tr } = await demoOwners();
  const late = await must(a.services, 'agenda.addItem', { meetingId, title: 'Ny vikarordning', type: 'droeftelse', minutes: 10 });
  const closed = await must(a.services, 'agenda.addItem', { meetingId, title: 'Personalesag', type: 'droeftelse', minutes: 10, confidential: true });
  converge([a, b], forumId);
  await must(b.services, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true });
  const [question] = await must(b.services, 'comments.add', { itemId: late.id, kind: 'spoergsmaal', text: 'Hvem dækker timerne i december?' });
  await must(b.services, 'comments.add', { itemId: closed.id, kind: 'kommentar', text: `Husk ${CANARY} før mødet.` });
  converge([a, b], forumId);
  await must(a.services, 'comments.markAnswered', { commentId: question!.id, answered: true });
  await must(a.services, 'comments.add', { itemId: late.id, kind: 'kommentar', text: 'Jeg har talt med vikarbureauet.' });
  return { a, b, forumId, meetingId, late, closed, leader, tr };
}

describe('samtykker og kommentarer i udvekslingsfilen', { timeout: 60_000 }, () => {
  it('et mødes fil bærer hver persons samtykke, kommentarerne og hvem der satte punktet på; læst ind et andet sted er rækkerne de samme', async () => {
    const { a, meetingId, late, leader, tr } = await preparedMeeting();
    const text = await exported(a.services, meetingId);
    const file = JSON.parse(text) as { formatVersion: number; persons: { id: string }[]; meetings: { items: { id: string; addedBy: string | null; consents: unknown[]; comments: unknown[] }[] }[] };
    expect(file.formatVersion).toBe(EXCHANGE_FORMAT_VERSION);
    const item = file.meetings[0]?.items.find((i) => i.id === late.id);
    expect(item?.addedBy).toBe(leader.personId);
    expect(item?.consents).toEqual([expect.objectContaining({ kind: 'sent', personId: tr.personId })]);
    expect(item?.comments).toHaveLength(2);
    // The people the file names come with it.
    expect(file.persons.map((p) => p.id)).toEqual(expect.arrayContaining([leader.personId, tr.personId]));

    const c = laptop();
    const summary = await must(c.services, 'exchange.import', { content: text });
    expect(summary.alreadyPresent).toBe(0);
    for (const table of ['item_consent', 'item_comment'] as const) expect(rows(c, table, meetingId), table).toEqual(rows(a, table, meetingId));
    const adder = (l: Laptop) => l.db.prepare('SELECT added_by FROM agenda_item WHERE id = ?').pluck().get(late.id);
    expect(adder(c)).toBe(leader.personId);
    // The waiting list reads the same: the TR consented, the skoleleder put it on.
    const consents = await must(c.services, 'agenda.consents', { meetingId: meetingId });
    expect(consents.items.find((i) => i.itemId === late.id)?.sent).toMatchObject({ given: [expect.objectContaining({ personId: tr.personId })], complete: true });
    // And it goes out again byte for byte.
    expect(await exported(c.services, meetingId)).toBe(text);
  });

  it('udgaven til deling har ikke det lukkede punkts kommentar; den fortrolige fil har den', async () => {
    const { a, meetingId, closed } = await preparedMeeting();
    const shared = await exported(a.services, meetingId, 'delt');
    expect(shared).not.toContain(CANARY);
    expect(shared).toContain('Hvem dækker timerne i december?');
    const full = JSON.parse(await exported(a.services, meetingId)) as { meetings: { items: { id: string; comments: { text: string }[] }[] }[] };
    expect(full.meetings[0]?.items.find((i) => i.id === closed.id)?.comments[0]?.text).toContain(CANARY);
  });

  it('en fil fra formatversion 5 uden samtykker og kommentarer indlæses og fjerner ingen', async () => {
    const { a, meetingId, late } = await preparedMeeting();
    const file = JSON.parse(await exported(a.services, meetingId)) as Record<string, unknown> & { meetings: { items: Record<string, unknown>[] }[] };
    for (const m of file.meetings) for (const item of m.items) for (const key of ['addedBy', 'consents', 'comments']) delete item[key];
    const before = { consents: rows(a, 'item_consent', meetingId), comments: rows(a, 'item_comment', meetingId) };
    const summary = await must(a.services, 'exchange.import', { content: JSON.stringify({ ...file, formatVersion: 5 }) });
    expect(summary.added).toBe(0);
    expect(rows(a, 'item_consent', meetingId)).toEqual(before.consents);
    expect(rows(a, 'item_comment', meetingId)).toEqual(before.comments);

    const fresh = laptop();
    await must(fresh.services, 'exchange.import', { content: JSON.stringify({ ...file, formatVersion: 5 }) });
    expect(rows(fresh, 'item_comment', meetingId)).toEqual([]);
    expect(fresh.db.prepare('SELECT added_by FROM agenda_item WHERE id = ?').pluck().get(late.id)).toBeNull();
  });

  it('et samtykke fra en person, hverken filen eller arkivet kender, afvises med en dansk besked', async () => {
    const { a, meetingId, late } = await preparedMeeting();
    const file = JSON.parse(await exported(a.services, meetingId)) as { persons: { id: string }[]; meetings: { items: { id: string; consents: { personId: string }[] }[] }[] };
    const stranger = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const item = file.meetings[0]?.items.find((i) => i.id === late.id);
    if (!item?.consents[0]) throw new Error('Punktet har intet samtykke i filen.');
    item.consents[0].personId = stranger;
    const refused = await laptop().services.call('exchange.import', { content: JSON.stringify(file) });
    expect(refused.ok ? null : refused.error.message).toMatch(/consents\[0\]\.personId: Personen findes hverken i filen eller i arkivet/);
  });
});
