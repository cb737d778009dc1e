import { randomUUID } from 'node:crypto';
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

    for (const l of laptops) l.transport.share({ forumId, serverUrl: sync.url });
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
