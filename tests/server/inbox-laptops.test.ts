// Lyttemøder across the kommune, with laptops as the app runs them (each its own archive and service layer)
// against the real sync server as a child process: the kredsformand's laptop sends an input to a school
// TRIO's inbox, both school laptops see it, one accepts it onto a meeting (the item is on both), the other
// declines another with a reason, and each answer reaches the sender. An input sent offline goes when the
// server is back.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import type { Method, MethodResult } from '../../shared/api/contract';
import type { Result } from '../../shared/api/envelope';
import { textOf } from '../unit/docx-readback';
import { must, tempArchivePath } from '../unit/support';
import { until } from './laptop';
import { freePort, sqliteStorage, startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

const SERVER = join(__dirname, '../../dist/server/server.cjs');

interface RunningLaptop {
  app: StartingApp;
  call<M extends Method>(method: M, input: unknown): Promise<Result<MethodResult<M>>>;
}

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

async function startLaptop(name: string, path = tempArchivePath()): Promise<RunningLaptop> {
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name, inboxPollMs: 200 } });
  running.push(app);
  await app.ready;
  return { app, call: (method, input) => app.call(method, input) };
}

async function serverInvitation(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

async function failure(result: Promise<Result<unknown>>) {
  const answer = await result;
  if (answer.ok) throw new Error('Kaldet lykkedes, men skulle være afvist.');
  return answer.error;
}

describe('lyttemøders input i skolens indbakke på tværs af bærbare', () => {
  let storage: Storage;
  let server: ServerProcess;
  afterAll(async () => {
    await stopAllServers();
    await storage.cleanup();
  });

  it('sendes, ses på begge skolens bærbare, optages og afvises, og svaret når afsenderen; også sendt offline', { timeout: 180_000 }, async () => {
    storage = sqliteStorage();
    const port = String(await freePort());
    server = await startServerProcess(storage, ['--port', port]);

    // The school: the skoleleder shares the TRIO with a coming meeting, TR joins as medlem, the AMR as læser.
    const skoleleder = await startLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Skoleleder') });
    const trio = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2026-12-17T14:00', durationMinutes: 90 });
    await must(skoleleder.app, 'sync.shareForum', { forumId: trio.id, serverAddress: server.http });
    const tr = await startLaptop('TR-bærbar');
    await must(tr.app, 'sync.join', { serverAddress: server.http, code: (await must(skoleleder.app, 'sync.invite', { forumId: trio.id, right: 'medlem', name: 'TR' })).code });
    const amr = await startLaptop('AMR-bærbar');
    await must(amr.app, 'sync.join', { serverAddress: server.http, code: (await must(skoleleder.app, 'sync.invite', { forumId: trio.id, right: 'læser', name: 'AMR' })).code });

    // The kredsformand: on the server, but no member of the school's TRIO; the lyttemøde series is on her laptop.
    const kreds = await startLaptop('Kredsformandens bærbar');
    await must(kreds.app, 'sync.join', { serverAddress: server.http, code: await serverInvitation(storage, '--deler', '--navn', 'Kredsformand') });
    const series = await must(kreds.app, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
    const visit = await must(kreds.app, 'listening.planMeeting', { seriesId: series.id, school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingen' });
    const input = async (text: string) => must(kreds.app, 'listening.addInput', { meetingId: visit.id, text, themes: ['Forberedelse'] });
    const first = await input('Forberedelsestiden forsvinder i vikartimer.');
    const second = await input('Kopimaskinen på lærerværelset er altid i stykker.');

    const { targets } = await must(kreds.app, 'inbox.targets', {});
    expect(targets).toContainEqual(expect.objectContaining({ serverUrl: server.http, forumId: trio.id, name: 'TRIO Vestskolen' }));
    const send = (inputId: string, title: string) => must(kreds.app, 'inbox.send', { inputId, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title });
    const sentFirst = await send(first.id, 'Forberedelsestid og vikartimer');
    const sentSecond = await send(second.id, 'Kopimaskinen');
    expect(sentFirst).toMatchObject({ forumId: trio.id, title: 'Forberedelsestid og vikartimer', listeningInputId: first.id, answer: null });
    expect(sentFirst.origin).toMatch(/^Lyttemødet på Vestskolen .*Tema: Forberedelse\.$/);
    const twice = await failure(kreds.call('inbox.send', { inputId: first.id, serverUrl: server.http, forumId: trio.id, forumName: 'TRIO Vestskolen', title: 'Igen' }));
    expect(twice.message).toBe('Inputtet er allerede sendt til TRIO Vestskolens indbakke.');

    // Both school laptops that are members see the inbox; the læser's laptop is never given it.
    const inboxAt = async (laptop: RunningLaptop) => must(laptop.app, 'inbox.list', { forumId: trio.id });
    for (const laptop of [skoleleder, tr]) await until(async () => (await inboxAt(laptop)).length === 2, 20_000, 'indbakken på skolens bærbare');
    expect((await inboxAt(tr)).map((s) => s.title).sort()).toEqual(['Forberedelsestid og vikartimer', 'Kopimaskinen']);
    expect((await inboxAt(tr))[0]?.senderName).toBe('Kredsformand');

    // The skoleleder puts the first on the meeting; the item is on both school laptops and the answer at the sender.
    const accepted = await must(skoleleder.app, 'inbox.accept', { submissionId: sentFirst.id, meetingId: meeting.id, title: 'Forberedelsestid', type: 'droeftelse', minutes: 20 });
    expect(accepted.answer).toMatchObject({ outcome: 'optaget', meetingId: meeting.id, itemTitle: 'Forberedelsestid' });
    await until(async () => (await must(tr.app, 'meetings.get', { meetingId: meeting.id })).items.some((i) => i.title === 'Forberedelsestid'), 20_000, 'punktet hos TR');
    const item = (await must(tr.app, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.title === 'Forberedelsestid');
    expect(item?.background).toContain('Forberedelsestiden forsvinder i vikartimer.');
    const answerAtSender = async (id: string) => (await must(kreds.app, 'inbox.sent', {})).find((s) => s.id === id)?.answer ?? null;
    await until(async () => (await answerAtSender(sentFirst.id))?.outcome === 'optaget', 20_000, 'svaret hos kredsformanden');
    expect(await answerAtSender(sentFirst.id)).toMatchObject({ outcome: 'optaget', meetingStartsAt: '2026-12-17T14:00', itemTitle: 'Forberedelsestid', answeredBy: 'TRIO Vestskolen' });

    // TR declines the second: a reason is required, and it arrives at the sender.
    await until(async () => (await inboxAt(tr)).find((s) => s.id === sentFirst.id)?.answer !== null, 20_000, 'svaret hos TR');
    const noReason = await failure(tr.call('inbox.decline', { submissionId: sentSecond.id, reason: '  ' }));
    expect(noReason.field).toBe('reason');
    const again = await failure(tr.call('inbox.accept', { submissionId: sentFirst.id, meetingId: meeting.id, title: 'Igen', type: 'droeftelse', minutes: 5 }));
    expect(again.message).toMatch(/^Indsendelsen er allerede sat på dagsordenen/);
    await must(tr.app, 'inbox.decline', { submissionId: sentSecond.id, reason: 'Det hører til hos den tekniske service, ikke i TRIO.' });
    await until(async () => (await answerAtSender(sentSecond.id))?.outcome === 'afvist', 20_000, 'afvisningen hos kredsformanden');
    expect(await answerAtSender(sentSecond.id)).toMatchObject({ outcome: 'afvist', reason: 'Det hører til hos den tekniske service, ikke i TRIO.' });
    // The sender cannot answer its own submission, and the læser holds no inbox to answer.
    expect((await failure(kreds.call('inbox.decline', { submissionId: sentSecond.id, reason: 'Fortrudt' }))).code).toBe('ikke_fundet');
    expect(await inboxAt(amr)).toEqual([]);

    // Every laptop wrote only its own part of the inbox documents: the server refused nothing.
    expect(server.logs().filter((line) => line.reason?.startsWith('inbox-'))).toEqual([]);

    // Offline: the server is down; the input is saved at once and goes when the server is back.
    await server.stop();
    const third = await input('Teamtiden bliver brugt til møder, vi ikke selv har valgt.');
    const sentOffline = await send(third.id, 'Teamtid');
    expect(sentOffline.answer).toBeNull();
    server = await startServerProcess(storage, ['--port', port]);
    for (const laptop of [skoleleder, tr]) {
      await until(async () => (await inboxAt(laptop)).some((s) => s.id === sentOffline.id), 40_000, 'det offline sendte input på skolens bærbare');
    }

    // The feedback letter to the school says what its TRIO did with each input sent to it, read back from the .docx.
    for (const sent of [first, second, third]) await must(kreds.app, 'listening.sortInput', { inputId: sent.id, destination: 'kommune_kreds' });
    const letter = await must(kreds.app, 'documents.feedbackLetter', { meetingId: visit.id });
    const text = await textOf(Buffer.from(letter.base64, 'base64'));
    expect(text).toContain('Sat på dagsordenen i TRIO Vestskolen 17. december 2026.');
    expect(text).toContain('TRIO Vestskolen tager det ikke op: Det hører til hos den tekniske service, ikke i TRIO.');
    expect(text).toContain('Sendt til TRIO Vestskolen, som ikke har svaret endnu.');
  });
});
