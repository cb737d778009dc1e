// The server as a hostile or curious client meets it: squatted ids, guessed codes, trickled requests and
// client-chosen strings meant for the server's own output. Each is refused or harmless, with a clean log.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { invite, redeem, shareForum } from './forum';
import { acknowledged, api, within } from './laptop';
import * as scenario from './scenarios';
import { sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { text, varUint } from './frames';
import { serverForSuite } from './suite';

const AWARENESS = 1;

describe('serveren under angreb', () => {
  let server!: ServerProcess;
  let storage!: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('et mødes id taget under et andet forum blokerer og låser ikke det rigtige forums møde', async () => {
    const victim = await shareForum(server);
    // The attacker is a medlem of another forum, and so may open and lock its meetings.
    const { medlem: attacker, forumId: ownForum } = await shareForum(server);
    // The victim's meeting id, as it stands in an exchange file or a referat, opened first under the attacker's forum and locked there.
    const meetingId = randomUUID();
    const squatted = await scenario.laptop(server, attacker).sync(documentName({ kind: 'moede', forumId: ownForum, meetingId }));
    squatted.doc.getMap(MEETING_ROOT).set(REFERAT_LOCKED_KEY, new Date().toISOString());
    await acknowledged(squatted.provider);
    await server.waitForLog((line) => line.event === 'referat-locked' && line.forum === ownForum);

    const real = documentName({ kind: 'moede', forumId: victim.forumId, meetingId });
    const confidential = documentName({ kind: 'fortroligt', forumId: victim.forumId, meetingId });
    const member = scenario.laptop(server, victim.medlem);
    const meeting = await member.sync(real);
    const secret = await member.sync(confidential);
    meeting.doc.getText('punkt').insert(0, 'Det rigtige møde');
    secret.doc.getText('punkt').insert(0, 'Fortroligt i det rigtige møde');
    await acknowledged(meeting.provider);
    await acknowledged(secret.provider);
    expect(server.logs().some((line) => line.event === 'refused' && line.forum === victim.forumId)).toBe(false);
    const fresh = await scenario.laptop(server, victim.admin).sync(real);
    expect(fresh.doc.getText('punkt').toString()).toBe('Det rigtige møde');
    // And the attacker's document of that id holds none of it.
    expect(squatted.doc.getText('punkt').toString()).toBe('');
  });

  it('et forum-id deles kun af kommunen eller af en, kommunen har givet lov', async () => {
    // The forum id of a TRIO, as it stands in an exchange file that a person outside the forum has seen.
    const outsider = (await shareForum(server)).laeser;
    const forumId = randomUUID();
    const squat = await api<{ fejl: string }>(server.http, 'POST', '/api/fora', { credential: outsider.credential, body: { forumId, navn: 'TRIO Østskolen' } });
    expect(squat.status).toBe(403);
    expect(squat.body.fejl).toMatch(/ikke lov til at dele et forum/);
    expect((await api(server.http, 'GET', '/api/mig', { credential: outsider.credential })).body).toMatchObject({ fora: [expect.anything()] });

    // The skoleleder the kommune invited to share forums shares it and becomes its administrator.
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, '../../dist/server/server.cjs'), 'invite', '--deler', '--navn', 'Skoleleder', ...storage.args]);
    const kode = /Invitationskode: (\S+)/.exec(stdout)?.[1] ?? '';
    scenario.secrets.push(kode);
    const skoleleder = await redeem(server, kode, 'Skolelederens bærbar');
    const shared = await api(server.http, 'POST', '/api/fora', { credential: skoleleder.credential, body: { forumId, navn: 'TRIO Østskolen' } });
    expect(shared.status).toBe(201);
    const me = await api<{ kommuneAdmin: boolean; fora: { forumId: string; admin: boolean }[] }>(server.http, 'GET', '/api/mig', { credential: skoleleder.credential });
    expect(me.body).toMatchObject({ kommuneAdmin: false, fora: [{ forumId, admin: true }] });
  });

  it('Hocuspocus’ egne udskrifter bliver til rene loglinjer uden det, klienten sendte', async () => {
    const forum = await shareForum(server);
    const marker = `INDSPRØJTET-${randomUUID()}`;
    // A document name with a line break, a forged log line and a terminal escape, in messages sent without
    // authenticating until the library's unauthenticated queue overflows and it prints the name.
    const name = `forum/${forum.forumId}\n{"event":"forged","reason":"${marker}"}\u001b[31m`;
    const ws = new WebSocket(server.url);
    ws.on('error', () => undefined);
    await within(new Promise((resolve) => ws.once('open', resolve)), 5000, 'forbindelse');
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    const filler = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 6 && ws.readyState === WebSocket.OPEN; i++) {
      ws.send(new Uint8Array([...text(name), AWARENESS, ...varUint(filler.length), ...filler]));
    }
    await within(closed, 10_000, 'lukning af forbindelsen');
    await server.waitForLog((line) => line.event === 'library' && line.reason === 'unauthenticated-queue-full');
    // A refused document name and a forged credential: Hocuspocus would print «[onAuthenticate] …» for each.
    const denied = await within(scenario.laptop(server, forum.medlem).open(`forum/${forum.forumId}/${marker}`).outcome, 5000, 'afvisning');
    expect(denied).toEqual({ kind: 'denied', reason: 'unknown-document' });

    const lines = server.output().split('\n').filter((line) => line !== '');
    const afterStart = lines.slice(lines.findIndex((line) => line.includes('"event":"started"')));
    for (const line of afterStart) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(server.output()).not.toContain(marker);
    expect(server.output()).not.toContain('\u001b');
    expect(server.output()).not.toMatch(/\[onAuthenticate\]|Hocuspocus:|\n\s+at /);
  });

  it('en HTTP-klient, der aldrig gør sine headers færdige, bliver afbrudt', async () => {
    const socket = connect(Number(new URL(server.http).port), '127.0.0.1');
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    socket.on('error', () => undefined);
    await within(new Promise((resolve) => socket.once('connect', resolve)), 5000, 'forbindelse');
    const started = Date.now();
    socket.write('POST /api/fora HTTP/1.1\r\nHost: server\r\nX-Langsom: ');
    const keepTrickling = setInterval(() => socket.write('a'), 500);
    try {
      const at = await within(closed, 20_000, 'afbrydelse af den langsomme klient');
      expect(at - started).toBeLessThan(15_000);
    } finally {
      clearInterval(keepTrickling);
      socket.destroy();
    }
  });
});

describe('gæt på invitationskoder', () => {
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => {
    server = started;
  });

  it('mange forkerte koder fra samme adresse stopper indløsningen derfra et stykke tid', async () => {
    const forum = await shareForum(server);
    const kode = await invite(server, forum.admin, forum.forumId, 'medlem');
    scenario.secrets.push(kode);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const guess = `${randomUUID().slice(0, 5)}-AAAAA-BBBBB-CCCCC`;
      statuses.push((await api(server.http, 'POST', '/api/invitationer/indloes', { body: { kode: guess, enhedsnavn: 'Gætteren' } })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    // While blocked, even the right code is not tried: a guesser cannot tell a hit from a miss.
    const right = await api<{ fejl: string }>(server.http, 'POST', '/api/invitationer/indloes', { body: { kode, enhedsnavn: 'Gætteren' } });
    expect(right.status).toBe(429);
    expect(right.body.fejl).toMatch(/For mange forkerte invitationskoder/);
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'redeem-flood');
    expect(server.output()).not.toContain(kode);
  });
});

describe('mange dokumenter på én forbindelse', () => {
  let server!: ServerProcess;
  serverForSuite(
    sqliteStorage,
    (started) => {
      server = started;
    },
    ['--maks-dokumenter', '5'],
  );

  it('en forbindelse har højst det tilladte antal dokumenter åbne, og et lukket giver plads igen', async () => {
    const forum = await shareForum(server);
    const member = scenario.laptop(server, forum.medlem);
    const meeting = () => documentName({ kind: 'moede', forumId: forum.forumId, meetingId: randomUUID() });
    const opened = Array.from({ length: 7 }, () => member.open(meeting()));
    const outcomes = await within(Promise.all(opened.map((each) => each.outcome)), 10_000, 'syv møder');
    expect(outcomes.filter((outcome) => outcome.kind === 'synced')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.kind === 'denied' && outcome.reason === 'too-many-documents')).toHaveLength(2);
    await server.waitForLog((line) => line.event === 'denied' && line.reason === 'too-many-documents');

    const synced = opened.find((_, index) => outcomes[index]?.kind === 'synced');
    synced?.provider.destroy();
    await server.waitForLog((line) => line.event === 'closed' && line.document === synced?.provider.configuration.name);
    await member.sync(meeting());
  });
});
