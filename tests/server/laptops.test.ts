// Laptops as the app runs them: each its own archive and its own service layer, started as the app starts
// (beginStartup with sharing), against the real sync server as a child process. What a person does goes
// through call(...) only: join with an invitation, share a forum, invite, edit, and see the others' edits.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { READ_ONLY_MESSAGE } from '../../electron/sync/core';
import { deviceCredentialsFile, type DeviceCredentials } from '../../electron/sync/device/deviceCredentials';
import type { AppEvent, Method, MethodResult } from '../../shared/api/contract';
import type { Result } from '../../shared/api/envelope';
import { documentName } from '../../shared/sync/documents';
import { APPROVAL_RECORDS, approvalKey } from '../../shared/sync/personKeys';
import { must, tempArchivePath } from '../unit/support';
import { api, until, within } from './laptop';
import { laptop } from './scenarios';
import { freePort, sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

const SERVER = join(__dirname, '../../dist/server/server.cjs');

interface RunningLaptop {
  app: StartingApp;
  events: AppEvent[];
  /** The archive, and the device credentials beside it. */
  path: string;
  credentials: DeviceCredentials;
  call<M extends Method>(method: M, input: unknown): Promise<Result<MethodResult<M>>>;
}

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

async function startLaptop(name: string, path = tempArchivePath()): Promise<RunningLaptop> {
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name } });
  running.push(app);
  await app.ready;
  const events: AppEvent[] = [];
  app.subscribe((event) => events.push(event));
  return { app, events, path, credentials, call: (method, input) => app.call(method, input) };
}

async function serverInvitation(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

function remoteChangesOf(events: AppEvent[]) {
  return events.flatMap((event) => (event.type === 'archive.changed' && event.method === 'sync.remote' ? event.changes : []));
}

async function failure(result: Promise<Result<unknown>>) {
  const answer = await result;
  if (answer.ok) throw new Error('Kaldet lykkedes, men skulle være afvist.');
  return answer.error;
}

describe('to bærbare deler et forum gennem serveren', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('skolelederen deler sit forum, TR tilmelder sig, og deres ændringer når hinanden', { timeout: 120_000 }, async () => {
    const skoleleder = await startLaptop('Skolelederens bærbar');
    const joined = await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    expect(joined).toEqual({ serverUrl: server.http, forums: [] });
    expect(await must(skoleleder.app, 'sync.servers', {})).toEqual([{ serverUrl: server.http, canShare: true, kommuneLogin: false, signedInAs: null, signInEnded: false }]);

    const forum = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    expect(await must(skoleleder.app, 'sync.forum', { forumId: forum.id })).toEqual({ shared: false });
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-10T14:00', durationMinutes: 90 });
    const item = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Fordeling af tilsyn', type: 'droeftelse', minutes: 20 });
    await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'APV', type: 'droeftelse', minutes: 25 });

    // The forum's people: the skoleleder shares as one of them, and invites the TR as another.
    const mette = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01' });
    const jonas = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Jonas Holm', role: 'TR', fromDate: '2026-08-01' });

    const shared = await must(skoleleder.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });
    expect(shared).toEqual({ forumId: forum.id, serverUrl: server.http, onServer: true });
    expect(await must(skoleleder.app, 'sync.forum', { forumId: forum.id })).toEqual({
      shared: true,
      serverUrl: server.http,
      right: 'medlem',
      admin: true,
      me: { personId: mette.personId, name: 'Mette Lund' },
    });
    // The upload of the forum's history is done, so the door for others' approvals is closed, for this laptop too.
    await server.waitForLog((line) => line.event === 'history-closed' && line.forum === forum.id);
    const sharersDevice = laptop(server, skoleleder.credentials.read(server.http)?.credential ?? '');
    const meetingDoc = await sharersDevice.sync(documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id }));
    const forgeryRefused = new Promise<string>((resolve) => meetingDoc.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    meetingDoc.doc.getMap(APPROVAL_RECORDS).set(approvalKey(randomUUID(), jonas.personId), new Y.Map());
    expect(await within(forgeryRefused, 5000, 'afvisningen af en godkendelse som TR')).toBe('named-other-person');
    sharersDevice.close();
    expect(skoleleder.events).toContainEqual({ type: 'archive.changed', method: 'sync.shareForum', changes: [{ aggregate: 'forum', id: forum.id }] });

    const invitation = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'Tillidsrepræsentanten', forumPersonId: jonas.personId });
    expect(invitation.code).toMatch(/^[A-Za-z0-9-]{20,}$/);
    expect(Date.parse(invitation.expiresAt)).toBeGreaterThan(Date.now());

    const tr = await startLaptop('TR-bærbar');
    const trJoined = await must(tr.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
    expect(trJoined.forums).toEqual([{ forumId: forum.id, name: 'TRIO Vestskolen', right: 'medlem' }]);
    // The forum arrives from the server: its rows appear, and the window heard that they did.
    await until(async () => (await tr.call('meetings.get', { meetingId: meeting.id })).ok, 20_000, 'mødet på TR-bærbaren');
    const atTr = await must(tr.app, 'meetings.get', { meetingId: meeting.id });
    expect(atTr.items.map((i) => i.title)).toEqual(['Fordeling af tilsyn', 'APV']);
    expect(remoteChangesOf(tr.events)).toContainEqual({ aggregate: 'meeting', id: meeting.id });
    expect(await must(tr.app, 'sync.forum', { forumId: forum.id })).toEqual({
      shared: true,
      serverUrl: server.http,
      right: 'medlem',
      admin: false,
      me: { personId: jonas.personId, name: 'Jonas Holm' },
    });
    expect(await must(tr.app, 'sync.servers', {})).toEqual([{ serverUrl: server.http, canShare: false, kommuneLogin: false, signedInAs: null, signInEnded: false }]);

    // TR edits an item; the skoleleder's laptop gets it, and its window hears which meeting changed.
    skoleleder.events.length = 0;
    await must(tr.app, 'agenda.updateItem', {
      itemId: item.id,
      title: 'Fordeling af tilsyn i frikvarteret',
      type: 'droeftelse',
      minutes: 30,
      background: 'Lærerne ønsker færre tilsyn.',
    });
    await until(
      async () => (await must(skoleleder.app, 'meetings.get', { meetingId: meeting.id })).items[0]?.title === 'Fordeling af tilsyn i frikvarteret',
      20_000,
      'TR’s ændring hos skolelederen',
    );
    const atSkoleleder = (await must(skoleleder.app, 'meetings.get', { meetingId: meeting.id })).items[0];
    expect(atSkoleleder).toMatchObject({ minutes: 30, background: 'Lærerne ønsker færre tilsyn.' });
    expect(remoteChangesOf(skoleleder.events)).toContainEqual({ aggregate: 'agenda', id: meeting.id });

    // A læser receives the forum, and may not change it on the laptop either.
    const readerCode = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'læser', name: 'Skolechefen' });
    const skolechef = await startLaptop('Skolechefens bærbar');
    const readerJoined = await must(skolechef.app, 'sync.join', { serverAddress: server.http, code: readerCode.code });
    expect(readerJoined.forums).toEqual([{ forumId: forum.id, name: 'TRIO Vestskolen', right: 'læser' }]);
    await until(async () => (await skolechef.call('meetings.get', { meetingId: meeting.id })).ok, 20_000, 'mødet hos læseren');
    const refused = await failure(skolechef.call('agenda.updateItem', { itemId: item.id, title: 'Ændret af en læser', type: 'droeftelse', minutes: 5 }));
    expect(refused).toEqual({ code: 'konflikt', message: READ_ONLY_MESSAGE });
    expect((await must(skolechef.app, 'meetings.get', { meetingId: meeting.id })).items[0]?.title).toBe('Fordeling af tilsyn i frikvarteret');
    const added = await failure(skolechef.call('agenda.addItem', { meetingId: meeting.id, title: 'Nyt punkt', type: 'droeftelse', minutes: 5 }));
    expect(added.message).toBe(READ_ONLY_MESSAGE);
    // Their own forums are theirs to change.
    await must(skolechef.app, 'forums.create', { kind: 'trio', name: 'Skolechefens eget', school: 'Forvaltningen' });

    // While TR's laptop is off, the admin makes TR a læser; at its next start the laptop learns it and refuses TR's edits.
    tr.app.close();
    const admin = skoleleder.credentials.read(server.http)?.credential ?? '';
    const trPerson = tr.credentials.read(server.http)?.personId ?? '';
    const lowered = await api(server.http, 'PUT', `/api/fora/${forum.id}/medlemmer/${trPerson}`, { credential: admin, body: { ret: 'læser' } });
    expect(lowered.status).toBe(200);
    const trAgain = await startLaptop('TR-bærbar', tr.path);
    const rightAtTr = async () => {
      const sharing = await must(trAgain.app, 'sync.forum', { forumId: forum.id });
      return sharing.shared ? sharing.right : null;
    };
    await until(async () => (await rightAtTr()) === 'læser', 20_000, 'læser-retten hos TR');
    expect(trAgain.events).toContainEqual({ type: 'archive.changed', method: 'sync.remote', changes: [{ aggregate: 'forum', id: forum.id }] });
    expect((await failure(trAgain.call('agenda.updateItem', { itemId: item.id, title: 'Efter nedgradering', type: 'droeftelse', minutes: 5 }))).message).toBe(READ_ONLY_MESSAGE);
  });

  it('forkert kode, forkert adresse og en server, der ikke svarer, giver danske beskeder', { timeout: 60_000 }, async () => {
    const laptop = await startLaptop('Prøvebærbar');
    const unknown = await failure(laptop.call('sync.join', { serverAddress: server.http, code: 'AAAAA-BBBBB-CCCCC-DDDDD' }));
    expect(unknown).toMatchObject({ code: 'ugyldigt_input', field: 'code', message: expect.stringMatching(/findes ikke på serveren/) });

    const used = await serverInvitation(storage, '--deler');
    await must(laptop.app, 'sync.join', { serverAddress: server.http, code: used });
    const again = await failure(laptop.call('sync.join', { serverAddress: server.http, code: used }));
    expect(again).toMatchObject({ field: 'code', message: expect.stringMatching(/allerede brugt/) });

    const insecure = await failure(laptop.call('sync.join', { serverAddress: 'http://deling.kommune.dk', code: used }));
    expect(insecure).toMatchObject({ code: 'ugyldigt_input', field: 'serverAddress', message: expect.stringMatching(/sikker forbindelse/) });
    const garbled = await failure(laptop.call('sync.join', { serverAddress: 'https://bruger:kode@deling.kommune.dk', code: used }));
    expect(garbled).toMatchObject({ field: 'serverAddress' });

    const nobody = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await failure(laptop.call('sync.join', { serverAddress: nobody, code: used }));
    expect(unreachable.message).toMatch(/kan ikke nås/);
    const forum = await must(laptop.app, 'forums.create', { kind: 'trio', name: 'TRIO Nordskolen', school: 'Nordskolen' });
    const notJoined = await failure(laptop.call('sync.shareForum', { forumId: forum.id, serverAddress: nobody }));
    expect(notJoined.message).toMatch(/ikke tilmeldt delingsserveren/);
    const notShared = await failure(laptop.call('sync.invite', { forumId: forum.id, right: 'medlem', name: 'TR' }));
    expect(notShared.message).toMatch(/ikke delt endnu/);
    for (const error of [unknown, again, insecure, unreachable, notJoined, notShared]) expect(error.message).toMatch(/^[A-ZÆØÅ].*[.!?]$/);
  });

  it('et forum, en anden har delt, og en person uden lov til at dele, får hver sin besked', { timeout: 60_000 }, async () => {
    const first = await startLaptop('Første bærbar');
    await must(first.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler') });
    const forum = await must(first.app, 'forums.create', { kind: 'trio', name: 'TRIO Sydskolen', school: 'Sydskolen' });
    const meeting = await must(first.app, 'meetings.create', { forumId: forum.id, title: 'Planlægning', startsAt: '2026-12-11T08:00', durationMinutes: 60 });
    await must(first.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemaet', type: 'droeftelse', minutes: 10, background: 'Tre ønsker.' });
    const file = await must(first.app, 'exchange.export', { scope: 'forum', id: forum.id });
    await must(first.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http });
    // Sharing again through the same server is no error: it is shared.
    expect((await must(first.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http })).forumId).toBe(forum.id);

    // Another sharer with a copy of the same forum (same id, from an exchange file) cannot take it over.
    const second = await startLaptop('Anden bærbar');
    await must(second.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler') });
    await must(second.app, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    expect((await must(second.app, 'forums.get', { forumId: forum.id })).name).toBe('TRIO Sydskolen');
    const taken = await failure(second.call('sync.shareForum', { forumId: forum.id, serverAddress: server.http }));
    expect(taken.message).toMatch(/allerede delt på serveren af en anden/);
    expect(await must(second.app, 'sync.forum', { forumId: forum.id })).toEqual({ shared: false });

    // Invited by the one who shared it, the copy merges in: the same forum, meeting and item once, on both laptops.
    await must(second.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Kun i kopien', type: 'droeftelse', minutes: 5 });
    const copyInvitation = await must(first.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'Kopiens ejer' });
    await must(second.app, 'sync.join', { serverAddress: server.http, code: copyInvitation.code });
    const titles = async (laptop: RunningLaptop) => (await must(laptop.app, 'meetings.get', { meetingId: meeting.id })).items.map((i) => i.title).sort();
    await until(async () => (await titles(first)).length === 2, 20_000, 'kopiens punkt hos den første');
    await until(async () => JSON.stringify(await titles(second)) === JSON.stringify(await titles(first)), 20_000, 'samme punkter på begge');
    expect(await titles(first)).toEqual(['Kun i kopien', 'Skemaet']);
    const forumsNamed = async (laptop: RunningLaptop) => (await must(laptop.app, 'forums.list', {})).filter((f) => f.name === 'TRIO Sydskolen').length;
    expect([await forumsNamed(first), await forumsNamed(second)]).toEqual([1, 1]);
    expect((await must(second.app, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.title === 'Skemaet')?.background).toBe('Tre ønsker.');

    // A medlem without the kommune's sharing invitation may not share a forum of their own.
    const invitation = await must(first.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'TR' });
    const member = await startLaptop('Medlemmets bærbar');
    await must(member.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
    const own = await must(member.app, 'forums.create', { kind: 'trio', name: 'Eget forum', school: 'Sydskolen' });
    const notAllowed = await failure(member.call('sync.shareForum', { forumId: own.id, serverAddress: server.http }));
    expect(notAllowed.message).toMatch(/ikke lov til at dele fora/);
    // Nor invite to the forum they joined.
    const noInvite = await failure(member.call('sync.invite', { forumId: forum.id, right: 'læser', name: 'Gæst' }));
    expect(noInvite.message).toMatch(/Kun forummets administratorer/);
  });
  it('en godkendelse for en anden afvises på den bærbare, og en kopi med andres godkendelser tilsluttes uden afvisning', { timeout: 180_000 }, async () => {
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    await must(skoleleder.app, 'demo.install', {});
    const held = (await must(skoleleder.app, 'meetings.list', {})).find((m) => m.status === 'afholdt');
    if (!held) throw new Error('Demoen har intet afholdt møde.');
    const { coOwners } = await must(skoleleder.app, 'referat.get', { meetingId: held.id });
    const [me, other] = coOwners;
    if (!me || !other) throw new Error('Demomødet har ikke to dagsordensejere.');
    // The skoleleder approves before sharing; a copy of the forum, with that approval, goes to the other co-owner.
    await must(skoleleder.app, 'referat.approve', { meetingId: held.id, personId: me.personId });
    const file = await must(skoleleder.app, 'exchange.export', { scope: 'forum', id: held.forumId });
    await must(skoleleder.app, 'sync.shareForum', { forumId: held.forumId, serverAddress: server.http, forumPersonId: me.personId });
    await server.waitForLog((line) => line.event === 'history-closed' && line.forum === held.forumId);

    // Approving for the other co-owner is refused at once, with the reason, and nothing is written.
    const refused = await failure(skoleleder.call('referat.approve', { meetingId: held.id, personId: other.personId }));
    expect(refused.message).toMatch(/for en anden/);
    const approvedBy = async (laptop: RunningLaptop) =>
      ((await must(laptop.app, 'referat.get', { meetingId: held.id })).versions.at(-1)?.approvals ?? []).map((a) => a.personId).sort();
    expect(await approvedBy(skoleleder)).toEqual([me.personId]);

    // The other co-owner's laptop holds the copy, with the skoleleder's approval in it.
    const tr = await startLaptop('TR’s bærbar');
    await must(tr.app, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    const invitation = await must(skoleleder.app, 'sync.invite', { forumId: held.forumId, right: 'medlem', name: 'TR', forumPersonId: other.personId });
    await must(tr.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
    // Joining, the copy speaks only for its own person: the skoleleder's approval in it is not sent as if new,
    // nothing is refused for naming another, and the TR's own approval reaches the skoleleder.
    await until(async () => (await must(tr.app, 'sync.forum', { forumId: held.forumId })).shared === true, 20_000, 'forummet delt hos TR');
    // She approves last at once, while her copy may still be on its way: the lock waits until the server has taken it
    // (electron/sync/awaitedLock.ts), so the lock's write to the fortroligt document does not travel with the copy.
    await must(tr.app, 'referat.approve', { meetingId: held.id, personId: other.personId });
    const both = [me.personId, other.personId].sort();
    const lockedWith = async (laptop: RunningLaptop) => {
      const referat = await must(laptop.app, 'referat.get', { meetingId: held.id });
      return referat.locked && JSON.stringify(referat.versions.at(-1)?.approvals.map((a) => a.personId).sort()) === JSON.stringify(both);
    };
    for (const laptop of [tr, skoleleder]) await until(() => lockedWith(laptop), 30_000, 'det låste referat med begge godkendelser');
    const sent = async () => (await must(tr.app, 'sync.status', {})).find((s) => s.forumId === held.forumId)?.waiting === 0;
    await until(sent, 30_000, 'TR’s kopi og låsen sendt til serveren');
    expect(server.logs().filter((line) => line.event === 'refused' && line.forum === held.forumId)).toEqual([]);
    const status = (await must(tr.app, 'sync.status', {})).find((s) => s.forumId === held.forumId);
    expect(status?.refusedChange ?? false).toBe(false);
  });
});
