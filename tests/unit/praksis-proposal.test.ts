import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import { must, servicesWithArchive } from './support';

/**
 * Proposing a TRIO's item to the praksisforum, on a laptop without the kommune's server: every refusal comes
 * before anything is written. (With the server and several laptops: tests/server/praksis-proposal.test.ts.)
 */

const TARGET = { serverUrl: 'https://deling.kommune.dk', forumId: '6b1c9a52-3f0e-4d55-9b8e-0d6f4b1e2a77', forumName: 'Praksisforum' };
const ITEM = { type: 'droeftelse', minutes: 20, background: 'Fortroligt: navne og lægeerklæringer.' } as const;

function inboxRows(archive: Archive): number {
  const count = (table: string) => (archive.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('inbox_document') + count('inbox_submission') + count('sync_update');
}

describe('et punkt foreslås til praksisforum', () => {
  it('et lukket punkt, et punkt fra et andet slags forum og en TRIO uden server afvises, og intet skrives', async () => {
    const { services, archive } = servicesWithArchive();
    const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const meeting = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
    const closed = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'En kollegas sygefravær', confidential: true, ...ITEM });
    const open = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Vikardækning', ...ITEM });
    const raad = await must(services, 'forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Vestskolen' });
    const raadMeeting = await must(services, 'meetings.create', { forumId: raad.id, title: 'Rådsmøde', startsAt: '2027-01-13T14:00', durationMinutes: 60 });
    const raadItem = await must(services, 'agenda.addItem', { meetingId: raadMeeting.id, title: 'Læsebånd', ...ITEM });
    const before = inboxRows(archive);
    const propose = (itemId: string) => services.call('inbox.propose', { itemId, ...TARGET, title: 'Forslag', text: 'Tekst' });

    const refusedClosed = await propose(closed.id);
    expect(refusedClosed).toMatchObject({ ok: false, error: { code: 'konflikt', field: 'itemId' } });
    expect(refusedClosed.ok || refusedClosed.error.message).toMatch(/^Et lukket punkt kan ikke foreslås til praksisforum/);
    const refusedKind = await propose(raadItem.id);
    expect(refusedKind.ok || refusedKind.error.message).toBe('Kun et punkt fra en TRIO kan foreslås til praksisforum.');
    // Without the kommune's server, a TRIO has no shared members to propose for it.
    const refusedOffline = await propose(open.id);
    expect(refusedOffline.ok || refusedOffline.error.message).toMatch(/kommunens delingsserver/);
    expect(inboxRows(archive)).toBe(before);
    expect(await must(services, 'inbox.sent', {})).toEqual([]);
    services.close();
  });
});
