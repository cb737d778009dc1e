// A school's TRIO proposes an agenda item to the praksisforum, with laptops as the app runs them (each its own
// archive and service layer) against the real sync server as a child process: the praksisforum is offered by
// its kind, a confidential item is refused before anything is written, a læser and an unshared TRIO are refused,
// the skolechef accepts one proposal onto the praksisforum's meeting and declines another, and each answer
// comes back to the TRIO's item.
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/envelope';
import { must } from '../unit/support';
import { serverInvitationCode, startAppLaptop, type AppLaptop } from './appLaptops';
import { until } from './laptop';
import { sqliteStorage, startServerProcess, stopAllServers, type Storage } from './serverProcess';

async function failure(result: Promise<Result<unknown>>) {
  const answer = await result;
  if (answer.ok) throw new Error('Kaldet lykkedes, men skulle være afvist.');
  return answer.error;
}

const item = { type: 'droeftelse', minutes: 20, announcedColour: null, owner: '', announcedGiven: '', announcedOpen: '', sensitive: false } as const;

describe('et punkt fra skolens TRIO foreslås til praksisforum', () => {
  let storage: Storage;
  afterAll(async () => {
    await stopAllServers();
    await storage.cleanup();
  });

  it('praksisforummet tilbydes efter sin art, et lukket punkt og en læser afvises, og svaret kommer tilbage til punktet', { timeout: 180_000 }, async () => {
    storage = sqliteStorage();
    const server = await startServerProcess(storage);

    // The school's TRIO: an open item, another, and a confidential one; shared by the skoleleder, the AMR joins as læser.
    const skoleleder = await startAppLaptop('Skolelederens bærbar', { inboxPollMs: 200 });
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler', '--navn', 'Skoleleder') });
    const trio = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const trioMeeting = await must(skoleleder.app, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2026-12-17T14:00', durationMinutes: 90 });
    const add = (title: string, background: string, confidential = false) =>
      must(skoleleder.app, 'agenda.addItem', { meetingId: trioMeeting.id, title, background, confidential, ...item });
    const vikar = await add('Vikardækning i udskolingen', 'Timerne dækkes af de samme få lærere.');
    const kopi = await add('Kopimaskinen', 'Den er altid i stykker.');
    const closed = await add('Sygefravær hos en navngiven kollega', 'Fortroligt: lægeerklæring og samtaler.', true);
    const skolegaard = await add('Skolegården', 'Tilsynet i frikvartererne.');
    await must(skoleleder.app, 'sync.shareForum', { forumId: trio.id, serverAddress: server.http });
    const amr = await startAppLaptop('AMR-bærbar', { inboxPollMs: 200 });
    await must(amr.app, 'sync.join', { serverAddress: server.http, code: (await must(skoleleder.app, 'sync.invite', { forumId: trio.id, right: 'læser', name: 'AMR' })).code });

    // The kommune's praksisforum, shared by the skolechef, with a coming meeting.
    const skolechef = await startAppLaptop('Skolechefens bærbar', { inboxPollMs: 200 });
    await must(skolechef.app, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler', '--navn', 'Skolechef') });
    const praksis = await must(skolechef.app, 'forums.create', { kind: 'praksisforum', name: 'Praksisforum Vestskolen', school: 'Vestskolen' });
    const praksisMeeting = await must(skolechef.app, 'meetings.create', { forumId: praksis.id, title: 'Praksisforum', startsAt: '2027-01-14T15:00', durationMinutes: 90 });
    await must(skolechef.app, 'sync.shareForum', { forumId: praksis.id, serverAddress: server.http });

    // The TRIO's laptop is offered the praksisforum by its kind, once the server holds the forum's index.
    const praksisTarget = async () => (await must(skoleleder.app, 'inbox.targets', {})).targets.find((t) => t.forumId === praksis.id);
    await until(async () => (await praksisTarget())?.kind === 'praksisforum', 20_000, 'praksisforummet med sin art');
    expect(await praksisTarget()).toEqual({ serverUrl: server.http, forumId: praksis.id, name: 'Praksisforum Vestskolen', kind: 'praksisforum' });
    const propose = (laptop: AppLaptop, itemId: string, title: string, text: string, forumId = praksis.id) =>
      laptop.app.call('inbox.propose', { itemId, serverUrl: server.http, forumId, forumName: 'Praksisforum Vestskolen', title, text });

    // A confidential item is refused, and nothing of it is written: no inbox, no submission.
    const refusedClosed = await failure(propose(skoleleder, closed.id, closed.title, closed.background));
    expect(refusedClosed).toMatchObject({ code: 'konflikt', field: 'itemId' });
    expect(refusedClosed.message).toMatch(/^Et lukket punkt kan ikke foreslås til praksisforum/);
    expect(await must(skoleleder.app, 'inbox.sent', {})).toEqual([]);
    // The læser may read the TRIO's items but not propose them.
    await until(async () => (await must(amr.app, 'meetings.get', { meetingId: trioMeeting.id })).items.some((i) => i.id === vikar.id), 20_000, 'punktet hos AMR');
    const refusedReader = await failure(propose(amr, vikar.id, vikar.title, ''));
    expect(refusedReader.message).toBe('Kun medlemmer af TRIO Vestskolen kan foreslå dens punkter til praksisforum; du kan læse med.');
    expect(await must(amr.app, 'inbox.sent', {})).toEqual([]);
    // A TRIO kept on this laptop alone has no members to speak for it; a praksisforum's own item is no TRIO's.
    const local = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Østskolen', school: 'Østskolen' });
    const localMeeting = await must(skoleleder.app, 'meetings.create', { forumId: local.id, title: 'TRIO-møde', startsAt: '2026-12-18T14:00', durationMinutes: 60 });
    const localItem = await must(skoleleder.app, 'agenda.addItem', { meetingId: localMeeting.id, title: 'Skolegården', background: '', confidential: false, ...item });
    expect((await failure(propose(skoleleder, localItem.id, 'Skolegården', ''))).message).toMatch(/^TRIO Østskolen er ikke delt på kommunens server/);
    const ownItem = await must(skolechef.app, 'agenda.addItem', { meetingId: praksisMeeting.id, title: 'Årets eksempler', background: '', confidential: false, ...item });
    expect((await failure(propose(skolechef, ownItem.id, 'Årets eksempler', ''))).message).toBe('Kun et punkt fra en TRIO kan foreslås til praksisforum.');
    expect((await failure(propose(skoleleder, vikar.id, 'Vikar', '', trio.id))).field).toBe('forumId');

    // The member proposes two items with the title and text they chose; the same item once only.
    const sentVikar = await must(skoleleder.app, 'inbox.propose', {
      itemId: vikar.id,
      serverUrl: server.http,
      forumId: praksis.id,
      forumName: 'Praksisforum Vestskolen',
      title: 'Vikardækning: samme lærere hver gang',
      text: 'Hvordan fordeler andre skoler vikartimerne?',
    });
    expect(sentVikar).toMatchObject({ forumId: praksis.id, agendaItemId: vikar.id, listeningInputId: null, answer: null });
    expect(sentVikar.origin).toBe('Et punkt fra TRIO Vestskolen på Vestskolen (mødet 17. december 2026).');
    expect((await failure(propose(skoleleder, vikar.id, 'Igen', ''))).message).toBe('Punktet er allerede foreslået til Praksisforum Vestskolen.');
    const sentKopi = await must(skoleleder.app, 'inbox.propose', { itemId: kopi.id, serverUrl: server.http, forumId: praksis.id, forumName: 'Praksisforum Vestskolen', title: 'Kopimaskinen', text: '' });

    // The praksisforum's inbox holds the two proposals, and nothing of the confidential item.
    const inbox = async () => must(skolechef.app, 'inbox.list', { forumId: praksis.id });
    await until(async () => (await inbox()).length === 2, 20_000, 'forslagene i praksisforummets indbakke');
    const received = await inbox();
    expect(received.map((s) => s.title).sort()).toEqual(['Kopimaskinen', 'Vikardækning: samme lærere hver gang']);
    expect(JSON.stringify(received)).not.toMatch(/Sygefravær|lægeerklæring/);
    expect(received.find((s) => s.id === sentVikar.id)).toMatchObject({ senderName: 'Skoleleder', text: 'Hvordan fordeler andre skoler vikartimerne?', agendaItemId: null });

    // The skolechef accepts one onto the praksisforum's meeting and declines the other; both answers reach the TRIO's items.
    await must(skolechef.app, 'inbox.accept', { submissionId: sentVikar.id, meetingId: praksisMeeting.id, title: 'Vikardækning', type: 'droeftelse', minutes: 30 });
    await must(skolechef.app, 'inbox.decline', { submissionId: sentKopi.id, reason: 'Det hører til hos den tekniske service.' });
    const answerOf = async (itemId: string) => (await must(skoleleder.app, 'inbox.sent', {})).find((s) => s.agendaItemId === itemId)?.answer ?? null;
    await until(async () => (await answerOf(vikar.id)) !== null && (await answerOf(kopi.id)) !== null, 20_000, 'svarene hos TRIO’en');
    expect(await answerOf(vikar.id)).toMatchObject({ outcome: 'optaget', meetingStartsAt: '2027-01-14T15:00', itemTitle: 'Vikardækning', answeredBy: 'Praksisforum Vestskolen' });
    expect(await answerOf(kopi.id)).toMatchObject({ outcome: 'afvist', reason: 'Det hører til hos den tekniske service.' });
    const praksisItem = (await must(skolechef.app, 'meetings.get', { meetingId: praksisMeeting.id })).items.find((i) => i.title === 'Vikardækning');
    expect(praksisItem?.background).toContain('Et punkt fra TRIO Vestskolen på Vestskolen');

    // The skoleleder becomes a member of the praksisforum too: it is shared on her laptop now, and still offered.
    const invitation = await must(skolechef.app, 'sync.invite', { forumId: praksis.id, right: 'medlem', name: 'Skoleleder' });
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
    const ownTarget = async () => (await must(skoleleder.app, 'inbox.targets', {})).own.find((t) => t.forumId === praksis.id);
    await until(async () => (await ownTarget()) !== undefined, 20_000, 'praksisforummet delt på skolelederens bærbar');
    expect(await ownTarget()).toEqual({ serverUrl: server.http, forumId: praksis.id, name: 'Praksisforum Vestskolen', kind: 'praksisforum' });
    await must(skoleleder.app, 'inbox.propose', { itemId: skolegaard.id, serverUrl: server.http, forumId: praksis.id, forumName: 'Praksisforum Vestskolen', title: 'Tilsyn i skolegården', text: '' });
    await until(async () => (await inbox()).some((s) => s.title === 'Tilsyn i skolegården'), 20_000, 'forslaget fra et medlem af begge fora');

    // Every laptop wrote only its own part of the inbox documents: the server refused nothing.
    expect(server.logs().filter((line) => line.reason?.startsWith('inbox-'))).toEqual([]);
  });
});
