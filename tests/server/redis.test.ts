// Two server instances behind a load balancer: one PostgreSQL, one Redis, an edit on one reaches the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { shareForum } from './forum';
import { acknowledged, api, until, within } from './laptop';
import { postgresStorage } from './postgresStorage';
import * as scenario from './scenarios';
import { freePort, startServerProcess, stopAllServers, type Storage } from './serverProcess';

async function startRedis(): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', () => reject(new Error('redis-server mangler på PATH: installer Debians redis-server (scripts/server-services.sh gør det).')));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  await within(ready, 10_000, 'redis-server');
  return { port, process: child };
}

describe('to serverinstanser med Redis', () => {
  let storage: Storage | undefined;
  let lockStorage: Storage | undefined;
  let redis: { port: number; process: ChildProcess } | undefined;
  afterEach(() => scenario.closeLaptops());
  afterAll(async () => {
    await stopAllServers();
    redis?.process.kill('SIGKILL');
    await storage?.cleanup();
    await lockStorage?.cleanup();
  });

  it('en ændring på den ene instans når en bærbar på den anden, og en spærring gælder på begge', async () => {
    storage = await postgresStorage();
    redis = await startRedis();
    const args = ['--redis', `127.0.0.1:${redis.port}`, '--kontrol-sekunder', '1'];
    const first = await startServerProcess(storage, args);
    const second = await startServerProcess(storage, args);

    const forum = await shareForum(first);
    const name = documentName({ kind: 'moede', forumId: forum.forumId, meetingId: randomUUID() });
    const writer = await scenario.laptop(first, forum.medlem).sync(name);
    const readerLaptop = scenario.laptop(second, forum.admin);
    const reader = await readerLaptop.sync(name);

    const started = Date.now();
    writer.doc.getText('punkt').insert(0, 'Skrevet på den ene instans');
    await until(() => reader.doc.getText('punkt').toString() === 'Skrevet på den ene instans', 5000, 'ændringen på den anden instans');
    expect(Date.now() - started).toBeLessThan(2000);
    reader.doc.getText('punkt').insert(0, 'Svar: ');
    await acknowledged(reader.provider);
    await until(() => writer.doc.getText('punkt').toString() === 'Svar: Skrevet på den ene instans', 5000, 'svaret tilbage');

    // Revoked through the first instance; the second finds out at its next check of the membership table.
    const disconnected = new Promise<number>((resolve) => readerLaptop.socket.on('disconnect', ({ event }: { event: { code: number } }) => resolve(event.code)));
    const revoked = await api(first.http, 'DELETE', `/api/enheder/${forum.admin.deviceId}`, { credential: forum.admin.credential });
    expect(revoked.status).toBe(204);
    expect(await within(disconnected, 4000, 'spærringen på den anden instans')).toBe(4410);
  });

  it('et referat låst på den ene instans afviser straks skrivning i det fortrolige på den anden', async () => {
    lockStorage = await postgresStorage();
    redis ??= await startRedis();
    // The periodic check is far away: the lock must hold without it.
    const args = ['--redis', `127.0.0.1:${redis.port}`, '--kontrol-sekunder', '600'];
    const first = await startServerProcess(lockStorage, args);
    const second = await startServerProcess(lockStorage, args);
    const forum = await shareForum(first);
    const meetingId = randomUUID();
    const moede = documentName({ kind: 'moede', forumId: forum.forumId, meetingId });
    const fortroligt = documentName({ kind: 'fortroligt', forumId: forum.forumId, meetingId });
    const owner = await scenario.laptop(first, forum.admin).sync(moede);
    // Only the confidential document is open on the second instance, so the lock never reaches it through Redis.
    const member = await scenario.laptop(second, forum.medlem).sync(fortroligt);
    owner.doc.getMap(MEETING_ROOT).set(REFERAT_LOCKED_KEY, new Date().toISOString());
    await acknowledged(owner.provider);
    await until(async () => {
      const probe = scenario.laptop(second, forum.medlem).open(fortroligt);
      await within(probe.outcome, 5000, 'prøveforbindelse');
      return probe.provider.authorizedScope === 'readonly';
    }, 5000, 'låsen i medlemstabellen');

    member.doc.getText('punkt').insert(0, 'Rettet efter låsen');
    await second.waitForLog((line) => line.event === 'refused' && line.reason === 'referat-locked' && line.document === fortroligt);
    expect(member.provider.hasUnsyncedChanges).toBe(true);
  });
});
