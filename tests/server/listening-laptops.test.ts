// A lyttemøde series shared as its own forum, with laptops as the app runs them (each its own archive and
// service layer) against the real sync server as a child process: the skolechef makes the series a forum and
// shares it, the kredsformand joins and gets the series, both edit offline while the server is down and
// converge when it is back; an input sent to a school's inbox from one laptop is «sent» on the other; a
// læser's laptop refuses to write and the server keeps nothing a læser's device writes; a laptop that is no
// member is refused the forum.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { READ_ONLY_MESSAGE } from '../../electron/sync/core';
import { deviceCredentialsFile, type DeviceCredentials } from '../../electron/sync/device/deviceCredentials';
import type { Method, MethodResult } from '../../shared/api/contract';
import type { Result } from '../../shared/api/envelope';
import { documentName } from '../../shared/sync/documents';
import { must, tempArchivePath } from '../unit/support';
import { Laptop, until, within } from './laptop';
import { freePort, sqliteStorage, startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

const SERVER = join(__dirname, '../../dist/server/server.cjs');

interface RunningLaptop {
  app: StartingApp;
  credentials: DeviceCredentials;
  call<M extends Method>(method: M, input: unknown): Promise<Result<MethodResult<M>>>;
}

const running: StartingApp[] = [];
const devices: Laptop[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
  for (const device of devices.splice(0)) device.close();
});

async function startLaptop(name: string, path = tempArchivePath()): Promise<RunningLaptop> {
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name, inboxPollMs: 200 } });
  running.push(app);
  await app.ready;
  return { app, credentials, call: (method, input) => app.call(method, input) };
}

async function serverInvitation(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

/** The same laptop's device, talking to the server without the app: what a tampered app could send. */
function deviceOf(laptop: RunningLaptop, server: ServerProcess): Laptop {
  const device = new Laptop(server.url, laptop.credentials.read(server.http)?.credential ?? '');
  devices.push(device);
  return device;
}

/** What a laptop shows of a lyttemøde: its inputs in order, with what was sorted and noted, and the themes. */
async function heard(laptop: RunningLaptop, meetingId: string) {
  const detail = await must(laptop.app, 'listening.getMeeting', { meetingId });
  return {
    inputs: detail.inputs.map((i) => ({ id: i.id, position: i.position, text: i.text, destination: i.destination, note: i.note, themes: i.themes, sentToInbox: i.sentToInbox })),
    themes: detail.themes.map((t) => `${t.name} (${t.inputCount})`),
  };
}

describe('en serie lyttemøder som sit eget delte forum', () => {
  let storage: Storage;
  let server: ServerProcess;
  afterAll(async () => {
    await stopAllServers();
    await storage.cleanup();
  });

  it('skolechefen deler, kredsformanden får serien, begge retter offline, og det mødes; kun medlemmer skriver', { timeout: 240_000 }, async () => {
    storage = sqliteStorage();
    const port = String(await freePort());
    server = await startServerProcess(storage, ['--port', port]);

    // The skolechef's series with a held visit, becomes its own lyttemøde forum and is shared.
    const skolechef = await startLaptop('Skolechefens bærbar');
    await must(skolechef.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skolechef') });
    const series = await must(skolechef.app, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Skolechefen og kredsformanden' });
    const visit = await must(skolechef.app, 'listening.planMeeting', { seriesId: series.id, school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingens lærere' });
    const first = await must(skolechef.app, 'listening.addInput', { meetingId: visit.id, text: 'Forberedelsestiden forsvinder i vikartimer.', themes: ['Forberedelse'] });
    const forumId = (await must(skolechef.app, 'listening.shareAsForum', { seriesId: series.id })).forumId;
    if (forumId === null) throw new Error('Serien fik intet forum.');
    const chef = await must(skolechef.app, 'members.add', { forumId, name: 'Skolechefen', role: 'Skolechef', fromDate: '2026-08-01' });
    const formand = await must(skolechef.app, 'members.add', { forumId, name: 'Kredsformanden', role: 'Kredsformand', fromDate: '2026-08-01' });
    await must(skolechef.app, 'sync.shareForum', { forumId, serverAddress: server.http, forumPersonId: chef.personId });

    // The kredsformand joins with the invitation and sees the series on her own laptop.
    const kredsformand = await startLaptop('Kredsformandens bærbar');
    const invitation = await must(skolechef.app, 'sync.invite', { forumId, right: 'medlem', name: 'Kredsformanden', forumPersonId: formand.personId });
    const joined = await must(kredsformand.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
    expect(joined.forums).toEqual([{ forumId, name: 'Lyttemøder om arbejdstid', right: 'medlem' }]);
    await until(async () => (await kredsformand.call('listening.getMeeting', { meetingId: visit.id })).ok, 20_000, 'serien på kredsformandens bærbar');
    expect(await heard(kredsformand, visit.id)).toEqual(await heard(skolechef, visit.id));
    expect((await must(kredsformand.app, 'listening.listSeries', {})).map((s) => ({ id: s.id, forumId: s.forumId }))).toEqual([{ id: series.id, forumId }]);

    // Her input reaches the skolechef while both are online.
    const fromKreds = await must(kredsformand.app, 'listening.addInput', { meetingId: visit.id, text: 'Teamtiden går til møder, vi ikke selv har valgt.', themes: ['Teamtid'] });
    await until(async () => (await heard(skolechef, visit.id)).inputs.some((i) => i.id === fromKreds.id), 20_000, 'kredsformandens input hos skolechefen');

    // Offline on both: the server is down; each adds, sorts and notes; nothing typed waits on the network.
    await server.stop();
    const offlineChef = await must(skolechef.app, 'listening.addInput', { meetingId: visit.id, text: 'Vikardækningen tager teamtiden.', themes: ['Vikarer', 'Teamtid'] });
    const offlineKreds = await must(kredsformand.app, 'listening.addInput', { meetingId: visit.id, text: 'Vi savner tid til forældresamtaler.', themes: ['vikarer'] });
    await must(skolechef.app, 'listening.sortInput', { inputId: first.id, destination: 'kommune_kreds' });
    await must(kredsformand.app, 'listening.sortInput', { inputId: first.id, note: 'Tages op i januar.' });
    await must(kredsformand.app, 'listening.markHeld', { meetingId: visit.id, held: true, participantCount: 12 });
    server = await startServerProcess(storage, ['--port', port]);

    const both = async () => JSON.stringify(await heard(skolechef, visit.id)) === JSON.stringify(await heard(kredsformand, visit.id));
    await until(async () => (await both()) && (await heard(skolechef, visit.id)).inputs.length === 4, 60_000, 'de to bærbare i takt efter offline');
    const merged = await heard(skolechef, visit.id);
    expect(merged.inputs.map((i) => i.id).sort()).toEqual([first.id, fromKreds.id, offlineChef.id, offlineKreds.id].sort());
    expect(merged.inputs.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    expect(merged.inputs.find((i) => i.id === first.id)).toMatchObject({ destination: 'kommune_kreds', note: 'Tages op i januar.' });
    // The same theme made on both laptops offline is one theme (spelled as whichever laptop wrote it last).
    expect(merged.themes.map((t) => t.toLowerCase())).toEqual(['forberedelse (1)', 'teamtid (2)', 'vikarer (2)']);
    expect((await must(skolechef.app, 'listening.getMeeting', { meetingId: visit.id })).meeting).toMatchObject({ participantCount: 12 });

    // A school's TRIO on the same server: the kredsformand sends an input to its inbox; on the skolechef's
    // laptop the input is sent, and sending it again is refused.
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    const trio = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    await must(skoleleder.app, 'sync.shareForum', { forumId: trio.id, serverAddress: server.http });
    await must(kredsformand.app, 'inbox.send', { inputId: first.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'Forberedelsestid' });
    await until(async () => (await heard(skolechef, visit.id)).inputs.find((i) => i.id === first.id)?.sentToInbox !== null, 20_000, 'inputtet som sendt hos skolechefen');
    expect((await heard(skolechef, visit.id)).inputs.find((i) => i.id === first.id)?.sentToInbox?.forumName).toBe('TRIO Vestskolen');
    const twice = await skolechef.call('inbox.send', { inputId: first.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'Igen' });
    expect(twice.ok ? null : twice.error.message).toBe('Inputtet er allerede sendt til TRIO Vestskolens indbakke.');
    await until(async () => (await must(skoleleder.app, 'inbox.list', { forumId: trio.id })).length === 1, 20_000, 'indsendelsen i TRIO-indbakken');

    // A læser of the lyttemøde forum: the laptop refuses the write; the device's own write is not kept by the server.
    const laeser = await startLaptop('Læserens bærbar');
    await must(laeser.app, 'sync.join', { serverAddress: server.http, code: (await must(skolechef.app, 'sync.invite', { forumId, right: 'læser', name: 'Konsulent' })).code });
    await until(async () => (await laeser.call('listening.getMeeting', { meetingId: visit.id })).ok, 20_000, 'serien hos læseren');
    const refused = await laeser.call('listening.addInput', { meetingId: visit.id, text: 'Et input fra en læser.', themes: [] });
    expect(refused.ok ? null : refused.error.message).toBe(READ_ONLY_MESSAGE);
    const index = documentName({ kind: 'forum', forumId });
    const tampered = await deviceOf(laeser, server).sync(index);
    const forged = new Y.Map<unknown>();
    tampered.doc.getMap('lytteinput').set('0b8f2a44-6f3e-4c1e-9d55-3f0a2b7c9e11', forged);
    forged.set('meetingId', visit.id);
    forged.set('text', new Y.Text('Skrevet af en læser.'));
    // Written by a member after the forgery: once it is on the skolechef's laptop, the forgery would be too.
    const after = await must(kredsformand.app, 'listening.addInput', { meetingId: visit.id, text: 'Skrevet efter forsøget.', themes: [] });
    await until(async () => (await heard(skolechef, visit.id)).inputs.some((i) => i.id === after.id), 20_000, 'medlemmets input efter forsøget');
    expect((await heard(skolechef, visit.id)).inputs.map((i) => i.text)).not.toContain('Skrevet af en læser.');
    const fresh = await deviceOf(kredsformand, server).sync(index);
    expect(fresh.doc.getMap('lytteinput').has('0b8f2a44-6f3e-4c1e-9d55-3f0a2b7c9e11')).toBe(false);

    // A laptop on the server that is no member of the lyttemøde forum is refused its documents.
    expect(await within(deviceOf(skoleleder, server).open(index).outcome, 5000, 'lyttemødeforummet for et ikke-medlem')).toEqual({ kind: 'denied', reason: 'not-member' });
  });
});
