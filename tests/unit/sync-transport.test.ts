import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, test } from 'vitest';
import type { ForumSyncStatus } from '../../shared/sync/status';
import { addMeeting, confidentialDoc, forumIndex, laptop, meetingDoc, until, type Laptop } from './sync/laptop';
import { startSyncServer, type TestSyncServer } from './sync/syncServer';

const running: { servers: TestSyncServer[]; laptops: Laptop[] } = { servers: [], laptops: [] };

afterEach(async () => {
  for (const l of running.laptops.splice(0)) l.transport.close();
  for (const s of running.servers.splice(0)) await s.stop();
});

async function server(...args: Parameters<typeof startSyncServer>): Promise<TestSyncServer> {
  const started = await startSyncServer(...args);
  running.servers.push(started);
  return started;
}

function open(...args: Parameters<typeof laptop>): Laptop {
  const opened = laptop(...args);
  running.laptops.push(opened);
  return opened;
}

const statusOf = (l: Laptop, forumId: string): ForumSyncStatus | undefined => l.transport.statuses().find((s) => s.forumId === forumId);
const notes = (l: Laptop, name: string) => l.docs.docFor(name).getText('noter').toString();

describe('bærbarens forbindelse til delingsserveren', () => {
  test('tre bærbare, der har skrevet offline mens serveren var dræbt, ender med samme indhold uden tab', { timeout: 90_000 }, async () => {
    const forumId = randomUUID();
    const sync = await server({ a: { [forumId]: 'medlem' }, b: { [forumId]: 'medlem' }, c: { [forumId]: 'medlem' } });
    const laptops = ['a', 'b', 'c'].map((token) => open(sync.url, token));
    const [first] = laptops as [Laptop, Laptop, Laptop];
    const meetingId = addMeeting(first.docs, forumId);
    const meeting = meetingDoc(forumId, meetingId);
    first.docs.write(meeting, (doc) => doc.getText('noter').insert(0, 'Dagsorden: '));

    // The first laptop shares the forum; the others join once the server has it (in step means in step
    // with what the server holds at that moment, so joining at the same time could find it still empty).
    first.transport.share({ forumId, serverUrl: sync.url });
    await first.transport.settled(forumId);
    for (const l of laptops.slice(1)) l.transport.share({ forumId, serverUrl: sync.url });
    await Promise.all(laptops.map((l) => l.transport.settled(forumId)));
    // The meeting made on the first laptop reached the others through the forum index, and its document followed.
    for (const l of laptops) expect(notes(l, meeting)).toBe('Dagsorden: ');
    expect(laptops.map((l) => statusOf(l, forumId))).toEqual(laptops.map(() => ({ forumId, state: 'forbundet', waiting: 0 })));

    await sync.kill();
    await until('alle tre arbejder offline', () => laptops.every((l) => statusOf(l, forumId)?.state === 'offline'));
    laptops.forEach((l, i) => {
      for (let k = 0; k < 30; k++) {
        l.docs.write(meeting, (doc) => {
          const text = doc.getText('noter');
          text.insert(text.length, `${'abc'[i]}${k} `);
          doc.getMap('punkter').set(`${'abc'[i]}${k}`, k);
        });
      }
    });
    expect(laptops.map((l) => statusOf(l, forumId)?.waiting)).toEqual([30, 30, 30]);

    await sync.restart();
    const reconnecting = performance.now();
    for (const l of laptops) l.transport.networkChanged();
    await Promise.all(laptops.map((l) => l.transport.settled(forumId)));
    // Each laptop is in step with the server; what the last one sent reaches the first a moment later.
    await until('alle tre har alle 90 ændringer', () => laptops.every((l) => l.docs.docFor(meeting).getMap('punkter').size === 90));
    console.log(`sync_converge_ms=${Math.round(performance.now() - reconnecting)} (3×30 ændringer offline)`);

    const [text, ...others] = laptops.map((l) => notes(l, meeting));
    for (const other of others) expect(other).toBe(text);
    for (const i of [0, 1, 2]) for (let k = 0; k < 30; k++) expect(text).toContain(`${'abc'[i]}${k} `);
    for (const l of laptops) expect(l.docs.docFor(meeting).getMap('punkter').size).toBe(90);
    expect(laptops.map((l) => statusOf(l, forumId))).toEqual(laptops.map(() => ({ forumId, state: 'forbundet', waiting: 0 })));
  });

  test('en skrivning, serveren har bekræftet, overlever at serveren dræbes, før den har gemt den', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    const sync = await server({ a: { [forumId]: 'medlem' }, ny: { [forumId]: 'medlem' } });
    const writer = open(sync.url, 'a');
    const meeting = meetingDoc(forumId, addMeeting(writer.docs, forumId));
    writer.transport.share({ forumId, serverUrl: sync.url });
    await writer.transport.settled(forumId);

    writer.docs.write(meeting, (doc) => doc.getText('noter').insert(0, 'Besluttet: vikardækning fra uge 3.'));
    await until('serveren har bekræftet skrivningen', () => statusOf(writer, forumId)?.waiting === 0, 10_000);
    // The server stores a document a moment after its last change; killed now, it has not.
    await sync.kill();
    await sync.restart();
    await writer.transport.settled(forumId);

    const newcomer = open(sync.url, 'ny');
    newcomer.transport.share({ forumId, serverUrl: sync.url });
    await newcomer.transport.settled(forumId);
    expect(notes(newcomer, meeting)).toBe('Besluttet: vikardækning fra uge 3.');
  });
});

describe('hvad der kommer fra serveren', () => {
  test('gemmes ét ad gangen i den rækkefølge, det kom, og forummet er først i takt, når alt er gemt', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    const sync = await server({ a: { [forumId]: 'medlem' }, b: { [forumId]: 'medlem' } });
    const writer = open(sync.url, 'a');
    const meeting = meetingDoc(forumId, addMeeting(writer.docs, forumId));
    writer.docs.write(meeting, (doc) => doc.getText('noter').insert(0, ': '));
    writer.transport.share({ forumId, serverUrl: sync.url });
    await writer.transport.settled(forumId);

    // A reader whose disk is slow: each remote update takes 150 ms to store.
    const reader = open(sync.url, 'b');
    const storing: string[] = [];
    const slowStore = reader.docs.applyRemoteUpdate.bind(reader.docs);
    reader.docs.applyRemoteUpdate = async (name, update) => {
      storing.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await slowStore(name, update);
      storing.push(`slut ${name}`);
    };
    reader.transport.share({ forumId, serverUrl: sync.url });
    await reader.transport.settled(forumId);
    expect(new Set(reader.docs.stored.map((s) => s.name))).toEqual(new Set([forumIndex(forumId), meeting]));
    expect(storing.length).toBe(reader.docs.stored.length * 2);

    storing.length = 0;
    for (let k = 0; k < 3; k++) {
      writer.docs.write(meeting, (doc) => doc.getText('noter').insert(0, `${k}`));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await until('læseren har modtaget alle tre', () => notes(reader, meeting).length === 5);
    // Received, but not yet all stored: the forum is not in step until they are.
    expect(storing.filter((s) => s.startsWith('slut')).length).toBeLessThan(3);
    await reader.transport.settled(forumId);
    expect(storing).toEqual([`start ${meeting}`, `slut ${meeting}`, `start ${meeting}`, `slut ${meeting}`, `start ${meeting}`, `slut ${meeting}`]);
    // The reader's own document is not written back as its own: nothing of it waits to be sent.
    expect(statusOf(reader, forumId)).toEqual({ forumId, state: 'forbundet', waiting: 0 });
    expect(writer.docs.stored.filter((s) => s.name === meeting)).toEqual([]);
  });
});

describe('når serveren ikke svarer eller siger nej', () => {
  test('en server, der lukker hver forbindelse straks, prøves igen med voksende pauser, ikke i en storm; et netværksskift prøver med det samme', { timeout: 60_000 }, async () => {
    // A real listener that drops every socket the moment it connects.
    const attempts: number[] = [];
    const dropper = createServer((socket) => {
      attempts.push(performance.now());
      socket.destroy();
    });
    await new Promise<void>((done) => dropper.listen(0, '127.0.0.1', done));
    try {
      const { port } = dropper.address() as AddressInfo;
      const url = `ws://127.0.0.1:${port}`;
      const forumId = randomUUID();
      const l = open(url, 'a', { backoff: { firstDelayMs: 200, minDelayMs: 100, maxDelayMs: 800 } });
      l.docs.write(forumIndex(forumId), (doc) => doc.getMap('indstillinger').set('navn', 'TRIO'));
      l.transport.share({ forumId, serverUrl: url });
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
      expect(attempts.length).toBeGreaterThanOrEqual(4);
      // Without a pause it would be hundreds; the cap (800 ms) bounds every pause, with room for a loaded machine.
      expect(attempts.length).toBeLessThanOrEqual(40);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(800 + 700);
      expect(statusOf(l, forumId)).toEqual({ forumId, state: 'offline', waiting: 1 });

      // With long pauses, a network change is what brings the next attempt.
      l.transport.close();
      const patient = open(url, 'b', { backoff: { firstDelayMs: 5000, minDelayMs: 5000, maxDelayMs: 30_000 } });
      patient.docs.write(forumIndex(forumId), (doc) => doc.getMap('indstillinger').set('navn', 'TRIO'));
      const before = attempts.length;
      patient.transport.share({ forumId, serverUrl: url });
      await until('første forsøg', () => attempts.length === before + 1, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(attempts.length).toBe(before + 1);
      const changedAt = performance.now();
      patient.transport.networkChanged();
      await until('forsøg efter netværksskiftet', () => attempts.length === before + 2, 2000);
      expect(attempts.at(-1)! - changedAt).toBeLessThan(1000);
    } finally {
      dropper.close();
    }
  });

  test('en bærbar, der holder op med at dele, mens dens socket stadig venter på serveren, går ikke ned', { timeout: 30_000 }, async () => {
    // A listener that takes the connection and never answers the WebSocket handshake.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const forumId = randomUUID();
      const l = open(url, 'a');
      l.transport.share({ forumId, serverUrl: url });
      await until('socketen venter på svar', () => sockets.length === 1, 5000);
      // The provider lets go of the socket and closes it while it is still connecting; its 'error' must be heard.
      l.transport.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(l.transport.statuses()).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  test('en enhed uden adgang får «adgang fjernet», prøver ikke igen og beholder sine egne data', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    const sync = await server({ medlem: { [forumId]: 'medlem' } });
    const outsider = open(sync.url, 'ukendt-enhed');
    const meeting = meetingDoc(forumId, addMeeting(outsider.docs, forumId));
    outsider.docs.write(meeting, (doc) => doc.getText('noter').insert(0, 'Mine egne noter'));
    outsider.transport.share({ forumId, serverUrl: sync.url });
    await until('adgang fjernet', () => statusOf(outsider, forumId)?.state === 'adgang-fjernet');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(sync.connections()).toBe(1);
    expect(statusOf(outsider, forumId)).toEqual({ forumId, state: 'adgang-fjernet', waiting: 2 });
    expect(notes(outsider, meeting)).toBe('Mine egne noter');
    expect(outsider.logged.join('\n')).toContain(`adgang-naegtet {"forum":"${forumId}","aarsag":"permission-denied"}`);
    expect(outsider.logged.join('\n')).not.toContain('Mine egne noter');
  });

  test('en enhed, der fjernes, mens den er forbundet, mister adgangen ved næste forbindelse og holder op med at prøve', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    const sync = await server({ tr: { [forumId]: 'medlem' } });
    const member = open(sync.url, 'tr');
    const meeting = meetingDoc(forumId, addMeeting(member.docs, forumId));
    member.transport.share({ forumId, serverUrl: sync.url });
    await member.transport.settled(forumId);
    expect(statusOf(member, forumId)?.state).toBe('forbundet');

    // The server forgets the device and drops its connection (here: by dying and coming back).
    sync.setRights({});
    await sync.kill();
    member.docs.write(meeting, (doc) => doc.getText('noter').insert(0, 'Skrevet efter fjernelsen'));
    await sync.restart();
    member.transport.networkChanged();
    await until('adgang fjernet', () => statusOf(member, forumId)?.state === 'adgang-fjernet');
    const seen = sync.connections();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(sync.connections()).toBe(seen);
    expect(notes(member, meeting)).toBe('Skrevet efter fjernelsen');

    // Invited again, with a new credential: the forum is shared again, and what was written meanwhile goes along.
    sync.setRights({ 'ny-noegle': { [forumId]: 'medlem' } });
    member.setToken('ny-noegle');
    member.transport.share({ forumId, serverUrl: sync.url });
    await member.transport.settled(forumId);
    expect(statusOf(member, forumId)).toEqual({ forumId, state: 'forbundet', waiting: 0 });
  });
});

describe('læsere og mange dokumenter', () => {
  test('en læser modtager ikke én byte af et fortroligt dokument, og dens skrivninger afvises', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    const canary = `KANARIE-${randomUUID()}`;
    const sync = await server({ medlem: { [forumId]: 'medlem' }, laeser: { [forumId]: 'laeser' } });
    const member = open(sync.url, 'medlem');
    const meetingId = addMeeting(member.docs, forumId);
    member.docs.write(meetingDoc(forumId, meetingId), (doc) => doc.getMap('punkter').set('p1', 'Lukket punkt'));
    member.docs.write(confidentialDoc(forumId, meetingId), (doc) => doc.getText('noter').insert(0, `Om en medarbejder: ${canary}`));
    member.transport.share({ forumId, serverUrl: sync.url });
    await member.transport.settled(forumId);

    const received: Buffer[] = [];
    class RecordingWebSocket extends WebSocket {
      constructor(address: string) {
        super(address);
        this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => received.push(Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)));
      }
    }
    // The reader even asks for the confidential document: the server must refuse it.
    const reader = open(sync.url, 'laeser', { withConfidential: true, webSocket: RecordingWebSocket });
    reader.transport.share({ forumId, serverUrl: sync.url });
    await reader.transport.settled(forumId);
    expect(reader.docs.docFor(meetingDoc(forumId, meetingId)).getMap('punkter').get('p1')).toBe('Lukket punkt');
    expect(reader.logged.join('\n')).toContain(`dokument-naegtet {"dokument":"${confidentialDoc(forumId, meetingId)}"`);
    const bytes = Buffer.concat(received);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from('Lukket punkt'))).toBe(true);
    expect(bytes.includes(Buffer.from(canary))).toBe(false);
    expect(bytes.includes(Buffer.from(canary.slice(0, 16)))).toBe(false);

    reader.docs.write(meetingDoc(forumId, meetingId), (doc) => doc.getMap('punkter').set('p2', 'Læserens punkt'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The server will never take it: the status says so, instead of «on its way».
    expect(statusOf(reader, forumId)).toEqual({ forumId, state: 'forbundet', waiting: 1, notTaken: true });
    expect(member.docs.docFor(meetingDoc(forumId, meetingId)).getMap('punkter').has('p2')).toBe(false);
  });

  test('300 mødedokumenter går over én socket, og et møde lavet på en anden bærbar hentes, når det dukker op', { timeout: 120_000 }, async () => {
    const forumId = randomUUID();
    // The server's default allows 100 documents awaiting authentication per socket; ours allows more.
    const sync = await server({ a: { [forumId]: 'medlem' }, b: { [forumId]: 'medlem' } }, { maxPendingDocuments: 1000 });
    const first = open(sync.url, 'a', { withConfidential: false });
    const meetings = Array.from({ length: 300 }, (_, i) => {
      const meetingId = addMeeting(first.docs, forumId);
      first.docs.write(meetingDoc(forumId, meetingId), (doc) => doc.getText('noter').insert(0, `Møde ${i}`));
      return meetingId;
    });
    first.transport.share({ forumId, serverUrl: sync.url });
    await first.transport.settled(forumId, 60_000);

    const second = open(sync.url, 'b', { withConfidential: false });
    const pulling = performance.now();
    second.transport.share({ forumId, serverUrl: sync.url });
    await second.transport.settled(forumId, 60_000);
    console.log(`300 møder hentet af en ny bærbar på ${Math.round(performance.now() - pulling)} ms`);
    meetings.forEach((meetingId, i) => expect(notes(second, meetingDoc(forumId, meetingId))).toBe(`Møde ${i}`));
    expect(sync.connections()).toBe(2);
    expect(statusOf(second, forumId)).toEqual({ forumId, state: 'forbundet', waiting: 0 });

    const late = addMeeting(first.docs, forumId);
    first.docs.write(meetingDoc(forumId, late), (doc) => doc.getText('noter').insert(0, 'Ekstraordinært møde'));
    await until('det nye møde er nået frem', () => notes(second, meetingDoc(forumId, late)) === 'Ekstraordinært møde');
    expect(sync.connections()).toBe(2);
  });
});
