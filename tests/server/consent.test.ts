// Each co-owner acts from their own laptop: the skoleleder puts a late item on after the agenda went out, the
// TR consents on the TR's laptop and the skoleleder sees who did; after the meeting each approves the referat on
// their own laptop, and it locks on both. Laptops as the app starts them, against the built server as a process.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import { must, tempArchivePath } from '../unit/support';
import { until } from './laptop';
import { sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

const SERVER = join(__dirname, '../../dist/server/server.cjs');

async function serverInvitationCode(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

async function startLaptop(name: string): Promise<StartingApp> {
  const path = tempArchivePath();
  const app = beginStartup(path, 'test', { sharing: { credentials: deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json')), deviceName: name } });
  running.push(app);
  await app.ready;
  return app;
}

describe('samtykke og godkendelse på hver sin bærbar', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('TR giver samtykke til et sent punkt på sin bærbar, skolelederen ser det, og referatet låses, når begge har godkendt', { timeout: 180_000 }, async () => {
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler', '--navn', 'Skoleleder') });
    const forum = await must(skoleleder, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const mette = await must(skoleleder, 'members.add', { forumId: forum.id, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01', agendaOwner: true });
    const jonas = await must(skoleleder, 'members.add', { forumId: forum.id, name: 'Jonas Holm', role: 'TR (lærere)', fromDate: '2026-08-01', agendaOwner: true });
    const meeting = await must(skoleleder, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-10T14:00', durationMinutes: 90 });
    await must(skoleleder, 'agenda.addItem', { meetingId: meeting.id, title: 'APV', type: 'droeftelse', minutes: 25 });
    await must(skoleleder, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });
    const invitation = await must(skoleleder, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'Jonas Holm', forumPersonId: jonas.personId });

    const tr = await startLaptop('TR-bærbar');
    await must(tr, 'sync.join', { serverAddress: server.http, code: invitation.code });
    await until(async () => (await tr.call('meetings.get', { meetingId: meeting.id })).ok, 20_000, 'mødet på TR-bærbaren');

    // The agenda goes out; then the skoleleder puts a late item on, which waits for the TR by name on both laptops.
    await must(skoleleder, 'meetings.markAgendaSent', { meetingId: meeting.id });
    const late = await must(skoleleder, 'agenda.addItem', { meetingId: meeting.id, title: 'Ny vikarordning', type: 'droeftelse', minutes: 10 });
    const roundAt = async (app: StartingApp) => (await must(app, 'agenda.consents', { meetingId: meeting.id })).items.find((i) => i.itemId === late.id)?.sent;
    await until(async () => (await roundAt(tr))?.awaited.some((a) => a.personId === jonas.personId) === true, 20_000, 'det sene punkt hos TR');

    // Not for someone else, not as the one who put it on: refused on the laptop, nothing sent.
    expect((await skoleleder.call('agenda.consent', { itemId: late.id, kind: 'sent', personId: jonas.personId, given: true })).ok).toBe(false);
    const consent = await must(tr, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: jonas.personId, given: true });
    expect(consent.me).toBe(jonas.personId);

    await until(async () => (await roundAt(skoleleder))?.complete === true, 20_000, 'TR’s samtykke hos skolelederen');
    expect((await roundAt(skoleleder))?.given.map((g) => g.name)).toEqual(['Jonas Holm']);
    const item = (await must(skoleleder, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.id === late.id);
    expect(item).toMatchObject({ consentBy: 'Jonas Holm' });

    // The meeting is held; each approves on their own laptop, and the referat locks on both.
    await must(skoleleder, 'run.start', { meetingId: meeting.id });
    await must(skoleleder, 'run.end', { meetingId: meeting.id });
    await until(async () => (await must(tr, 'meetings.get', { meetingId: meeting.id })).status === 'afholdt', 20_000, 'det afholdte møde hos TR');
    expect((await tr.call('referat.approve', { meetingId: meeting.id, personId: mette.personId })).ok).toBe(false);
    await must(tr, 'referat.approve', { meetingId: meeting.id, personId: jonas.personId });
    await until(
      async () => (await must(skoleleder, 'referat.get', { meetingId: meeting.id })).versions.at(-1)?.approvals.some((a) => a.personId === jonas.personId) === true,
      20_000,
      'TR’s godkendelse hos skolelederen',
    );
    await must(skoleleder, 'referat.approve', { meetingId: meeting.id, personId: mette.personId });
    for (const app of [tr, skoleleder]) await until(async () => (await must(app, 'referat.get', { meetingId: meeting.id })).locked, 20_000, 'det låste referat');
    // The lock's own write reached the members-only document before the server closed it.
    expect(server.logs().filter((line) => line.event === 'refused')).toEqual([]);
  });
});
