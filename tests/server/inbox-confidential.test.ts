// An input taken from the inbox onto a meeting, and the item closed afterwards: the answer to the sender (who is
// outside the forum) names the item it went to. Laptops as the app runs them against the real sync server as a
// child process; the item is closed while the server is down, so the answer and the closing reach the server
// together, and the sender's laptop must never receive the closed item's title, not even in the raw updates.
// Closed on another member's laptop, one that does not hold the answer, the sender's copy follows as well.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import type { InboxAnswer } from '../../shared/api/methods/inbox';
import type { AgendaItem } from '../../shared/api/types';
import { must, tempArchivePath } from '../unit/support';
import { until } from './laptop';
import { freePort, sqliteStorage, startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

const SERVER = join(__dirname, '../../dist/server/server.cjs');
const SECRET_TITLE = 'KANARIE Klagen over vikardækningen';

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

const paths = new WeakMap<StartingApp, string>();

/** `inboxPollMs`: how often the laptop asks the server which inboxes it answers (besides when a forum connects). */
async function startLaptop(name: string, inboxPollMs = 200): Promise<StartingApp> {
  const path = tempArchivePath();
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name, inboxPollMs } });
  running.push(app);
  paths.set(app, path);
  await app.ready;
  return app;
}

async function serverInvitation(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

/** The item an answer names, as its reader sees it; null for a declined submission or none yet. */
const itemTitleOf = (answer: InboxAnswer | null | undefined): string | null => (answer?.outcome === 'optaget' ? answer.itemTitle : null);

/** Saves the item closed or open, as the item form does (it always sends every field). */
async function setClosed(app: StartingApp, item: AgendaItem, confidential: boolean): Promise<void> {
  const { id: itemId, title, type, minutes, announcedColour, owner, background, sensitive } = item;
  await must(app, 'agenda.updateItem', { itemId, title, type, minutes, announcedColour, owner, background, confidential, sensitive });
}

describe('et input sat på dagsordenen fra indbakken, og punktet lukkes bagefter', () => {
  const storages: Storage[] = [];
  let server: ServerProcess;
  afterAll(async () => {
    await stopAllServers();
    for (const storage of storages) await storage.cleanup();
  });

  /** A server (on `port`, to restart it there), and the skoleleder's laptop sharing a TRIO with one meeting through it. */
  async function sharedTrio() {
    const storage = sqliteStorage();
    storages.push(storage);
    const port = String(await freePort());
    server = await startServerProcess(storage, ['--port', port]);
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    const trio = await must(skoleleder, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const meeting = await must(skoleleder, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2026-12-17T14:00', durationMinutes: 90 });
    await must(skoleleder, 'sync.shareForum', { forumId: trio.id, serverAddress: server.http });
    return { storage, port, skoleleder, trio, meeting };
  }

  it('afsenderen får aldrig det lukkede punkts titel, kun «Lukket punkt» og mødets dato', { timeout: 180_000 }, async () => {
    const { storage, port, skoleleder, trio, meeting } = await sharedTrio();


    const kreds = await startLaptop('Kredsformandens bærbar');
    await must(kreds, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Kredsformand') });
    const series = await must(kreds, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
    const visit = await must(kreds, 'listening.planMeeting', { seriesId: series.id, school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingen' });
    const input = await must(kreds, 'listening.addInput', { meetingId: visit.id, text: 'Vikartimerne fordeles skævt.', themes: [] });
    const sent = await must(kreds, 'inbox.send', { inputId: input.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'Vikartimer' });
    await until(async () => (await must(skoleleder, 'inbox.list', { forumId: trio.id })).length === 1, 20_000, 'indsendelsen hos skolelederen');

    // Offline, the skoleleder takes it onto the meeting under a title that names a person's case, and closes the item.
    await server.stop();
    const accepted = await must(skoleleder, 'inbox.accept', { submissionId: sent.id, meetingId: meeting.id, title: SECRET_TITLE, type: 'droeftelse', minutes: 15 });
    const item = (await must(skoleleder, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.title === SECRET_TITLE);
    if (!item) throw new Error('Punktet fra indbakken står ikke på dagsordenen.');
    await setClosed(skoleleder, item, true);
    // The forum's own members keep the title in their inbox: it is their item.
    expect(accepted.answer).toMatchObject({ outcome: 'optaget', itemTitle: SECRET_TITLE });

    server = await startServerProcess(storage, ['--port', port]);
    const answerAtSender = async () => (await must(kreds, 'inbox.sent', {})).find((s) => s.id === sent.id)?.answer ?? null;
    await until(async () => (await answerAtSender())?.outcome === 'optaget', 40_000, 'svaret hos kredsformanden');
    expect(await answerAtSender()).toMatchObject({ outcome: 'optaget', meetingStartsAt: '2026-12-17T14:00', itemTitle: 'Lukket punkt', answeredBy: 'TRIO Vestskolen' });

    // Not a byte of the title on the sender's laptop: its rows, and every update it received.
    const archive = new Database(paths.get(kreds) ?? '', { readonly: true });
    try {
      expect(JSON.stringify(archive.prepare('SELECT * FROM inbox_answer').all())).not.toContain('KANARIE');
      const blobs = archive.prepare('SELECT update_blob FROM sync_update UNION ALL SELECT state FROM sync_document').pluck().all() as Buffer[];
      expect(blobs.length).toBeGreaterThan(0);
      for (const blob of blobs) expect(blob.toString('utf8')).not.toContain('KANARIE');
    } finally {
      archive.close();
    }

    // Opened again, the item's title may go to the sender once more: the members chose to share it.
    await setClosed(skoleleder, item, false);
    await until(async () => JSON.stringify(await answerAtSender()).includes(SECRET_TITLE), 40_000, 'titlen hos kredsformanden, da punktet er åbnet igen');
  });

  it('TR lukker punktet på sin bærbar, som ikke har fået svaret endnu: afsenderen får «Lukket punkt», når skolelederens bærbar hører om lukningen', { timeout: 180_000 }, async () => {
    const storage = sqliteStorage();
    storages.push(storage);
    server = await startServerProcess(storage, ['--port', String(await freePort())]);
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    const trio = await must(skoleleder, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const meeting = await must(skoleleder, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2026-12-17T14:00', durationMinutes: 90 });
    await must(skoleleder, 'sync.shareForum', { forumId: trio.id, serverAddress: server.http });
    // TR's laptop asks for the forum's inboxes when it connects, and not again during the test: it never holds the
    // answer, as a laptop that has not asked since the submission arrived (every 30 s in the app) does not.
    const tr = await startLaptop('TR-bærbar', 3_600_000);
    await must(tr, 'sync.join', { serverAddress: server.http, code: (await must(skoleleder, 'sync.invite', { forumId: trio.id, right: 'medlem', name: 'TR' })).code });

    const kreds = await startLaptop('Kredsformandens bærbar');
    await must(kreds, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Kredsformand') });
    const series = await must(kreds, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
    const visit = await must(kreds, 'listening.planMeeting', { seriesId: series.id, school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingen' });
    const input = await must(kreds, 'listening.addInput', { meetingId: visit.id, text: 'Vikartimerne fordeles skævt.', themes: [] });
    const sent = await must(kreds, 'inbox.send', { inputId: input.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'Vikartimer' });
    await until(async () => (await must(skoleleder, 'inbox.list', { forumId: trio.id })).length === 1, 20_000, 'indsendelsen hos skolelederen');

    // Open when the skoleleder takes it onto the meeting: the sender may read the title then.
    await must(skoleleder, 'inbox.accept', { submissionId: sent.id, meetingId: meeting.id, title: SECRET_TITLE, type: 'droeftelse', minutes: 15 });
    const answerAtSender = async () => (await must(kreds, 'inbox.sent', {})).find((s) => s.id === sent.id)?.answer ?? null;
    await until(async () => itemTitleOf(await answerAtSender()) === SECRET_TITLE, 20_000, 'svaret hos kredsformanden');

    // TR sees that it names a colleague's case and closes it on her laptop, which holds no inbox.
    const itemAtTr = async () => (await must(tr, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.title === SECRET_TITLE);
    await until(async () => (await itemAtTr()) !== undefined, 20_000, 'punktet hos TR');
    expect(await must(tr, 'inbox.list', { forumId: trio.id })).toEqual([]);
    const item = await itemAtTr();
    if (!item) throw new Error('Punktet fra indbakken står ikke på TR’s dagsorden.');
    await setClosed(tr, item, true);
    await until(
      async () => (await must(skoleleder, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.id === item.id)?.confidential === true,
      20_000,
      'lukningen hos skolelederen',
    );
    await until(async () => itemTitleOf(await answerAtSender()) === 'Lukket punkt', 20_000, '«Lukket punkt» i svaret hos kredsformanden');
    // The forum's members keep the title: it is their item.
    expect(itemTitleOf((await must(skoleleder, 'inbox.list', { forumId: trio.id }))[0]?.answer)).toBe(SECRET_TITLE);
  });

  it('TR, der har sat indsendelsen på som et lukket punkt, bliver læser: hendes bærbar beholder intet af forummets indbakke', { timeout: 180_000 }, async () => {
    const { storage, port, skoleleder, trio, meeting } = await sharedTrio();
    const tr = await startLaptop('TR-bærbar');
    await must(tr, 'sync.join', { serverAddress: server.http, code: (await must(skoleleder, 'sync.invite', { forumId: trio.id, right: 'medlem', name: 'TR' })).code });

    const kreds = await startLaptop('Kredsformandens bærbar');
    await must(kreds, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Kredsformand') });
    const series = await must(kreds, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
    const visit = await must(kreds, 'listening.planMeeting', { seriesId: series.id, school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingen' });
    const input = await must(kreds, 'listening.addInput', { meetingId: visit.id, text: 'KANARIE Vikartimerne fordeles skævt.', themes: [] });
    const sent = await must(kreds, 'inbox.send', { inputId: input.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'KANARIE Vikartimer' });
    await until(async () => (await must(tr, 'inbox.list', { forumId: trio.id })).length === 1, 20_000, 'indsendelsen hos TR');

    // Offline, TR takes it onto the meeting as a closed item; the forum's members keep its title in their inbox.
    await server.stop();
    await must(tr, 'inbox.accept', { submissionId: sent.id, meetingId: meeting.id, title: SECRET_TITLE, type: 'droeftelse', minutes: 15 });
    const item = (await must(tr, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.title === SECRET_TITLE);
    if (!item) throw new Error('Punktet fra indbakken står ikke på TR’s dagsorden.');
    await setClosed(tr, item, true);
    server = await startServerProcess(storage, ['--port', port]);
    await until(async () => itemTitleOf((await must(kreds, 'inbox.sent', {})).find((s) => s.id === sent.id)?.answer) === 'Lukket punkt', 40_000, 'svaret hos kredsformanden');
    expect(itemTitleOf((await must(tr, 'inbox.list', { forumId: trio.id }))[0]?.answer)).toBe(SECRET_TITLE);

    // The skoleleder makes TR a læser: her laptop keeps what a læser sees, and a læser is never given the inbox.
    const trOnServer = (await must(skoleleder, 'sync.members', { forumId: trio.id })).members.find((m) => m.name === 'TR');
    if (!trOnServer) throw new Error('TR står ikke på forummets medlemsliste.');
    await must(skoleleder, 'sync.changeMember', { forumId: trio.id, personId: trOnServer.personId, right: 'læser', admin: false });
    await until(async () => (await must(tr, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.id === item.id)?.title === 'Lukket punkt', 40_000, 'TR er læser');
    expect(await must(tr, 'inbox.list', { forumId: trio.id })).toEqual([]);
    const archive = new Database(paths.get(tr) ?? '', { readonly: true });
    try {
      for (const table of ['inbox_document', 'inbox_submission', 'inbox_answer']) {
        expect(JSON.stringify(archive.prepare(`SELECT * FROM ${table}`).all()), table).not.toContain('KANARIE');
      }
      const blobs = archive.prepare("SELECT update_blob FROM sync_update WHERE document LIKE '%indbakke%' UNION ALL SELECT state FROM sync_document WHERE document LIKE '%indbakke%'").pluck().all() as Buffer[];
      for (const blob of blobs) expect(blob.toString('utf8'), 'indbakkens dokument').not.toContain('KANARIE');
    } finally {
      archive.close();
    }
  });
});
