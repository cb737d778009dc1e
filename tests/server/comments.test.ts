// Reading before the meeting across laptops: a member comments on the coming meeting's items on their own laptop,
// and the skoleleder's laptop receives it through the real sync server (a child process); a læser receives the
// comments on open items, and nothing of a comment on a closed item, not even in the bytes it was sent.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { READ_ONLY_MESSAGE } from '../../electron/sync/core';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import { must, tempArchivePath } from '../unit/support';
import { until } from './laptop';
import { sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

const SERVER = join(__dirname, '../../dist/server/server.cjs');
const CANARY = 'KANARIKOMMENTAR42';

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

async function startLaptop(name: string, path = tempArchivePath()) {
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name } });
  running.push(app);
  await app.ready;
  return { app, path };
}

async function sharerInvitation(storage: Storage): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', '--deler', '--navn', 'Skoleleder', ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

describe('kommentarer før mødet gennem serveren', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('TR kommenterer på sin egen bærbar, skolelederen ser det med nyt og historik, og læseren får intet fra et lukket punkt', { timeout: 180_000 }, async () => {
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await sharerInvitation(storage) });
    const forum = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Østskolen', school: 'Østskolen' });
    const mette = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Mette Hansen', role: 'Skoleleder', fromDate: '2026-08-01' });
    const jonas = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Jonas Berg', role: 'TR', fromDate: '2026-08-01' });
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-14T14:00', durationMinutes: 90 });
    const open = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Vikardækning', type: 'droeftelse', minutes: 20 });
    const closed = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Personalesag', type: 'droeftelse', minutes: 15, confidential: true });
    await must(skoleleder.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });
    await must(skoleleder.app, 'agenda.markSeen', { meetingId: meeting.id });

    const tr = await startLaptop('TR-bærbar');
    const trCode = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'Jonas Berg', forumPersonId: jonas.personId });
    await must(tr.app, 'sync.join', { serverAddress: server.http, code: trCode.code });
    const reader = await startLaptop('Skolechefens bærbar');
    const readerCode = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'læser', name: 'Skolechefen' });
    await must(reader.app, 'sync.join', { serverAddress: server.http, code: readerCode.code });
    await until(async () => (await tr.app.call('meetings.get', { meetingId: meeting.id })).ok, 30_000, 'mødet på TR-bærbaren');
    await until(async () => (await reader.app.call('meetings.get', { meetingId: meeting.id })).ok, 30_000, 'mødet hos læseren');
    // TR is Jonas Berg in the forum, as the server says.
    await until(async () => {
      const sharing = await must(tr.app, 'sync.forum', { forumId: forum.id });
      return sharing.shared && sharing.me?.personId === jonas.personId;
    }, 30_000, 'TR’s person i forummet');

    await must(tr.app, 'comments.add', { itemId: open.id, kind: 'spoergsmaal', text: 'Hvor mange vikartimer var der i november?' });
    await until(async () => (await must(tr.app, 'meetings.get', { meetingId: meeting.id })).items.some((i) => i.id === closed.id && i.title === 'Personalesag'), 30_000, 'det lukkede punkt hos TR');
    await must(tr.app, 'comments.add', { itemId: closed.id, kind: 'kommentar', text: `Husk ${CANARY} før mødet.` });

    await until(async () => (await must(skoleleder.app, 'comments.list', { itemId: open.id })).length === 1, 30_000, 'TR’s spørgsmål hos skolelederen');
    await until(async () => (await must(skoleleder.app, 'comments.list', { itemId: closed.id })).length === 1, 30_000, 'TR’s kommentar til det lukkede punkt hos skolelederen');
    const [question] = await must(skoleleder.app, 'comments.list', { itemId: open.id });
    expect(question).toMatchObject({ kind: 'spoergsmaal', authorName: 'Jonas Berg', mine: false, answeredAt: null });
    const news = await must(skoleleder.app, 'agenda.news', { meetingId: meeting.id });
    expect(news.items.find((i) => i.itemId === open.id)?.newComments).toBe(1);
    expect(news.items.find((i) => i.itemId === closed.id)?.newComments).toBe(1);

    // TR changes the item's background; the skoleleder sees it as changed, by Jonas Berg, in the item's history.
    await must(tr.app, 'agenda.updateItem', { itemId: open.id, title: 'Vikardækning', type: 'droeftelse', minutes: 20, background: 'Tallene fra november.' });
    await until(async () => (await must(skoleleder.app, 'agenda.news', { meetingId: meeting.id })).items.find((i) => i.itemId === open.id)?.item === 'aendret', 30_000, 'ændringen som nyt');
    expect((await must(skoleleder.app, 'agenda.history', { itemId: open.id }))[0]).toMatchObject({ personName: 'Jonas Berg', fields: ['background'], added: false });

    // The læser sees the open item's question, and nothing of the closed item's comment, in rows or received bytes.
    await until(async () => (await must(reader.app, 'comments.list', { itemId: open.id })).length === 1, 30_000, 'spørgsmålet hos læseren');
    expect(await must(reader.app, 'comments.list', { itemId: closed.id })).toEqual([]);
    const refused = await reader.app.call('comments.add', { itemId: open.id, kind: 'kommentar', text: 'Fra en læser' });
    expect(refused.ok ? null : refused.error.message).toBe(READ_ONLY_MESSAGE);
    for (const app of running.splice(0)) app.close();
    for (const file of [reader.path, `${reader.path}-wal`]) if (existsSync(file)) expect(readFileSync(file).includes(CANARY), `${file} hos læseren`).toBe(false);
    expect(readFileSync(skoleleder.path).includes(CANARY) || (existsSync(`${skoleleder.path}-wal`) && readFileSync(`${skoleleder.path}-wal`).includes(CANARY))).toBe(true);
  });
});
